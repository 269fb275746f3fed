// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/random.c - get_random_bytes() and getrandom(2): bytes that
 * look random, from the time stamp counter.
 *
 * Linux 2.6: drivers/char/random.c (get_random_bytes, and, much later,
 * sys_getrandom).  Linux keeps entropy pools fed by interrupt timings
 * and mixes them with a cryptographic hash; this kernel does far less,
 * and says so: it is NOT a cryptographic generator.  A 128-bit state
 * (four words) is stirred, for every 32-bit output, with the TSC of the
 * moment (whose low bits depend on everything that happened since boot:
 * interrupts, emulation, cache misses) and a counter, then passed
 * through a multiply-xorshift finalizer (the mixing step of MurmurHash3)
 * so that neighbouring TSC values give unrelated words.  Enough for what
 * it feeds: AT_RANDOM (the 16 bytes execve() puts on every new program's
 * stack, which glibc uses for its stack-protector and pointer-guard
 * canaries) and getrandom(2) (busybox seeds its own generator with it).
 * Someone who can read the TSC at the right moment can predict it.
 * The state is shared by every CPU: a spinlock keeps two CPUs from
 * handing out the same words.
 */
#include <asm/processor.h>
#include <asm/uaccess.h>
#include <errno.h>
#include <kernel.h>
#include <random.h>
#include <spinlock.h>
#include <string.h>
#include <syscalls.h>

/*
 * Most bytes one getrandom() returns: a short read, which the call's
 * contract allows above 256 bytes (Linux stops at 32 MiB); callers that
 * want more loop.  It bounds the time one call can take.
 */
#define GETRANDOM_MAX	PAGE_SIZE

static DEFINE_SPINLOCK(random_lock);
static u32 pool[4] = { 0x6b743236, 0x9e3779b9, 0x7f4a7c15, 0x85ebca6b };
static u32 counter;

/* MurmurHash3's 32-bit finalizer: every input bit reaches every output. */
static u32 fmix32(u32 h)
{
	h ^= h >> 16;
	h *= 0x85ebca6b;
	h ^= h >> 13;
	h *= 0xc2b2ae35;
	h ^= h >> 16;
	return h;
}

/**
 * get_random_u32 - one word from the pool
 *
 * Context: any (takes random_lock with interrupts off).
 * Return: 32 bits that look random (not cryptographic).
 */
u32 get_random_u32(void)
{
	unsigned long flags;
	u64 tsc = rdtsc();
	u32 out;

	spin_lock_irqsave(&random_lock, flags);
	pool[0] ^= fmix32((u32)tsc + counter++);
	pool[1] += fmix32(pool[0] ^ (u32)(tsc >> 32));
	pool[2] ^= fmix32(pool[1] + 0x9e3779b9);
	pool[3] += fmix32(pool[2] ^ pool[0]);
	out = fmix32(pool[3] ^ pool[1]);
	spin_unlock_irqrestore(&random_lock, flags);
	return out;
}

/**
 * get_random_bytes - fill a kernel buffer
 * @buf: the buffer
 * @nbytes: its size
 *
 * One word from the pool seeds a counter that the finalizer turns into
 * the rest, so the lock is taken once per call.
 * Context: any.
 */
void get_random_bytes(void *buf, size_t nbytes)
{
	u32 seed = get_random_u32(), key = get_random_u32();
	u8 *p = buf;

	for (u32 i = 0; nbytes; i++) {
		u32 w = fmix32(seed + i * 0x9e3779b9) ^ key;
		size_t n = min(nbytes, sizeof(w));

		memcpy(p, &w, n);
		p += n;
		nbytes -= n;
	}
}

/**
 * sys_getrandom - getrandom(2)
 * @ubuf: where the bytes go
 * @count: how many
 * @flags: GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE (none changes
 *         anything: the pool never blocks)
 *
 * Context: process.
 * Return: bytes written (at most GETRANDOM_MAX, 4096), -EINVAL for unknown
 * flags or GRND_INSECURE with GRND_RANDOM, -EFAULT.
 */
asmlinkage long sys_getrandom(char *ubuf, size_t count, unsigned int flags)
{
	size_t done = 0;
	u8 chunk[256];

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_INSECURE) && (flags & GRND_RANDOM))
		return -EINVAL;
	if (count > GETRANDOM_MAX)
		count = GETRANDOM_MAX;
	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));

		get_random_bytes(chunk, n);
		if (copy_to_user(ubuf + done, chunk, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	memset(chunk, 0, sizeof(chunk));
	return done;
}

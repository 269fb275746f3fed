// SPDX-License-Identifier: GPL-2.0
/*
 * tests/unit/vfs_host.c - the machine under the VFS for the host build of
 * fs/namei.c, fs/dcache.c, fs/namespace.c and fs/inode.c
 * (tests/unit/namei_test.c).
 *
 * Those files are the kernel's own, compiled for the host with the shims
 * of tests/unit/host/vfs/ (the task: current, its fs_struct and
 * credentials) and tests/unit/host/ (spinlocks as flags) first on the
 * include path, and renamed like lib/ (tests/unit/host-renames.txt).
 * What a host process cannot have is here instead: the allocators are
 * the C library's malloc, with counts of the objects alive so that a test
 * sees a leak of a dentry or an inode at once (and AddressSanitizer sees
 * the rest); mutexes are owner fields, with a count of those held, since
 * one thread never waits; printk goes to stderr through the kernel's own
 * vsnprintf; panic and BUG abort.  The parts of the VFS a walk never
 * reaches (opening files, truncation, devices, other file systems) are
 * stand-ins that fail loudly if they are reached after all.
 * Linux 2.6 has no such file: its VFS is tested on a running kernel.
 */
#include <asm/uaccess.h>
#include <capability.h>
#include <ext3_fs.h>
#include <file.h>
#include <fs.h>
#include <fs_struct.h>
#include <kernel.h>
#include <mutex.h>
#include <pagemap.h>
#include <sched.h>
#include <slab.h>
#include <stdarg.h>
#include <string.h>
#include <swap.h>
#include <time.h>
#include <writeback.h>
#include "vfs_host.h"

/* The C library's, declared here: the kernel's headers are in force. */
void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void free(void *ptr);
void abort(void) __noreturn;
struct _IO_FILE;
extern struct _IO_FILE *stderr;
int fputs(const char *s, struct _IO_FILE *stream);


struct task_struct host_task;
struct fs_struct host_fs;
long host_kmalloc_alive, host_cache_alive, host_mutexes_held;

static void host_print(const char *prefix, const char *fmt, va_list args)
{
	char line[512];

	vsnprintf(line, sizeof(line), fmt, args);
	fputs(prefix, stderr);
	fputs(line, stderr);
	fputs("\n", stderr);
}

int printk(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	host_print("printk: ", fmt, args);
	va_end(args);
	return 0;
}

void panic(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	host_print("panic: ", fmt, args);
	va_end(args);
	abort();
}

void __bug(const char *file, int line, const char *cond)
{
	printk("BUG at %s:%d: %s", file, line, cond ? cond : "");
	abort();
}

void __warn(const char *file, int line, const char *cond)
{
	printk("WARNING at %s:%d: %s", file, line, cond ? cond : "");
}

/* The test's task is root: permission() lets it search everywhere. */
bool capable(int cap)
{
	return true;
}

/* "User" pointers are the test's own strings. */
unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

long strncpy_from_user(char *dst, const char *src, long count)
{
	long n = strnlen(src, count);

	memcpy(dst, src, n < count ? n + 1 : n);
	return n;
}

void *kmalloc(size_t size, gfp_t flags)
{
	void *p = malloc(size);

	if (p)
		host_kmalloc_alive++;
	return p;
}

void *kzalloc(size_t size, gfp_t flags)
{
	void *p = calloc(1, size);

	if (p)
		host_kmalloc_alive++;
	return p;
}

void kfree(const void *ptr)
{
	if (ptr)
		host_kmalloc_alive--;
	free((void *)ptr);
}

struct kmem_cache {
	size_t size;
};

struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align, unsigned int flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *cache = malloc(sizeof(*cache));

	BUG_ON(!cache || ctor);
	cache->size = size;
	return cache;
}

void *kmem_cache_zalloc(struct kmem_cache *cache, gfp_t flags)
{
	void *p = calloc(1, cache->size);

	if (p)
		host_cache_alive++;
	return p;
}

void kmem_cache_free(struct kmem_cache *cache, void *obj)
{
	host_cache_alive--;
	free(obj);
}

/* One thread: a mutex held by the caller again would be a deadlock. */
void mutex_init(struct mutex *lock)
{
	lock->owner = NULL;
}

void mutex_lock(struct mutex *lock)
{
	BUG_ON(lock->owner);
	lock->owner = current;
	host_mutexes_held++;
}

void mutex_lock_nested(struct mutex *lock, unsigned int subclass)
{
	mutex_lock(lock);
}

void mutex_unlock(struct mutex *lock)
{
	BUG_ON(lock->owner != current);
	lock->owner = NULL;
	host_mutexes_held--;
}

struct timespec current_kernel_time(void)
{
	return (struct timespec){ 0, 0 };
}

/* Never reached by a walk: a call is a bug in the test. */
const struct file_operations def_chr_fops, def_blk_fops;

struct file *fget(unsigned int fd)
{
	BUG();
}

void fput(struct file *f)
{
	BUG();
}

struct file *dentry_open(struct dentry *dentry, struct vfsmount *mnt,
			 int flags)
{
	BUG();
}

int do_truncate(struct dentry *dentry, off_t length)
{
	BUG();
}

/*
 * The page cache: a walk reads no file, so an inode's mapping stays
 * empty and clean (mm/filemap.c, fs/fs-writeback.c).
 */
void address_space_init_once(struct address_space *mapping,
			     struct inode *host)
{
	memset(mapping, 0, sizeof(*mapping));
	mapping->host = host;
	INIT_LIST_HEAD(&mapping->clean_pages);
	INIT_LIST_HEAD(&mapping->dirty_pages);
	INIT_LIST_HEAD(&mapping->io_pages);
}

/* The host's inodes never have pages: freeing one finds none. */
void truncate_inode_pages(struct address_space *mapping, off_t lstart)
{
	BUG_ON(mapping->nrpages);
}

void inode_wb_forget(struct inode *inode)
{
	BUG();
}

/* No reclaim on the host: the icache's shrinker is never asked. */
void register_shrinker(struct shrinker *shrinker)
{
}

void sync_inodes_sb(struct super_block *sb)
{
	BUG();
}

void chrdev_init(void)
{
}

int make_dev_nodes(void)
{
	BUG();
}

void init_ext3_fs(void)
{
}

void init_ramfs_fs(void)
{
}

void init_rootfs(void)
{
}

/* fs/super.c's: the test's file systems (vfs_host.h) instead. */
struct file_system_type *get_fs_type(const char *name)
{
	return host_get_fs_type(name);
}

void deactivate_super(struct super_block *sb)
{
	sb->s_type->kill_sb(sb);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * user/lib/malloc.c - malloc, realloc and free on top of brk.
 *
 * Linux 2.6 + a C library: glibc's malloc/malloc.c (far more elaborate),
 * which also starts from sys_brk() in mm/mmap.c.  First fit over a single
 * free list kept in address order, so that free() can merge a block with
 * its neighbours and the heap does not crumble into small pieces.  Every
 * block starts with a header holding its size and a magic word saying
 * whether it is in use: free() checks the word, so a double free or a
 * wild pointer aborts loudly instead of corrupting the list.  The heap
 * only grows; freed memory is reused, never given back to the kernel.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BLOCK_USED	0x55534544	/* "USED" */
#define BLOCK_FREE	0x46524545	/* "FREE" */
#define HEAP_GROWTH	16384		/* ask brk for at least this much */

/* 16 bytes, so every payload is 16-byte aligned like the header. */
struct block {
	size_t size;		/* bytes, this header included */
	unsigned int magic;	/* BLOCK_USED or BLOCK_FREE */
	struct block *next;	/* next free block by address (free only) */
} __attribute__((aligned(16)));

#define HEADER		sizeof(struct block)

static struct block *free_list;

/*
 * Puts @b on the free list in address order and merges it with the
 * blocks that touch it.
 */
static void insert_free(struct block *b)
{
	struct block *prev = NULL, *next = free_list;

	while (next && next < b) {
		prev = next;
		next = next->next;
	}
	b->magic = BLOCK_FREE;
	b->next = next;
	if (prev)
		prev->next = b;
	else
		free_list = b;

	if (next && (char *)b + b->size == (char *)next) {
		b->size += next->size;
		b->next = next->next;
	}
	if (prev && (char *)prev + prev->size == (char *)b) {
		prev->size += b->size;
		prev->next = b->next;
	}
}

/* Adds at least @need bytes of fresh heap to the free list. */
static int grow_heap(size_t need)
{
	uintptr_t start = (uintptr_t)sbrk(0);
	/* The first break may be anywhere: align blocks like headers. */
	size_t pad = -start & (HEADER - 1);
	size_t size = need > HEAP_GROWTH ? need : HEAP_GROWTH;
	char *mem;

	if (size > SIZE_MAX - pad)
		return -1;
	mem = sbrk(pad + size);
	if (mem == (void *)-1)
		return -1;
	((struct block *)(mem + pad))->size = size;
	insert_free((struct block *)(mem + pad));
	return 0;
}

/**
 * malloc - allocate @size bytes
 * @size: bytes wanted
 *
 * Return: a 16-byte aligned pointer, or NULL (errno ENOMEM) when brk
 * fails.
 */
void *malloc(size_t size)
{
	size_t need;

	if (size > SIZE_MAX - 2 * HEADER) {
		errno = ENOMEM;
		return NULL;
	}
	/* The header plus @size, rounded up to keep the next one aligned. */
	need = (size + 2 * HEADER - 1) & ~(HEADER - 1);

	for (;;) {
		struct block *prev = NULL, *b;

		for (b = free_list; b; prev = b, b = b->next)
			if (b->size >= need)
				break;
		if (!b) {
			if (grow_heap(need) < 0)
				return NULL;
			continue;
		}
		if (b->size - need >= 2 * HEADER) {
			/* Split: the tail stays free, in b's place. */
			struct block *rest = (struct block *)((char *)b + need);

			rest->size = b->size - need;
			rest->magic = BLOCK_FREE;
			rest->next = b->next;
			b->size = need;
			b->next = rest;
		}
		if (prev)
			prev->next = b->next;
		else
			free_list = b->next;
		b->magic = BLOCK_USED;
		return b + 1;
	}
}

/* The block of @ptr, after checking that malloc handed it out. */
static struct block *used_block(void *ptr, const char *who)
{
	struct block *b = (struct block *)ptr - 1;

	if (b->magic != BLOCK_USED) {
		dprintf(STDERR_FILENO, "%s: %p is not an allocated block%s\n",
			who, ptr,
			b->magic == BLOCK_FREE ? " (double free)" : "");
		abort();
	}
	return b;
}

/**
 * free - give back memory from malloc
 * @ptr: what malloc returned, or NULL (nothing happens)
 *
 * Aborts, with a message, on a pointer that is not an allocated block.
 */
void free(void *ptr)
{
	if (ptr)
		insert_free(used_block(ptr, "free"));
}

/**
 * realloc - make a block from malloc @size bytes long
 * @ptr: what malloc returned, or NULL (then this is malloc)
 * @size: the new size
 *
 * A block that is big enough already stays where it is; otherwise the
 * contents move to a new block and the old one is freed.
 * Return: the block, or NULL (errno ENOMEM; @ptr is still valid).
 */
void *realloc(void *ptr, size_t size)
{
	struct block *b;
	size_t room;
	void *moved;

	if (!ptr)
		return malloc(size);
	b = used_block(ptr, "realloc");
	room = b->size - HEADER;
	if (size <= room)
		return ptr;
	moved = malloc(size);
	if (!moved)
		return NULL;
	memcpy(moved, ptr, room);
	free(ptr);
	return moved;
}

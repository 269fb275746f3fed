/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/slab.h - caches of equal-sized objects, and kmalloc (mm/slab.c).
 *
 * Linux 2.6: include/linux/slab.h.
 * The page allocator hands out whole pages; the kernel mostly needs
 * small objects (a task_struct, an mm_struct, a 64-byte buffer).  A
 * kmem_cache cuts pages ("slabs") into objects of one size and keeps the
 * free ones on a list, so an allocation is a list pop.  kmalloc() is a set
 * of such caches for sizes 32 .. 4096 bytes; larger requests go straight
 * to the page allocator.
 */
#ifndef _SLAB_H
#define _SLAB_H

#include <gfp.h>
#include <list.h>
#include <spinlock.h>
#include <types.h>

#define SLAB_HWCACHE_ALIGN	0x1	/* align objects to 32 bytes */

struct kmem_cache;

/* mm/slab.c */
void kmem_cache_init(void);
struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align, unsigned int flags,
				     void (*ctor)(void *));
int kmem_cache_destroy(struct kmem_cache *cache);
void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t flags);
void *kmem_cache_zalloc(struct kmem_cache *cache, gfp_t flags);
void kmem_cache_free(struct kmem_cache *cache, void *obj);
unsigned long kmem_cache_shrink(struct kmem_cache *cache);
unsigned long kmem_cache_shrink_all(void);
unsigned long kmem_cache_free_slab_pages(void);
unsigned long kmem_cache_active_objects(void);
unsigned long kmem_cache_slab_pages(void);

void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
void kfree(const void *ptr);

/* Errors caught (double frees, foreign pointers), for the tests. */
extern unsigned long slab_errors;

int slab_report(char *buf, int len);

#endif /* _SLAB_H */

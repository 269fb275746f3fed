// SPDX-License-Identifier: GPL-2.0
/*
 * tests/unit/slab_test.c - mm/slab.c on the host, over the fake memory of
 * mm_host.c: caches, kmalloc size classes, double and foreign frees,
 * random workloads that must give every page back.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "mm_host.h"
#include "unit.h"
#include <slab.h>

#define PAGES 4096

static unsigned long free_before;

static void fresh(void)
{
	mm_host_init(PAGES, 16);
	kmem_cache_init();
	free_before = nr_free_pages();
	slab_errors = 0;
}

struct thing {
	int a, b;
	char name[52];
};

UNIT_TEST(slab_cache_alloc_free)
{
	struct kmem_cache *cache;
	struct thing *objs[300];

	fresh();
	cache = kmem_cache_create("thing", sizeof(struct thing), 0, 0, NULL);
	CHECK(cache != NULL);
	for (int i = 0; i < 300; i++) {
		objs[i] = kmem_cache_alloc(cache, GFP_KERNEL);
		CHECK(objs[i] != NULL);
		CHECK_EQ((uintptr_t)objs[i] % sizeof(void *), 0);
		memset(objs[i], i, sizeof(struct thing));	/* ASan checks */
		for (int j = 0; j < i; j++)
			CHECK(objs[j] != objs[i]);
	}
	for (int i = 0; i < 300; i++)
		kmem_cache_free(cache, objs[i]);
	CHECK_EQ(kmem_cache_destroy(cache), 0);
	kmem_cache_shrink_all();
	CHECK_EQ(nr_free_pages(), free_before);
	CHECK_EQ(slab_errors, 0);
	mm_host_exit();
}

UNIT_TEST(slab_destroy_busy_cache_refused)
{
	struct kmem_cache *cache;
	void *obj;

	fresh();
	cache = kmem_cache_create("busy", 100, 0, 0, NULL);
	obj = kmem_cache_alloc(cache, GFP_KERNEL);
	CHECK(obj != NULL);
	CHECK_EQ(kmem_cache_destroy(cache), -EBUSY);
	kmem_cache_free(cache, obj);
	CHECK_EQ(kmem_cache_destroy(cache), 0);
	mm_host_exit();
}

UNIT_TEST(kmalloc_size_classes)
{
	static const size_t sizes[] = { 1, 32, 33, 64, 100, 500, 512, 1000,
					2048, 3000, 4096, 4097, 8192, 20000 };
	void *p[sizeof(sizes) / sizeof(sizes[0])];

	fresh();
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		p[i] = kmalloc(sizes[i], GFP_KERNEL);
		CHECK(p[i] != NULL);
		memset(p[i], 0xAA, sizes[i]);
		if (sizes[i] > 4096)	/* from the page allocator */
			CHECK_EQ((uintptr_t)p[i] % 4096, 0);
	}
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		kfree(p[i]);
	kfree(NULL);
	kmem_cache_shrink_all();
	CHECK_EQ(nr_free_pages(), free_before);
	CHECK_EQ(slab_errors, 0);
	mm_host_exit();
}

UNIT_TEST(kzalloc_is_zeroed)
{
	unsigned char *p;

	fresh();
	p = kmalloc(200, GFP_KERNEL);
	memset(p, 0xFF, 200);
	kfree(p);
	p = kzalloc(200, GFP_KERNEL);	/* likely the same object again */
	for (int i = 0; i < 200; i++)
		CHECK_EQ(p[i], 0);
	kfree(p);
	mm_host_exit();
}

UNIT_TEST(slab_double_free_detected)
{
	void *a, *b, *c;

	fresh();
	a = kmalloc(64, GFP_KERNEL);
	b = kmalloc(64, GFP_KERNEL);
	kfree(a);
	CHECK_EQ(slab_errors, 0);
	kfree(a);			/* double free: reported, ignored */
	CHECK_EQ(slab_errors, 1);
	/* The free list is not corrupted: two allocations, two objects. */
	a = kmalloc(64, GFP_KERNEL);
	c = kmalloc(64, GFP_KERNEL);
	CHECK(a != c && a != b && c != b);
	kfree(a);
	kfree(b);
	kfree(c);
	CHECK_EQ(slab_errors, 1);
	mm_host_exit();
}

UNIT_TEST(slab_foreign_pointers_detected)
{
	int on_stack;
	char *p;
	struct kmem_cache *x, *y;
	void *obj;

	fresh();
	p = kmalloc(128, GFP_KERNEL);
	kfree(p + 4);			/* not the start of an object */
	CHECK_EQ(slab_errors, 1);
	kfree(&on_stack);		/* not kernel memory at all */
	CHECK_EQ(slab_errors, 2);
	kfree(page_address(alloc_pages(GFP_KERNEL, 0)) + 64); /* a page */
	CHECK_EQ(slab_errors, 3);
	x = kmem_cache_create("x", 40, 0, 0, NULL);
	y = kmem_cache_create("y", 40, 0, 0, NULL);
	obj = kmem_cache_alloc(x, GFP_KERNEL);
	kmem_cache_free(y, obj);	/* wrong cache */
	CHECK_EQ(slab_errors, 4);
	kmem_cache_free(x, obj);
	kfree(p);
	CHECK_EQ(slab_errors, 4);
	mm_host_exit();
}

UNIT_TEST(slab_random_100000_ops)
{
	static void *held[4000];
	static size_t held_size[4000];
	int n = 0;

	fresh();
	srand(4242);
	for (int op = 0; op < 100000; op++) {
		if (n < 4000 && (n == 0 || rand() % 2)) {
			size_t size = 1 + rand() % (rand() % 8 ? 512 : 9000);
			void *p = kmalloc(size, GFP_KERNEL | __GFP_NOWARN);

			if (!p)
				continue;
			memset(p, op, size);
			held_size[n] = size;
			held[n++] = p;
		} else {
			int i = rand() % n;

			kfree(held[i]);
			held[i] = held[--n];
			held_size[i] = held_size[n];
		}
	}
	while (n)
		kfree(held[--n]);
	kmem_cache_shrink_all();
	CHECK_EQ(nr_free_pages(), free_before);
	CHECK_EQ(slab_errors, 0);
	CHECK_EQ(host_bad_reports, 0);
	mm_host_exit();
}

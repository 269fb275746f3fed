// SPDX-License-Identifier: GPL-2.0
/*
 * mm/slab.c - the slab allocator: object caches and kmalloc.
 *
 * Linux 2.6: mm/slab.c (Jeff Bonwick's design, much reduced).
 * A cache owns slabs: blocks of 2^gfporder pages cut into `num` objects of
 * `size` bytes.  Each slab is on one of three lists (full, partial, free);
 * allocation takes an object from a partial slab (or a new one), freeing
 * puts it back.  A slab's descriptor (struct slab) sits at the start of the
 * slab for small objects and in a separate small object for large ones
 * (so a 4096-byte object still fills exactly one page).  Every page of a
 * slab carries PG_slab and points at its descriptor (page->private), so
 * kfree() finds the cache of any pointer.
 *
 * Freeing is checked: a pointer that is not the start of an allocated
 * object of this cache (a double free, a foreign or misaligned pointer) is
 * reported with a backtrace and ignored, never silently corrupting a free
 * list.  A per-slab bitmap of allocated objects makes this cheap.
 *
 * One empty slab per cache is kept to avoid allocating and freeing pages
 * on every boundary crossing; kmem_cache_shrink() returns it (kswapd does
 * this through its shrinker).
 */
#include <atomic.h>
#include <kernel.h>
#include <mm.h>
#include <slab.h>
#include <string.h>

#define SLAB_MAX_OBJS	128	/* objects per slab: the bitmap's size */
#define SLAB_MAX_ORDER	3	/* at most 8 pages per slab */
#define OFF_SLAB_LIMIT	(PAGE_SIZE / 8)	/* larger objects: descriptor apart */
#define BYTES_PER_WORD	sizeof(void *)

struct kmem_cache {
	/* cache->lock, interrupts off (kmalloc(GFP_ATOMIC) in interrupts): */
	spinlock_t lock;
	struct list_head slabs_full;
	struct list_head slabs_partial;
	struct list_head slabs_free;
	unsigned long active_objs;	/* objects handed out */
	unsigned long num_slabs;

	/* Fixed at creation: */
	const char *name;
	size_t object_size;		/* what the creator asked for */
	size_t size;			/* per object, aligned */
	unsigned int num;		/* objects per slab */
	unsigned int gfporder;		/* 2^gfporder pages per slab */
	bool off_slab;			/* descriptor outside the slab */
	void (*ctor)(void *obj);
	struct list_head next;		/* on cache_chain */
};

struct slab {
	struct list_head list;		/* on a full/partial/free list */
	struct kmem_cache *cache;
	void *s_mem;			/* the first object */
	unsigned int inuse;		/* objects handed out */
	void *freelist;			/* free objects, linked by first word */
	unsigned long bitmap[SLAB_MAX_OBJS / (8 * sizeof(long))]; /* in use */
};

unsigned long slab_errors;

/* The cache of caches, and the cache of off-slab descriptors. */
static struct kmem_cache cache_cache;
static struct kmem_cache slab_desc_cache;
static LIST_HEAD(cache_chain);
/* Interrupts off: the memory report (a magic key) walks the chain. */
static DEFINE_SPINLOCK(cache_chain_lock);

static const size_t kmalloc_sizes[] = { 32, 64, 128, 256, 512, 1024, 2048,
					4096 };
static const char *const kmalloc_names[] = {
	"size-32", "size-64", "size-128", "size-256", "size-512", "size-1024",
	"size-2048", "size-4096",
};
static struct kmem_cache *kmalloc_caches[ARRAY_SIZE(kmalloc_sizes)];

static void slab_error(struct kmem_cache *cache, const char *function,
		       const char *what, const void *obj)
{
	stat_inc(&slab_errors);
	printk(KERN_ERR "slab error in %s(): cache `%s': %s %p\n", function,
	       cache ? cache->name : "?", what, obj);
	dump_stack();
}

/* Pick gfporder and num: the smallest slab that wastes at most 1/8. */
static void cache_estimate(struct kmem_cache *cache)
{
	for (unsigned int order = 0; order <= SLAB_MAX_ORDER; order++) {
		size_t bytes = PAGE_SIZE << order;
		size_t head = cache->off_slab ? 0 :
			      ALIGN(sizeof(struct slab), BYTES_PER_WORD);
		size_t num = (bytes - head) / cache->size;

		if (num > SLAB_MAX_OBJS)
			num = SLAB_MAX_OBJS;
		cache->gfporder = order;
		cache->num = num;
		if (num && bytes - head - num * cache->size <= bytes / 8)
			return;
	}
}

static void cache_setup(struct kmem_cache *cache, const char *name,
			size_t size, size_t align, void (*ctor)(void *))
{
	unsigned long flags;

	spin_lock_init(&cache->lock);
	INIT_LIST_HEAD(&cache->slabs_full);
	INIT_LIST_HEAD(&cache->slabs_partial);
	INIT_LIST_HEAD(&cache->slabs_free);
	cache->active_objs = 0;
	cache->num_slabs = 0;
	cache->name = name;
	cache->object_size = size;
	if (align < BYTES_PER_WORD)
		align = BYTES_PER_WORD;
	cache->size = ALIGN(max(size, BYTES_PER_WORD), align);
	cache->off_slab = cache->size >= OFF_SLAB_LIMIT;
	cache->ctor = ctor;
	cache_estimate(cache);

	spin_lock_irqsave(&cache_chain_lock, flags);
	list_add_tail(&cache->next, &cache_chain);
	spin_unlock_irqrestore(&cache_chain_lock, flags);
}

/* Get a slab's pages and descriptor, and thread its objects. */
static struct slab *cache_grow(struct kmem_cache *cache, gfp_t flags)
{
	struct page *page = alloc_pages(flags & ~__GFP_ZERO, cache->gfporder);
	struct slab *slab;
	char *base;

	if (!page)
		return NULL;
	base = page_address(page);
	if (cache->off_slab) {
		slab = kmem_cache_alloc(&slab_desc_cache, flags & ~__GFP_ZERO);
		if (!slab) {
			__free_pages(page, cache->gfporder);
			return NULL;
		}
		slab->s_mem = base;
	} else {
		slab = (struct slab *)base;
		slab->s_mem = base + ALIGN(sizeof(struct slab), BYTES_PER_WORD);
	}
	slab->cache = cache;
	slab->inuse = 0;
	memset(slab->bitmap, 0, sizeof(slab->bitmap));

	/* Free objects link through their first word, in address order. */
	slab->freelist = NULL;
	for (int i = cache->num - 1; i >= 0; i--) {
		void *obj = (char *)slab->s_mem + i * cache->size;

		if (cache->ctor)
			cache->ctor(obj);
		*(void **)obj = slab->freelist;
		slab->freelist = obj;
	}
	for (unsigned int i = 0; i < (1u << cache->gfporder); i++) {
		SetPageFlag(page + i, PG_slab);
		page[i].private = (unsigned long)slab;
	}
	return slab;
}

/* Give a slab's pages (and off-slab descriptor) back. */
static void slab_destroy(struct kmem_cache *cache, struct slab *slab)
{
	struct page *page = virt_to_page(slab->s_mem);

	for (unsigned int i = 0; i < (1u << cache->gfporder); i++) {
		ClearPageFlag(page + i, PG_slab);
		page[i].private = 0;
	}
	if (cache->off_slab)
		kmem_cache_free(&slab_desc_cache, slab);
	__free_pages(page, cache->gfporder);
}

static inline unsigned int obj_index(struct slab *slab, const void *obj)
{
	return ((const char *)obj - (const char *)slab->s_mem) /
	       slab->cache->size;
}

static bool obj_in_use(struct slab *slab, unsigned int idx)
{
	return (slab->bitmap[idx / (8 * sizeof(long))] >>
		(idx % (8 * sizeof(long)))) & 1;
}

static void obj_mark(struct slab *slab, unsigned int idx, bool in_use)
{
	unsigned long bit = 1UL << (idx % (8 * sizeof(long)));

	if (in_use)
		slab->bitmap[idx / (8 * sizeof(long))] |= bit;
	else
		slab->bitmap[idx / (8 * sizeof(long))] &= ~bit;
}

/**
 * kmem_cache_alloc - take an object from a cache
 * @cache: the cache
 * @flags: GFP flags for a new slab, if one is needed
 *
 * Context: as @flags allow (GFP_ATOMIC from interrupts).
 * Return: the object, or NULL.
 */
void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t flags)
{
	unsigned long irqflags;
	struct slab *slab;
	void *obj;

	if (should_fail_alloc())
		return NULL;
	spin_lock_irqsave(&cache->lock, irqflags);
	if (!list_empty(&cache->slabs_partial)) {
		slab = list_first_entry(&cache->slabs_partial, struct slab,
					list);
	} else if (!list_empty(&cache->slabs_free)) {
		slab = list_first_entry(&cache->slabs_free, struct slab, list);
	} else {
		/* The page allocator may sleep: not under our lock. */
		spin_unlock_irqrestore(&cache->lock, irqflags);
		slab = cache_grow(cache, flags);
		if (!slab)
			return NULL;
		spin_lock_irqsave(&cache->lock, irqflags);
		list_add(&slab->list, &cache->slabs_free);
		cache->num_slabs++;
	}

	obj = slab->freelist;
	slab->freelist = *(void **)obj;
	obj_mark(slab, obj_index(slab, obj), true);
	slab->inuse++;
	cache->active_objs++;
	list_move(&slab->list, slab->inuse == cache->num ?
			       &cache->slabs_full : &cache->slabs_partial);
	spin_unlock_irqrestore(&cache->lock, irqflags);

	if (flags & __GFP_ZERO)
		memset(obj, 0, cache->object_size);
	return obj;
}

/**
 * kmem_cache_zalloc - kmem_cache_alloc() of a zeroed object
 * @cache: the cache
 * @flags: GFP flags
 *
 * Return: the object, or NULL.
 */
void *kmem_cache_zalloc(struct kmem_cache *cache, gfp_t flags)
{
	return kmem_cache_alloc(cache, flags | __GFP_ZERO);
}

/*
 * The slab an object of @cache lives in, or NULL (reported) if @obj is
 * not the start of an allocated object of @cache.
 */
static struct slab *check_free(struct kmem_cache *cache, const void *obj,
			       const char *function)
{
	struct page *page;
	struct slab *slab;
	size_t offset;

	if (!virt_addr_valid(obj) || !PageSlab(virt_to_page(obj))) {
		slab_error(cache, function, "pointer not from a slab:", obj);
		return NULL;
	}
	page = virt_to_page(obj);
	slab = (struct slab *)page->private;
	if (cache && slab->cache != cache) {
		slab_error(cache, function, "object of another cache:", obj);
		return NULL;
	}
	cache = slab->cache;
	offset = (const char *)obj - (const char *)slab->s_mem;
	if ((const char *)obj < (const char *)slab->s_mem ||
	    offset % cache->size || offset / cache->size >= cache->num) {
		slab_error(cache, function, "not the start of an object:",
			   obj);
		return NULL;
	}
	if (!obj_in_use(slab, offset / cache->size)) {
		slab_error(cache, function, "double free of", obj);
		return NULL;
	}
	return slab;
}

static void __cache_free(struct kmem_cache *cache, struct slab *slab,
			 void *obj)
{
	struct slab *spare = NULL;

	*(void **)obj = slab->freelist;
	slab->freelist = obj;
	obj_mark(slab, obj_index(slab, obj), false);
	slab->inuse--;
	cache->active_objs--;

	if (slab->inuse) {
		list_move(&slab->list, &cache->slabs_partial);
		return;
	}
	/* Keep one empty slab; a second one goes back to the page allocator. */
	if (list_empty(&cache->slabs_free)) {
		list_move(&slab->list, &cache->slabs_free);
		return;
	}
	list_del(&slab->list);
	cache->num_slabs--;
	spare = slab;
	spin_unlock(&cache->lock);
	slab_destroy(cache, spare);
	spin_lock(&cache->lock);
}

/**
 * kmem_cache_free - give an object back to its cache
 * @cache: the cache it came from
 * @obj: the object (NULL is ignored)
 *
 * A pointer that is not an allocated object of @cache is reported and
 * ignored.
 * Context: any.
 */
void kmem_cache_free(struct kmem_cache *cache, void *obj)
{
	unsigned long irqflags;
	struct slab *slab;

	if (!obj)
		return;
	spin_lock_irqsave(&cache->lock, irqflags);
	slab = check_free(cache, obj, __func__);
	if (slab)
		__cache_free(cache, slab, obj);
	spin_unlock_irqrestore(&cache->lock, irqflags);
}

/**
 * kmem_cache_shrink - return a cache's empty slabs to the page allocator
 * @cache: the cache
 *
 * Context: process.
 * Return: the number of pages freed.
 */
unsigned long kmem_cache_shrink(struct kmem_cache *cache)
{
	unsigned long irqflags, pages = 0;

	spin_lock_irqsave(&cache->lock, irqflags);
	while (!list_empty(&cache->slabs_free)) {
		struct slab *slab = list_first_entry(&cache->slabs_free,
						     struct slab, list);

		list_del(&slab->list);
		cache->num_slabs--;
		spin_unlock_irqrestore(&cache->lock, irqflags);
		slab_destroy(cache, slab);
		pages += 1UL << cache->gfporder;
		spin_lock_irqsave(&cache->lock, irqflags);
	}
	spin_unlock_irqrestore(&cache->lock, irqflags);
	return pages;
}

/**
 * kmem_cache_shrink_all - kmem_cache_shrink() every cache
 *
 * The descriptor cache goes last: shrinking off-slab caches frees
 * descriptors into it.
 * Context: process.
 * Return: the number of pages freed.
 */
unsigned long kmem_cache_shrink_all(void)
{
	struct kmem_cache *cache;
	unsigned long pages = 0, flags;

	spin_lock_irqsave(&cache_chain_lock, flags);
	list_for_each_entry(cache, &cache_chain, next)
		if (cache != &slab_desc_cache)
			pages += kmem_cache_shrink(cache);
	spin_unlock_irqrestore(&cache_chain_lock, flags);
	return pages + kmem_cache_shrink(&slab_desc_cache);
}

/**
 * kmem_cache_free_slab_pages - pages kmem_cache_shrink_all() would free
 *
 * For the slab's shrinker (mm/vmscan.c): how much memory it can give.
 * Return: the pages of the empty slabs every cache keeps.
 */
unsigned long kmem_cache_free_slab_pages(void)
{
	struct kmem_cache *cache;
	unsigned long pages = 0, flags;
	struct slab *slab;

	spin_lock_irqsave(&cache_chain_lock, flags);
	list_for_each_entry(cache, &cache_chain, next) {
		spin_lock(&cache->lock);
		list_for_each_entry(slab, &cache->slabs_free, list)
			pages += 1UL << cache->gfporder;
		spin_unlock(&cache->lock);
	}
	spin_unlock_irqrestore(&cache_chain_lock, flags);
	return pages;
}

/**
 * kmem_cache_slab_pages - pages held by the slab caches, in use or not
 *
 * For the memory report (Slab:).
 * Context: any.
 * Return: the pages of every slab of every cache.
 */
unsigned long kmem_cache_slab_pages(void)
{
	struct kmem_cache *cache;
	unsigned long pages = 0, flags;

	/* The descriptors' own cache is on the chain too. */
	spin_lock_irqsave(&cache_chain_lock, flags);
	list_for_each_entry(cache, &cache_chain, next)
		pages += READ_ONCE(cache->num_slabs) << cache->gfporder;
	spin_unlock_irqrestore(&cache_chain_lock, flags);
	return pages;
}

/**
 * kmem_cache_active_objects - objects handed out by every cache together
 *
 * For leak checks: a leaked object may hide in a slab that has room, so
 * counting free pages alone does not see it.
 * Return: the sum of active_objs over all caches.
 */
unsigned long kmem_cache_active_objects(void)
{
	struct kmem_cache *cache;
	unsigned long objs = 0, flags;

	spin_lock_irqsave(&cache_chain_lock, flags);
	list_for_each_entry(cache, &cache_chain, next)
		objs += READ_ONCE(cache->active_objs);
	spin_unlock_irqrestore(&cache_chain_lock, flags);
	return objs;
}

/**
 * kmem_cache_create - make a cache of objects of one size
 * @name: shown in reports; must stay valid as long as the cache
 * @size: object size in bytes (at most PAGE_SIZE << SLAB_MAX_ORDER)
 * @align: alignment of each object (0: word)
 * @flags: SLAB_HWCACHE_ALIGN
 * @ctor: called on every object when a slab is made, or NULL
 *
 * Context: process, may sleep.
 * Return: the cache, or NULL.
 */
struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align, unsigned int flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *cache;

	if (!size || size > (PAGE_SIZE << SLAB_MAX_ORDER))
		return NULL;
	if (flags & SLAB_HWCACHE_ALIGN)
		align = max(align, (size_t)32);
	cache = kmem_cache_alloc(&cache_cache, GFP_KERNEL);
	if (cache)
		cache_setup(cache, name, size, align, ctor);
	return cache;
}

/**
 * kmem_cache_destroy - remove an empty cache
 * @cache: the cache; every object must have been freed
 *
 * Context: process.
 * Return: 0, or -EBUSY (and nothing destroyed) if objects are still out.
 */
int kmem_cache_destroy(struct kmem_cache *cache)
{
	unsigned long flags;

	if (cache->active_objs) {
		printk(KERN_ERR "kmem_cache_destroy: cache `%s' still has %lu "
		       "objects\n", cache->name, cache->active_objs);
		return -EBUSY;
	}
	kmem_cache_shrink(cache);
	spin_lock_irqsave(&cache_chain_lock, flags);
	list_del(&cache->next);
	spin_unlock_irqrestore(&cache_chain_lock, flags);
	kmem_cache_free(&cache_cache, cache);
	return 0;
}

/**
 * kmalloc - allocate @size bytes
 * @size: bytes; up to 4096 from the size-N caches, more from the page
 *        allocator (whole 2^order pages)
 * @flags: GFP flags
 *
 * Return: memory aligned to at least 4 bytes (page-aligned above 4096),
 * or NULL.
 */
void *kmalloc(size_t size, gfp_t flags)
{
	struct page *page;
	unsigned int order;

	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++)
		if (size <= kmalloc_sizes[i])
			return kmem_cache_alloc(kmalloc_caches[i], flags);

	order = get_order(size);
	if (order >= MAX_ORDER)
		return NULL;
	page = alloc_pages(flags, order);
	if (!page)
		return NULL;
	SetPageFlag(page, PG_kmalloc);
	page->private = order;
	return page_address(page);
}

/**
 * kzalloc - kmalloc() zeroed memory
 * @size: bytes
 * @flags: GFP flags
 *
 * Return: the memory, or NULL.
 */
void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

/**
 * kfree - free memory from kmalloc()
 * @ptr: the pointer kmalloc() returned (NULL is ignored)
 *
 * A pointer kmalloc() never returned, or one freed already, is reported
 * and ignored.
 * Context: any.
 */
void kfree(const void *ptr)
{
	struct page *page;
	unsigned long irqflags;
	struct slab *slab;

	if (!ptr)
		return;
	if (!virt_addr_valid(ptr)) {
		slab_error(NULL, __func__, "pointer never allocated:", ptr);
		return;
	}
	page = virt_to_page(ptr);
	if (PageSlab(page)) {
		struct kmem_cache *cache = ((struct slab *)page->private)->cache;

		spin_lock_irqsave(&cache->lock, irqflags);
		slab = check_free(cache, ptr, __func__);
		if (slab)
			__cache_free(cache, slab, (void *)ptr);
		spin_unlock_irqrestore(&cache->lock, irqflags);
	} else if (PageFlag(page, PG_kmalloc) && ptr == page_address(page)) {
		ClearPageFlag(page, PG_kmalloc);
		__free_pages(page, page->private);
	} else {
		slab_error(NULL, __func__, "pointer never allocated:", ptr);
	}
}

/**
 * kmem_cache_init - set up the cache of caches and the kmalloc caches
 *
 * Context: boot, after mem_init().
 */
void kmem_cache_init(void)
{
	INIT_LIST_HEAD(&cache_chain);
	cache_setup(&cache_cache, "kmem_cache", sizeof(struct kmem_cache), 0,
		    NULL);
	cache_setup(&slab_desc_cache, "slab", sizeof(struct slab), 0, NULL);
	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++) {
		kmalloc_caches[i] = kmem_cache_create(kmalloc_names[i],
						      kmalloc_sizes[i], 0, 0,
						      NULL);
		if (!kmalloc_caches[i])
			panic("kmem_cache_init: no memory for %s",
			      kmalloc_names[i]);
	}
}

/**
 * slab_report - one line per cache: name, objects in use / room, size,
 *               pages
 * @buf: where to write
 * @len: its size
 *
 * Context: any (a magic key shows it from an interrupt).
 * Return: bytes written.
 */
int slab_report(char *buf, int len)
{
	struct kmem_cache *cache;
	unsigned long flags;
	int n = scnprintf(buf, len, "%-12s %7s %7s %6s %6s\n", "cache",
			  "active", "total", "size", "pages");

	spin_lock_irqsave(&cache_chain_lock, flags);
	list_for_each_entry(cache, &cache_chain, next)
		n += scnprintf(buf + n, len - n, "%-12s %7lu %7lu %6u %6lu\n",
			       cache->name, cache->active_objs,
			       cache->num_slabs * cache->num,
			       (unsigned int)cache->size,
			       cache->num_slabs << cache->gfporder);
	spin_unlock_irqrestore(&cache_chain_lock, flags);
	return n;
}

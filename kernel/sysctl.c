// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sysctl.c - the table of tunables behind /proc/sys, and the
 * handlers that read and write a number.
 *
 * Linux 2.6: kernel/sysctl.c (vm_table, proc_dointvec_minmax(),
 * proc_doulongvec_minmax()), fs/drop_caches.c.
 * /proc/sys/kernel holds hung_task_timeout_secs (kernel/hung_task.c);
 * /proc/sys/vm holds the memory tunables this kernel has, each also a
 * boot option: dirty_background_ratio, dirty_expire_centisecs, dirty_ratio,
 * dirty_writeback_centisecs (mm/page-writeback.c), min_free_kbytes
 * (mm/page_alloc.c); and drop_caches, which acts instead of storing.
 * Reading prints the number and a newline; writing takes one number (a
 * trailing newline allowed, as echo writes it) within the tunable's
 * bounds -- the boot option's bounds -- or fails with EINVAL and leaves
 * the variable as it was.  A written value is stored whole with one
 * WRITE_ONCE(): whoever reads the tunable sees the old or the new one.
 * Next: fs/proc/proc_sysctl.c makes the files.
 */
#include <buffer_head.h>
#include <errno.h>
#include <fs.h>
#include <hung_task.h>
#include <init.h>
#include <kernel.h>
#include <mmzone.h>
#include <slab.h>
#include <string.h>
#include <sysctl.h>
#include <vsprintf.h>
#include <writeback.h>

/* Parse a whole number of *@lenp bytes; Return: 0 or -EINVAL. */
static int parse_ulong(char *buf, size_t *lenp, unsigned long *val)
{
	if (!*lenp || *lenp >= SYSCTL_TEXT_MAX)
		return -EINVAL;
	buf[*lenp] = '\0';
	return kstrtoul(buf, 10, val) ? -EINVAL : 0;
}

static int in_bounds(struct ctl_table *table, unsigned long val, bool is_long)
{
	unsigned long lo = 0, hi = ~0UL;

	if (table->extra1)
		lo = is_long ? *(unsigned long *)table->extra1
			     : *(unsigned int *)table->extra1;
	if (table->extra2)
		hi = is_long ? *(unsigned long *)table->extra2
			     : *(unsigned int *)table->extra2;
	return val >= lo && val <= hi;
}

/**
 * proc_douintvec_minmax - read or write an unsigned int tunable
 * @table: the entry (data: an unsigned int; extra1, extra2: bounds)
 * @write: 0 to read, 1 to write
 * @buf: the text
 * @lenp: its size (read: the room, then the length)
 *
 * Context: process.
 * Return: 0, or -EINVAL for text that is not a decimal number within
 * the bounds.
 */
int proc_douintvec_minmax(struct ctl_table *table, int write, char *buf,
			  size_t *lenp)
{
	unsigned int *var = table->data;
	unsigned long val;

	if (!write) {
		*lenp = scnprintf(buf, *lenp, "%u\n", READ_ONCE(*var));
		return 0;
	}
	if (parse_ulong(buf, lenp, &val) || val > ~0U ||
	    !in_bounds(table, val, false))
		return -EINVAL;
	WRITE_ONCE(*var, val);
	return 0;
}

/**
 * proc_doulongvec_minmax - read or write an unsigned long tunable
 * @table: the entry (data: an unsigned long; extra1, extra2: bounds)
 * @write: 0 to read, 1 to write
 * @buf: the text
 * @lenp: its size (read: the room, then the length)
 *
 * Context: process.
 * Return: 0, or -EINVAL.
 */
int proc_doulongvec_minmax(struct ctl_table *table, int write, char *buf,
			   size_t *lenp)
{
	unsigned long *var = table->data;
	unsigned long val;

	if (!write) {
		*lenp = scnprintf(buf, *lenp, "%lu\n", READ_ONCE(*var));
		return 0;
	}
	if (parse_ulong(buf, lenp, &val) || !in_bounds(table, val, true))
		return -EINVAL;
	WRITE_ONCE(*var, val);
	return 0;
}

/*
 * drop_caches: 1 drops the clean, unused file pages, blocks of the
 * buffer cache and program pages, 2 the unused inodes and the slab
 * caches' empty slabs, 3 both (Linux 2.6: drop_caches_sysctl_handler(),
 * fs/drop_caches.c).  Dirty pages and blocks stay: run sync first to
 * drop them too.
 */
static unsigned int sysctl_drop_caches;

static int drop_caches_sysctl_handler(struct ctl_table *table, int write,
				      char *buf, size_t *lenp)
{
	int err = proc_douintvec_minmax(table, write, buf, lenp);

	if (err || !write)
		return err;
	if (sysctl_drop_caches & 1)
		drop_pagecache();
	if (sysctl_drop_caches & 2) {
		drop_icache();
		kmem_cache_shrink_all();
	}
	return 0;
}

/*
 * min_free_kbytes: a new value moves the watermarks at once (Linux 2.6:
 * min_free_kbytes_sysctl_handler(), mm/page_alloc.c); kswapd sees them
 * at its next wake-up.
 */
static int min_free_kbytes_sysctl_handler(struct ctl_table *table, int write,
					  char *buf, size_t *lenp)
{
	int err = proc_doulongvec_minmax(table, write, buf, lenp);

	if (!err && write)
		setup_per_zone_pages_min();
	return err;
}

/*
 * hung_task_timeout_secs: a new value wakes khungtaskd, which starts a
 * period of that length at once (Linux 2.6:
 * proc_dohung_task_timeout_secs(), kernel/hung_task.c).
 */
static int hung_task_timeout_handler(struct ctl_table *table, int write,
				     char *buf, size_t *lenp)
{
	int err = proc_doulongvec_minmax(table, write, buf, lenp);

	if (!err && write)
		hung_task_timeout_changed();
	return err;
}

/*
 * fs/inode-nr: the inodes in memory and, of those, the unused ones kept
 * with their pages (Linux 2.6: inodes_stat, fs/inode.c).  Read-only.
 */
static int inode_nr_handler(struct ctl_table *table, int write, char *buf,
			    size_t *lenp)
{
	if (write)
		return -EPERM;
	*lenp = scnprintf(buf, *lenp, "%lu\t%lu\n", nr_inodes(),
			  nr_unused_inodes());
	return 0;
}

static unsigned int zero, one = 1, three = 3, hundred = 100;
static unsigned int centisecs_max = DIRTY_CENTISECS_MAX;
static unsigned long min_free_kbytes_min = MIN_FREE_KBYTES_MIN;
static unsigned long min_free_kbytes_max = MIN_FREE_KBYTES_MAX;
static unsigned long hung_task_timeout_max = HUNG_TASK_TIMEOUT_MAX;

static struct ctl_table kern_table[] = {
	{
		.procname = "hung_task_timeout_secs",
		.data = &sysctl_hung_task_timeout_secs,
		.maxlen = sizeof(unsigned long),
		.mode = 0644,
		.proc_handler = hung_task_timeout_handler,
		.extra2 = &hung_task_timeout_max,
	},
	{ }
};

static struct ctl_table fs_table[] = {
	{
		.procname = "inode-nr",
		.mode = 0444,
		.proc_handler = inode_nr_handler,
	},
	{ }
};

static struct ctl_table vm_table[] = {
	{
		.procname = "dirty_background_ratio",
		.data = &dirty_background_ratio,
		.maxlen = sizeof(unsigned int),
		.mode = 0644,
		.proc_handler = proc_douintvec_minmax,
		.extra1 = &zero,
		.extra2 = &hundred,
	},
	{
		.procname = "dirty_expire_centisecs",
		.data = &dirty_expire_centisecs,
		.maxlen = sizeof(unsigned int),
		.mode = 0644,
		.proc_handler = proc_douintvec_minmax,
		.extra1 = &zero,
		.extra2 = &centisecs_max,
	},
	{
		.procname = "dirty_ratio",
		.data = &vm_dirty_ratio,
		.maxlen = sizeof(unsigned int),
		.mode = 0644,
		.proc_handler = proc_douintvec_minmax,
		.extra1 = &one,
		.extra2 = &hundred,
	},
	{
		.procname = "dirty_writeback_centisecs",
		.data = &dirty_writeback_centisecs,
		.maxlen = sizeof(unsigned int),
		.mode = 0644,
		.proc_handler = dirty_writeback_centisecs_handler,
		.extra1 = &zero,
		.extra2 = &centisecs_max,
	},
	{
		.procname = "drop_caches",
		.data = &sysctl_drop_caches,
		.maxlen = sizeof(unsigned int),
		.mode = 0644,
		.proc_handler = drop_caches_sysctl_handler,
		.extra1 = &one,
		.extra2 = &three,
	},
	{
		.procname = "min_free_kbytes",
		.data = &min_free_kbytes,
		.maxlen = sizeof(unsigned long),
		.mode = 0644,
		.proc_handler = min_free_kbytes_sysctl_handler,
		.extra1 = &min_free_kbytes_min,
		.extra2 = &min_free_kbytes_max,
	},
	{ }
};

/* /proc/sys: the directories. */
struct ctl_table sysctl_root_table[] = {
	{
		.procname = "fs",
		.mode = 0555,
		.child = fs_table,
	},
	{
		.procname = "kernel",
		.mode = 0555,
		.child = kern_table,
	},
	{
		.procname = "vm",
		.mode = 0555,
		.child = vm_table,
	},
	{ }
};

/**
 * sysctl_lookup - the entry of a path under /proc/sys
 * @path: "vm/min_free_kbytes", "vm"
 *
 * Context: any.
 * Return: the entry, or NULL.
 */
struct ctl_table *sysctl_lookup(const char *path)
{
	struct ctl_table *table = sysctl_root_table;

	for (;;) {
		const char *slash = strchr(path, '/');
		size_t len = slash ? (size_t)(slash - path) : strlen(path);
		struct ctl_table *t;

		for (t = table; t->procname; t++)
			if (strlen(t->procname) == len &&
			    !strncmp(t->procname, path, len))
				break;
		if (!t->procname)
			return NULL;
		if (!slash)
			return t;
		if (!t->child)
			return NULL;
		table = t->child;
		path = slash + 1;
	}
}

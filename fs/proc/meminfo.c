// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/meminfo.c - /proc/meminfo: the memory totals.
 *
 * Linux 2.6: fs/proc/proc_misc.c (meminfo_read_proc()), later
 * fs/proc/meminfo.c.
 * The text is the one the kernel's own memory report starts with
 * (mm/meminfo.c: meminfo_totals(), printed at boot, by Ctrl-F and by the
 * shell's free): the same function writes both, so they cannot disagree
 * about anything but what changed between two reads.
 */
#include <mm.h>
#include <seq_file.h>
#include "internal.h"

/**
 * meminfo_proc_show - print /proc/meminfo
 * @m: the seq_file
 * @v: unused
 *
 * Context: process.
 * Return: 0.
 */
int meminfo_proc_show(struct seq_file *m, void *v)
{
	char *buf;
	size_t room = seq_get_buf(m, &buf);

	if (room)
		seq_commit(m, meminfo_totals(buf, room));
	return 0;
}

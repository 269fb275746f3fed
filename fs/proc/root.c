// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/root.c - the proc file system type and the /proc directory.
 *
 * Linux 2.6: fs/proc/root.c (proc_root_init(), proc_get_sb(),
 * proc_root_lookup(), proc_root_readdir()).
 * proc_root_init() (start_kernel()) registers the file system type
 * "proc" and makes the fixed entries; pid 1 mounts it on /proc at boot
 * (fs/namespace.c: vfs_boot_mounts(), as Linux's init scripts run
 * `mount -t proc proc /proc`), and `mount -t proc proc DIR` mounts it
 * again anywhere: every mount shares the one super block
 * (get_sb_single()).
 *
 * /proc lists its fixed entries first (meminfo, stat, ..., self, sys),
 * then one directory per task in pid order; a name that is no fixed
 * entry is tried as a pid (fs/proc/base.c).  Reading a directory
 * position: 0 and 1 are "." and "..", 2 onwards the fixed entries, and
 * FIRST_PROCESS_ENTRY + pid the directory of that pid, so a listing
 * read in several getdents calls goes on from the next pid even if
 * tasks came and went in between.
 */
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <proc_fs.h>
#include <seq_file.h>
#include "internal.h"

static struct dentry *proc_root_lookup(struct inode *dir,
				       struct dentry *dentry,
				       struct nameidata *nd)
{
	struct dentry *ret = proc_lookup_de(&proc_root, dir, dentry);

	if (ret != ERR_PTR(-ENOENT))
		return ret;
	return proc_pid_lookup(dir, dentry, nd);
}

static int proc_root_readdir(struct file *file, void *buf, filldir_t filldir)
{
	if (file->f_pos < FIRST_PROCESS_ENTRY) {
		if (proc_readdir_de(&proc_root, file, buf, filldir))
			return 0;	/* the buffer is full */
		file->f_pos = FIRST_PROCESS_ENTRY;
	}
	return proc_pid_readdir(file, buf, filldir);
}

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

static const struct file_operations proc_root_operations = {
	.readdir = proc_root_readdir,
	.read = generic_read_dir,
};

/* /proc itself: its own parent, as a root is. */
struct proc_dir_entry proc_root = {
	.name = "/proc",
	.namelen = 5,
	.mode = S_IFDIR | 0555,
	.low_ino = PROC_ROOT_INO,
	.proc_iops = &proc_root_inode_operations,
	.proc_fops = &proc_root_operations,
	.parent = &proc_root,
};

static int proc_get_sb(struct file_system_type *type, int flags,
		       const char *dev_name, void *data, struct vfsmount *mnt)
{
	return get_sb_single(type, flags, data, proc_fill_super, mnt);
}

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.get_sb = proc_get_sb,
	.kill_sb = kill_anon_super,
};

/* The global files: name and show function (internal.h). */
static const struct {
	const char *name;
	int (*show)(struct seq_file *m, void *v);
} proc_root_files[] = {
	{ "interrupts", interrupts_proc_show },
	{ "loadavg", loadavg_proc_show },
	{ "meminfo", meminfo_proc_show },
	{ "mounts", mounts_proc_show },
	{ "partitions", partitions_proc_show },
	{ "softirqs", softirqs_proc_show },
	{ "stat", stat_proc_show },
	{ "uptime", uptime_proc_show },
	{ "vmstat", vmstat_proc_show },
};

/**
 * proc_root_init - register "proc" and make its fixed entries
 *
 * Context: boot, process 0 (start_kernel()), after the slab allocator
 * and before pid 1 mounts the file systems.
 */
void proc_root_init(void)
{
	proc_init_inodecache();
	for (unsigned int i = 0; i < ARRAY_SIZE(proc_root_files); i++)
		if (!proc_create_single(proc_root_files[i].name, 0444, NULL,
					proc_root_files[i].show))
			panic("proc_root_init: no memory");
	proc_self_init();
	proc_sys_init();
	if (register_filesystem(&proc_fs_type))
		panic("proc_root_init: cannot register proc");
}

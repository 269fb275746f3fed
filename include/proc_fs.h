/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/proc_fs.h - the proc file system: /proc (fs/proc/).
 *
 * Linux 2.6: include/linux/proc_fs.h.
 * /proc has no disk: every file is made when it is looked up, and its
 * text when it is read.  Two kinds of names live in it:
 *  - fixed entries (struct proc_dir_entry), a small tree made at boot:
 *    the global files (meminfo, stat, ...), /proc/self, /proc/sys;
 *    a driver adds one with proc_create_single(name, mode, parent, show);
 *  - one directory per task, /proc/PID, made when looked up, whose
 *    files print that task (fs/proc/base.c).
 * Every inode of /proc is a struct proc_inode (PROC_I()): the VFS inode
 * and what the file shows.  Understanding the Linux Kernel, 3rd ed.,
 * chapter 12, "Special Filesystems".
 */
#ifndef _PROC_FS_H
#define _PROC_FS_H

#include <fs.h>
#include <types.h>

struct ctl_table;
struct pid_entry;
struct seq_file;

#define PROC_SUPER_MAGIC	0x9fa0	/* statfs f_type, as Linux */
#define PROC_ROOT_INO		1

struct proc_dir_entry {
	const char *name;
	unsigned int namelen;
	umode_t mode;			/* S_IFDIR | 0555, S_IFREG | 0444 */
	unsigned long low_ino;		/* its inode number */
	const struct inode_operations *proc_iops;
	const struct file_operations *proc_fops;
	int (*show)(struct seq_file *m, void *v);	/* a seq file */
	void *data;			/* show()'s m->private */
	struct proc_dir_entry *parent;
	struct proc_dir_entry *subdir;	/* a directory's first entry */
	struct proc_dir_entry *next;	/* the next in its directory */
};

/* What an inode of /proc shows: one of the three is set. */
struct proc_inode {
	pid_t pid;			/* /proc/PID and below: the task... */
	unsigned long start_time;	/* ...this one, not a reused pid */
	const struct pid_entry *pid_entry; /* a file of /proc/PID */
	struct proc_dir_entry *pde;	/* a fixed entry */
	struct ctl_table *sysctl;	/* a name of /proc/sys */
	struct inode vfs_inode;
};

static inline struct proc_inode *PROC_I(const struct inode *inode)
{
	return container_of(inode, struct proc_inode, vfs_inode);
}

/* fs/proc/root.c */
extern struct proc_dir_entry proc_root;
void proc_root_init(void);

/* fs/proc/generic.c */
struct proc_dir_entry *proc_mkdir(const char *name,
				  struct proc_dir_entry *parent);
struct proc_dir_entry *proc_create_single(const char *name, umode_t mode,
					  struct proc_dir_entry *parent,
					  int (*show)(struct seq_file *m,
						      void *v));

struct proc_dir_entry *proc_register_static(struct proc_dir_entry *parent,
					    struct proc_dir_entry *de);

/* fs/proc/base.c */
struct task_struct *get_proc_task(struct inode *inode);

#endif /* _PROC_FS_H */

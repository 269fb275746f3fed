/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fs/proc/internal.h - what the files of fs/proc/ share.
 *
 * Linux 2.6: fs/proc/internal.h.
 * Every file of /proc is a seq_file printed by a show function.  A file
 * of /proc/PID prints one task, which the caller holds (a reference,
 * get_task_struct()) for as long as the show function runs: the show
 * functions never look a task up themselves.  The global files print
 * the kernel's own counters.
 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <file.h>
#include <param.h>
#include <seq_file.h>
#include <types.h>
#include <uapi/kt26.h>

struct task_struct;

/* Ticks as user space counts them: USER_HZ (Linux: kernel/time.c). */
#if HZ % USER_HZ
#error "jiffies_to_clock_t() needs HZ to be a multiple of USER_HZ"
#endif
static inline unsigned long jiffies_to_clock_t(unsigned long j)
{
	return j / (HZ / USER_HZ);
}

/* Prints @task; Return: 0 or -E (the read fails with it). */
typedef int (*proc_pid_show_t)(struct seq_file *m, struct task_struct *task);

/* fs/proc/array.c */
int proc_pid_stat(struct seq_file *m, struct task_struct *task);
int proc_pid_status(struct seq_file *m, struct task_struct *task);
const char *get_task_state(struct task_struct *task);
int proc_pid_stack(struct seq_file *m, struct task_struct *task);
int proc_pid_wchan(struct seq_file *m, struct task_struct *task);
int proc_pid_cmdline(struct seq_file *m, struct task_struct *task);
int proc_pid_comm(struct seq_file *m, struct task_struct *task);

/* /proc's directory positions: pid N is at FIRST_PROCESS_ENTRY + N. */
#define FIRST_PROCESS_ENTRY	256

struct dentry;
struct file;
struct inode;
struct nameidata;
struct proc_dir_entry;
struct super_block;

/* fs/proc/inode.c */
void proc_init_inodecache(void);
struct inode *proc_new_inode(struct super_block *sb, unsigned long ino,
			     umode_t mode);
struct inode *proc_get_inode(struct super_block *sb,
			     struct proc_dir_entry *de);
int proc_fill_super(struct super_block *sb, void *data, int silent);

/* fs/proc/generic.c */
void proc_register_entry(struct proc_dir_entry *parent,
			 struct proc_dir_entry *de);
struct dentry *proc_lookup_de(struct proc_dir_entry *de, struct inode *dir,
			      struct dentry *dentry);
int proc_fill_dots(struct file *file, void *buf, filldir_t filldir);
int proc_readdir_de(struct proc_dir_entry *de, struct file *file, void *buf,
		    filldir_t filldir);

/* fs/proc/base.c */
struct dentry *proc_pid_lookup(struct inode *dir, struct dentry *dentry,
			       struct nameidata *nd);
int proc_pid_readdir(struct file *file, void *buf, filldir_t filldir);
void proc_self_init(void);

/* fs/proc/proc_sysctl.c */
void proc_sys_init(void);

/* The global files: m->private is unused. */
int meminfo_proc_show(struct seq_file *m, void *v);	/* meminfo.c */
int vmstat_proc_show(struct seq_file *m, void *v);	/* vmstat.c */
int interrupts_proc_show(struct seq_file *m, void *v);	/* interrupts.c */
int softirqs_proc_show(struct seq_file *m, void *v);	/* interrupts.c */
int loadavg_proc_show(struct seq_file *m, void *v);	/* loadavg.c */
int uptime_proc_show(struct seq_file *m, void *v);	/* loadavg.c */
int stat_proc_show(struct seq_file *m, void *v);	/* stat.c */
int mounts_proc_show(struct seq_file *m, void *v);	/* mounts.c */
int partitions_proc_show(struct seq_file *m, void *v);	/* mounts.c */

#endif /* _FS_PROC_INTERNAL_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/base.c - /proc/PID: one directory per task, and /proc/self.
 *
 * Linux 2.6: fs/proc/base.c (proc_pid_lookup(), proc_pid_readdir(),
 * pid_revalidate(), proc_pid_make_inode(), tgid_base_stuff[],
 * proc_self_follow_link()).
 * /proc has no list of its pid directories: a name that is a pid is
 * looked up on the task list when it is used (proc_pid_lookup()), and
 * readdir walks the task list under its lock (proc_pid_readdir()).  The
 * files of a /proc/PID directory are the pid_entry table below; each is
 * a seq file whose show function (fs/proc/array.c) prints the task.
 */
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <proc_fs.h>
#include <sched.h>
#include <seq_file.h>
#include <slab.h>
#include <string.h>
#include <vsprintf.h>
#include "internal.h"

/*
 * The directories of the tasks.  A /proc/PID inode remembers the pid and
 * the task's start_time, never the task itself: each use looks the task
 * up again (get_proc_task()) and holds it only for that use, so a file
 * kept open on a task that exits fails with ESRCH instead of keeping the
 * task's memory, and a pid handed to a new task later is not mistaken
 * for the old one.
 */

/* Inode numbers: PROC_PID_INO(pid, 0) is the directory, 1.. its files. */
#define PROC_PID_INO_BASE	0x10000
#define PROC_PID_INO(pid, i)	(PROC_PID_INO_BASE + (pid) * 16UL + (i))

/* A file of /proc/PID (Linux: struct pid_entry, tgid_base_stuff[]). */
struct pid_entry {
	const char *name;
	unsigned int len;
	umode_t mode;
	proc_pid_show_t show;
};

#define ONE(NAME, MODE, SHOW) \
	{ .name = NAME, .len = sizeof(NAME) - 1, .mode = S_IFREG | (MODE), \
	  .show = SHOW }

/* stack is root's alone, as in Linux: it shows kernel addresses. */
static const struct pid_entry tgid_base_stuff[] = {
	ONE("cmdline", 0444, proc_pid_cmdline),
	ONE("comm", 0444, proc_pid_comm),
	ONE("stack", 0400, proc_pid_stack),
	ONE("stat", 0444, proc_pid_stat),
	ONE("status", 0444, proc_pid_status),
	ONE("wchan", 0444, proc_pid_wchan),
};

/**
 * get_proc_task - the task a /proc/PID inode shows, held
 * @inode: an inode of /proc/PID or below
 *
 * Looked up by pid under tasklist_lock: found there, the task is not
 * yet reaped, and the reference taken before the lock goes keeps its
 * task_struct and stack from being freed.
 * Context: process.
 * Return: the task (put_task_struct() it), or NULL if it has been
 * reaped (its pid may name another task by now: not that one).
 */
struct task_struct *get_proc_task(struct inode *inode)
{
	struct proc_inode *ei = PROC_I(inode);
	struct task_struct *task = NULL;
	unsigned long flags;

	if (ei->pid <= 0)
		return NULL;
	spin_lock_irqsave(&tasklist_lock, flags);
	task = find_task_by_pid_locked(ei->pid);
	if (task && task->start_time == ei->start_time)
		get_task_struct(task);
	else
		task = NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return task;
}

/* A cached name of /proc/PID stays only while its task does. */
static int pid_revalidate(struct dentry *dentry, struct nameidata *nd)
{
	struct task_struct *task = get_proc_task(dentry->d_inode);

	if (!task)
		return 0;
	put_task_struct(task);
	return 1;
}

static const struct dentry_operations pid_dentry_operations = {
	.d_revalidate = pid_revalidate,
};

/* An inode of /proc/PID: owned by the task's user, as Linux does. */
static struct inode *proc_pid_make_inode(struct super_block *sb,
					 struct task_struct *task,
					 unsigned long ino, umode_t mode)
{
	struct inode *inode = proc_new_inode(sb, ino, mode);

	if (!inode)
		return NULL;
	PROC_I(inode)->pid = task->pid;
	PROC_I(inode)->start_time = task->start_time;
	inode->i_uid = task->euid;
	inode->i_gid = task->egid;
	return inode;
}

static int proc_single_show(struct seq_file *m, void *v)
{
	struct inode *inode = m->private;
	struct task_struct *task = get_proc_task(inode);
	int ret;

	if (!task)
		return -ESRCH;
	ret = PROC_I(inode)->pid_entry->show(m, task);
	put_task_struct(task);
	return ret;
}

static int proc_single_open(struct inode *inode, struct file *file)
{
	return single_open(file, proc_single_show, inode);
}

/* Every file of /proc/PID: a seq file of one record. */
static const struct file_operations proc_single_file_operations = {
	.open = proc_single_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static struct dentry *proc_tgid_base_lookup(struct inode *dir,
					    struct dentry *dentry,
					    struct nameidata *nd)
{
	const struct pid_entry *p = NULL;
	struct task_struct *task;
	struct inode *inode;

	for (unsigned int i = 0; i < ARRAY_SIZE(tgid_base_stuff); i++)
		if (tgid_base_stuff[i].len == dentry->d_name.len &&
		    !memcmp(tgid_base_stuff[i].name, dentry->d_name.name,
			    dentry->d_name.len))
			p = &tgid_base_stuff[i];
	if (!p)
		return ERR_PTR(-ENOENT);
	task = get_proc_task(dir);
	if (!task)
		return ERR_PTR(-ENOENT);
	inode = proc_pid_make_inode(dir->i_sb, task,
				    PROC_PID_INO(task->pid,
						 p - tgid_base_stuff + 1),
				    p->mode);
	put_task_struct(task);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	PROC_I(inode)->pid_entry = p;
	inode->i_fop = &proc_single_file_operations;
	dentry->d_op = &pid_dentry_operations;
	d_add(dentry, inode);
	return NULL;
}

static int proc_tgid_base_readdir(struct file *file, void *buf,
				  filldir_t filldir)
{
	struct task_struct *task = get_proc_task(file->f_dentry->d_inode);
	pid_t pid;

	if (!task)
		return -ENOENT;
	pid = task->pid;
	put_task_struct(task);
	if (proc_fill_dots(file, buf, filldir))
		return 0;
	while (file->f_pos - 2 < (off_t)ARRAY_SIZE(tgid_base_stuff)) {
		unsigned int i = file->f_pos - 2;
		const struct pid_entry *p = &tgid_base_stuff[i];

		if (filldir(buf, p->name, p->len, file->f_pos + 1,
			    PROC_PID_INO(pid, i + 1), (p->mode >> 12) & 15))
			break;
		file->f_pos++;
	}
	return 0;
}

static const struct inode_operations proc_tgid_base_inode_operations = {
	.lookup = proc_tgid_base_lookup,
};

static const struct file_operations proc_tgid_base_operations = {
	.readdir = proc_tgid_base_readdir,
	.read = generic_read_dir,
};

/* "123" -> 123; anything else (leading zeros, signs, too big) -> -1. */
static pid_t name_to_pid(const struct qstr *name)
{
	unsigned long pid = 0;

	if (!name->len || name->len > 5 || (name->len > 1 &&
					    name->name[0] == '0'))
		return -1;
	for (unsigned int i = 0; i < name->len; i++) {
		if (name->name[i] < '0' || name->name[i] > '9')
			return -1;
		pid = pid * 10 + name->name[i] - '0';
	}
	return pid < PID_MAX_DEFAULT ? (pid_t)pid : -1;
}

/**
 * proc_pid_lookup - /proc/PID: the directory of a task, by pid
 * @dir: /proc's inode
 * @dentry: the name, a pid in decimal
 * @nd: unused
 *
 * Every task on the task list has one, zombies too; process 0 (the
 * idle tasks) has none, as in Linux.
 * Context: process.
 * Return: NULL (found), ERR_PTR(-ENOENT) or ERR_PTR(-ENOMEM).
 */
struct dentry *proc_pid_lookup(struct inode *dir, struct dentry *dentry,
			       struct nameidata *nd)
{
	pid_t pid = name_to_pid(&dentry->d_name);
	struct task_struct *task = NULL;
	struct inode *inode;
	unsigned long flags;

	if (pid <= 0)
		return ERR_PTR(-ENOENT);
	spin_lock_irqsave(&tasklist_lock, flags);
	task = find_task_by_pid_locked(pid);
	if (task)
		get_task_struct(task);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!task)
		return ERR_PTR(-ENOENT);
	inode = proc_pid_make_inode(dir->i_sb, task, PROC_PID_INO(pid, 0),
				    S_IFDIR | 0555);
	put_task_struct(task);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_nlink = 2;
	inode->i_op = &proc_tgid_base_inode_operations;
	inode->i_fop = &proc_tgid_base_operations;
	dentry->d_op = &pid_dentry_operations;
	d_add(dentry, inode);
	return NULL;
}

/* The smallest pid of the task list not below @from; 0 if none. */
static pid_t next_tgid(pid_t from)
{
	struct task_struct *p;
	unsigned long flags;
	pid_t found = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (p->pid >= from && (!found || p->pid < found))
			found = p->pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

/**
 * proc_pid_readdir - the pids of /proc, in order
 * @file: /proc, open; f_pos is FIRST_PROCESS_ENTRY + the next pid
 * @buf: filldir's buffer
 * @filldir: called with each pid's name
 *
 * The task list is walked under tasklist_lock for each name, and
 * filldir() called with the lock dropped (it may fault on the user's
 * buffer).
 * Context: process.
 * Return: 0.
 */
int proc_pid_readdir(struct file *file, void *buf, filldir_t filldir)
{
	for (;;) {
		pid_t pid = next_tgid(file->f_pos - FIRST_PROCESS_ENTRY);
		char name[12];
		int len;

		if (!pid) {
			/* Past every pid: later calls end at once. */
			file->f_pos = FIRST_PROCESS_ENTRY + PID_MAX_DEFAULT;
			return 0;
		}
		len = snprintf(name, sizeof(name), "%d", pid);
		if (filldir(buf, name, len, FIRST_PROCESS_ENTRY + pid + 1,
			    PROC_PID_INO(pid, 0), DT_DIR))
			return 0;
		file->f_pos = FIRST_PROCESS_ENTRY + pid + 1;
	}
}

/*
 * /proc/self: a symbolic link to the reader's own directory, its target
 * made at each use from the pid of whoever follows it.
 */
static int proc_self_readlink(struct dentry *dentry, char *ubuf, int len)
{
	char tmp[12];

	snprintf(tmp, sizeof(tmp), "%d", current->tgid);
	return vfs_readlink(dentry, ubuf, len, tmp);
}

static void *proc_self_follow_link(struct dentry *dentry,
				   struct nameidata *nd)
{
	char *link = kmalloc(12, GFP_KERNEL);

	if (!link)
		return ERR_PTR(-ENOMEM);
	snprintf(link, 12, "%d", current->tgid);
	nd_set_link(nd, link);
	return link;
}

static void proc_self_put_link(struct dentry *dentry, struct nameidata *nd,
			       void *cookie)
{
	kfree(cookie);
}

static const struct inode_operations proc_self_inode_operations = {
	.readlink = proc_self_readlink,
	.follow_link = proc_self_follow_link,
	.put_link = proc_self_put_link,
};

static struct proc_dir_entry proc_self = {
	.name = "self",
	.mode = S_IFLNK | 0777,
	.proc_iops = &proc_self_inode_operations,
};

/**
 * proc_self_init - add /proc/self
 *
 * Context: boot (proc_root_init()).
 */
void proc_self_init(void)
{
	proc_register_entry(&proc_root, &proc_self);
}

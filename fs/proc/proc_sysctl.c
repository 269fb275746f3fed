// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/proc_sysctl.c - /proc/sys: the kernel's tunables as files.
 *
 * Linux 2.6: fs/proc/proc_sysctl.c (proc_sys_lookup(), proc_sys_read(),
 * proc_sys_write(), sysctl_perm()).
 * The names under /proc/sys are the ctl_table tree of kernel/sysctl.c:
 * a directory for an entry with a child table, a file for an entry
 * with a handler.  Reading a file asks its handler for the value as
 * text; writing hands the handler what was written (one number, at most
 * SYSCTL_TEXT_MAX - 1 bytes), which it checks before storing.  Who may
 * do what is the entry's mode, as sysctl_perm() reads it: root gets the
 * owner's bits, everybody else the others' (0644: all read, root
 * writes).
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <proc_fs.h>
#include <sched.h>
#include <string.h>
#include <sysctl.h>
#include "internal.h"

/* Return: 0 if the current task may @op (MAY_READ, MAY_WRITE), or -EACCES. */
static int sysctl_perm(struct ctl_table *table, int op)
{
	unsigned int mode = table->mode;

	if (current->euid == 0)
		mode >>= 6;
	else if (current->egid == 0)
		mode >>= 3;
	return (op & ~mode & (MAY_READ | MAY_WRITE)) ? -EACCES : 0;
}

static struct ctl_table *proc_sys_table(struct inode *inode)
{
	struct ctl_table *dir = PROC_I(inode)->sysctl;

	return dir ? dir->child : sysctl_root_table;
}

static ssize_t proc_sys_read(struct file *file, char *ubuf, size_t count)
{
	struct ctl_table *table = PROC_I(file->f_dentry->d_inode)->sysctl;
	char text[SYSCTL_TEXT_MAX];
	size_t len = sizeof(text);
	size_t n;
	int err;

	err = sysctl_perm(table, MAY_READ);
	if (!err)
		err = table->proc_handler(table, 0, text, &len);
	if (err)
		return err;
	if (file->f_pos >= (off_t)len)
		return 0;
	n = min(count, len - file->f_pos);
	if (copy_to_user(ubuf, text + file->f_pos, n))
		return -EFAULT;
	file->f_pos += n;
	return n;
}

static ssize_t proc_sys_write(struct file *file, const char *ubuf,
			      size_t count)
{
	struct ctl_table *table = PROC_I(file->f_dentry->d_inode)->sysctl;
	char text[SYSCTL_TEXT_MAX];
	size_t len = count;
	int err;

	err = sysctl_perm(table, MAY_WRITE);
	if (err)
		return err;
	if (!count || count >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, ubuf, count))
		return -EFAULT;
	err = table->proc_handler(table, 1, text, &len);
	if (err)
		return err;
	file->f_pos += count;
	return count;
}

static off_t proc_sys_llseek(struct file *file, off_t offset, int whence)
{
	return generic_file_llseek_size(file, offset, whence, 0);
}

static const struct file_operations proc_sys_file_operations = {
	.read = proc_sys_read,
	.write = proc_sys_write,
	.llseek = proc_sys_llseek,
};

static const struct inode_operations proc_sys_dir_inode_operations;
static const struct file_operations proc_sys_dir_file_operations;

static struct dentry *proc_sys_lookup(struct inode *dir,
				      struct dentry *dentry,
				      struct nameidata *nd)
{
	struct ctl_table *t;
	struct inode *inode;

	for (t = proc_sys_table(dir); t->procname; t++)
		if (strlen(t->procname) == dentry->d_name.len &&
		    !memcmp(t->procname, dentry->d_name.name,
			    dentry->d_name.len))
			break;
	if (!t->procname)
		return ERR_PTR(-ENOENT);
	inode = proc_new_inode(dir->i_sb, get_next_ino(),
			       (t->child ? S_IFDIR : S_IFREG) | t->mode);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	PROC_I(inode)->sysctl = t;
	if (t->child) {
		inode->i_op = &proc_sys_dir_inode_operations;
		inode->i_fop = &proc_sys_dir_file_operations;
	} else {
		inode->i_fop = &proc_sys_file_operations;
	}
	d_add(dentry, inode);
	return NULL;
}

/* The inode numbers readdir gives are only hints: lookup makes its own. */
static int proc_sys_readdir(struct file *file, void *buf, filldir_t filldir)
{
	struct ctl_table *table = proc_sys_table(file->f_dentry->d_inode);
	struct ctl_table *t;
	off_t i = 2;

	if (proc_fill_dots(file, buf, filldir))
		return 0;
	for (t = table; t->procname; t++, i++) {
		if (i < file->f_pos)
			continue;
		if (filldir(buf, t->procname, strlen(t->procname), i + 1,
			    PROC_ROOT_INO, t->child ? DT_DIR : DT_REG))
			break;
		file->f_pos = i + 1;
	}
	return 0;
}

static const struct inode_operations proc_sys_dir_inode_operations = {
	.lookup = proc_sys_lookup,
};

static const struct file_operations proc_sys_dir_file_operations = {
	.readdir = proc_sys_readdir,
	.read = generic_read_dir,
};

static struct proc_dir_entry proc_sys_root = {
	.name = "sys",
	.mode = S_IFDIR | 0555,
	.proc_iops = &proc_sys_dir_inode_operations,
	.proc_fops = &proc_sys_dir_file_operations,
};

/**
 * proc_sys_init - add /proc/sys
 *
 * Context: boot (proc_root_init()).
 */
void proc_sys_init(void)
{
	proc_register_entry(&proc_root, &proc_sys_root);
}

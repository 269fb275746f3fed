// SPDX-License-Identifier: GPL-2.0
/*
 * user/lib/dirent.c - opendir, readdir, closedir over getdents64(2).
 *
 * Linux 2.6 + a C library: glibc's sysdeps/unix/sysv/linux/readdir.c;
 * the kernel side is fs/readdir.c: sys_getdents64(), which fills the
 * buffer with as many records as fit.  A DIR is a descriptor plus that
 * buffer: readdir() hands out one record at a time and makes the next
 * call only when the buffer is used up.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Where the name starts in the kernel's record (<kt26_fs.h>). */
#define NAME_OFFSET	__builtin_offsetof(struct linux_dirent64, d_name)

struct dir_stream {
	int fd;
	size_t pos, len;	/* the next record, the bytes in buf */
	struct dirent entry;	/* what readdir() returned last */
	char buf[2048];
};

/**
 * opendir - open a directory for readdir()
 * @path: the directory
 *
 * Return: the stream, or NULL with errno (ENOENT, ENOTDIR, ENOMEM).
 */
DIR *opendir(const char *path)
{
	DIR *dir = malloc(sizeof(*dir));

	if (!dir) {
		errno = ENOMEM;
		return NULL;
	}
	dir->fd = open(path, O_RDONLY | O_DIRECTORY);
	if (dir->fd < 0) {
		free(dir);
		return NULL;
	}
	dir->pos = dir->len = 0;
	return dir;
}

/**
 * readdir - the next entry of @dir
 * @dir: from opendir()
 *
 * Return: the entry (overwritten by the next call), or NULL at the end
 * (errno untouched) or on error (errno set).
 */
struct dirent *readdir(DIR *dir)
{
	const struct linux_dirent64 *k;
	size_t name_len;

	if (dir->pos >= dir->len) {
		ssize_t n = getdents64(dir->fd, dir->buf, sizeof(dir->buf));

		if (n <= 0)
			return NULL;
		dir->pos = 0;
		dir->len = n;
	}
	k = (const struct linux_dirent64 *)(dir->buf + dir->pos);
	/* A record that claims to run past the buffer ends the listing. */
	if (k->d_reclen < NAME_OFFSET || dir->pos + k->d_reclen > dir->len) {
		errno = EIO;
		dir->pos = dir->len;
		return NULL;
	}
	dir->pos += k->d_reclen;
	name_len = strnlen(k->d_name, k->d_reclen - NAME_OFFSET);
	if (name_len >= sizeof(dir->entry.d_name))
		name_len = sizeof(dir->entry.d_name) - 1;
	memcpy(dir->entry.d_name, k->d_name, name_len);
	dir->entry.d_name[name_len] = '\0';
	dir->entry.d_ino = k->d_ino;
	dir->entry.d_type = k->d_type;
	return &dir->entry;
}

/**
 * closedir - close @dir and free it
 * @dir: from opendir()
 *
 * Return: 0, or -1 on error (EBADF).
 */
int closedir(DIR *dir)
{
	int ret = close(dir->fd);

	free(dir);
	return ret;
}

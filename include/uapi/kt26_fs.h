/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/uapi/kt26_fs.h - the file-system ABI: file types and modes,
 * the *at() flags, struct stat64, struct statx, the directory entries of
 * getdents(2) and getdents64(2), the mount flags and struct pollfd.
 *
 * Linux: arch/x86/include/uapi/asm/stat.h (struct stat64 of i386),
 * include/uapi/linux/stat.h (S_IF*, struct statx), include/uapi/linux/
 * fcntl.h (AT_*), fs/readdir.c (struct linux_dirent, linux_dirent64),
 * include/uapi/linux/fs.h and mount.h (MS_*, MNT_*).
 * Every layout is Linux's on i386, byte for byte, so that a program built
 * for Linux (busybox) reads the same fields here; the offsets are checked
 * at compile time below.  The numbers of the calls and the O_ flags of
 * open(2) are in <kt26.h>.  Shared by the kernel (include/fs.h) and the
 * user programs; like <kt26.h> it may include nothing.
 */
#ifndef _UAPI_KT26_FS_H
#define _UAPI_KT26_FS_H

/* File types (the top bits of a mode) and permission bits. */
#define S_IFMT		0170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISUID		0004000
#define S_ISGID		0002000
#define S_ISVTX		0001000		/* sticky: /tmp */

#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(m)	(((m) & S_IFMT) == S_IFSOCK)

#define S_IRWXU		00700
#define S_IRUSR		00400
#define S_IWUSR		00200
#define S_IXUSR		00100
#define S_IRWXG		00070
#define S_IRGRP		00040
#define S_IWGRP		00020
#define S_IXGRP		00010
#define S_IRWXO		00007
#define S_IROTH		00004
#define S_IWOTH		00002
#define S_IXOTH		00001

/* access(2), faccessat(2) */
#define F_OK		0
#define X_OK		1
#define W_OK		2
#define R_OK		4

/* The *at() calls: a directory descriptor, or the working directory. */
#define AT_FDCWD		-100
#define AT_SYMLINK_NOFOLLOW	0x100	/* stat the link, not its target */
#define AT_EACCESS		0x200	/* faccessat: the effective ids */
#define AT_REMOVEDIR		0x200	/* unlinkat: rmdir */
#define AT_SYMLINK_FOLLOW	0x400	/* linkat */
#define AT_NO_AUTOMOUNT		0x800
#define AT_EMPTY_PATH		0x1000	/* "" names the descriptor itself */
#define AT_STATX_SYNC_TYPE	0x6000	/* statx: how to sync (ignored) */

/*
 * stat64(2), lstat64(2), fstat64(2), fstatat64(2): i386's struct stat64,
 * 96 bytes.  The padding is glibc 2.1's; st_ino is there twice, as the
 * low 32 bits (__st_ino) and whole.  Times are seconds and nanoseconds.
 */
struct stat64 {
	unsigned long long st_dev;
	unsigned char __pad0[4];
	unsigned long __st_ino;
	unsigned int st_mode;
	unsigned int st_nlink;
	unsigned long st_uid;
	unsigned long st_gid;
	unsigned long long st_rdev;
	unsigned char __pad3[4];
	long long st_size;
	unsigned long st_blksize;
	unsigned long long st_blocks;	/* 512-byte units */
	unsigned long st_atime;
	unsigned long st_atime_nsec;
	unsigned long st_mtime;
	unsigned int st_mtime_nsec;
	unsigned long st_ctime;
	unsigned long st_ctime_nsec;
	unsigned long long st_ino;
};

/*
 * statfs(2) and statfs64(2): a mounted file system's size and use, in
 * f_bsize units (i386's layouts; statfs64 is packed to 4 bytes, 84 in
 * all).  f_flags: ST_RDONLY, ST_NOSUID... and ST_VALID.
 */
#define ST_RDONLY	0x0001
#define ST_NOSUID	0x0002
#define ST_NODEV	0x0004
#define ST_NOEXEC	0x0008
#define ST_VALID	0x0020	/* f_flags is filled */

struct statfs {
	long f_type;			/* the file system's magic */
	long f_bsize;
	long f_blocks, f_bfree, f_bavail;
	long f_files, f_ffree;
	int f_fsid[2];
	long f_namelen, f_frsize, f_flags;
	long f_spare[4];
};

struct statfs64 {
	unsigned int f_type;
	unsigned int f_bsize;
	unsigned long long f_blocks, f_bfree, f_bavail;
	unsigned long long f_files, f_ffree;
	int f_fsid[2];
	unsigned int f_namelen, f_frsize, f_flags;
	unsigned int f_spare[4];
} __attribute__((packed, aligned(4)));

/* statx(2): what the caller asks for and what it got (stx_mask). */
#define STATX_TYPE		0x00000001U
#define STATX_MODE		0x00000002U
#define STATX_NLINK		0x00000004U
#define STATX_UID		0x00000008U
#define STATX_GID		0x00000010U
#define STATX_ATIME		0x00000020U
#define STATX_MTIME		0x00000040U
#define STATX_CTIME		0x00000080U
#define STATX_INO		0x00000100U
#define STATX_SIZE		0x00000200U
#define STATX_BLOCKS		0x00000400U
#define STATX_BASIC_STATS	0x000007ffU
#define STATX_BTIME		0x00000800U
#define STATX_MNT_ID		0x00001000U
#define STATX__RESERVED		0x80000000U	/* must be clear: -EINVAL */
#define STATX_ATTR_MOUNT_ROOT	0x00002000	/* the root of a mount */

struct statx_timestamp {
	long long tv_sec;
	unsigned int tv_nsec;
	int __reserved;
};

/* 256 bytes, the same on every architecture. */
struct statx {
	unsigned int stx_mask;
	unsigned int stx_blksize;
	unsigned long long stx_attributes;
	unsigned int stx_nlink;
	unsigned int stx_uid;
	unsigned int stx_gid;
	unsigned short stx_mode;
	unsigned short __spare0[1];
	unsigned long long stx_ino;
	unsigned long long stx_size;
	unsigned long long stx_blocks;
	unsigned long long stx_attributes_mask;
	struct statx_timestamp stx_atime;
	struct statx_timestamp stx_btime;
	struct statx_timestamp stx_ctime;
	struct statx_timestamp stx_mtime;
	unsigned int stx_rdev_major;
	unsigned int stx_rdev_minor;
	unsigned int stx_dev_major;
	unsigned int stx_dev_minor;
	unsigned long long stx_mnt_id;
	unsigned int stx_dio_mem_align;
	unsigned int stx_dio_offset_align;
	unsigned long long __spare3[12];
};

/*
 * getdents(2): one record per name, d_reclen bytes long (a multiple of
 * 4); the file type is the record's last byte, after the name's NUL.
 */
struct linux_dirent {
	unsigned long d_ino;
	unsigned long d_off;		/* the directory's position after it */
	unsigned short d_reclen;
	char d_name[];
};

/* getdents64(2): 64-bit numbers, the type before the name; 8-aligned. */
struct linux_dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/* d_type: the S_IF* type bits shifted down. */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

/* mount(2) flags */
#define MS_RDONLY	1		/* no writes */
#define MS_NOSUID	2
#define MS_NODEV	4		/* device nodes cannot be opened */
#define MS_NOEXEC	8		/* programs cannot be executed */
#define MS_REMOUNT	32		/* change the flags of a mount */
#define MS_MGC_VAL	0xC0ED0000	/* old magic in the top half: ignored */
#define MS_MGC_MSK	0xffff0000

/* umount2(2) flags */
#define MNT_FORCE	1
#define MNT_DETACH	2		/* lazy: detach now, free when unused */
#define MNT_EXPIRE	4
#define UMOUNT_NOFOLLOW	8

/* poll(2): one descriptor to watch (Linux: include/uapi/asm-generic/poll.h) */
struct pollfd {
	int fd;				/* < 0: skipped, revents 0 */
	short events;			/* what to wait for: POLL* */
	short revents;			/* what is there: events, POLLERR, POLLHUP, POLLNVAL */
};
#define POLLIN		0x0001		/* a read would not block */
#define POLLPRI		0x0002
#define POLLOUT		0x0004		/* a write would not block */
#define POLLERR		0x0008		/* a pipe's write end: no reader left */
#define POLLHUP		0x0010		/* a pipe's read end: no writer left */
#define POLLNVAL	0x0020		/* fd is not open */
#define POLLRDNORM	0x0040
#define POLLWRNORM	0x0100

#define NAME_MAX	255		/* bytes in a file name */
#define PATH_MAX	4096		/* bytes in a path, with its NUL */

/* Checked where the compiler allows it: the offsets Linux programs use. */
#if defined(__i386__)
_Static_assert(sizeof(struct stat64) == 96, "stat64 size");
_Static_assert(__builtin_offsetof(struct stat64, st_mode) == 16, "st_mode");
_Static_assert(__builtin_offsetof(struct stat64, st_size) == 44, "st_size");
_Static_assert(__builtin_offsetof(struct stat64, st_blocks) == 56, "blocks");
_Static_assert(__builtin_offsetof(struct stat64, st_ino) == 88, "st_ino");
_Static_assert(sizeof(struct statx) == 256, "statx size");
_Static_assert(__builtin_offsetof(struct statx, stx_mode) == 28, "stx_mode");
_Static_assert(__builtin_offsetof(struct statx, stx_atime) == 64, "atime");
_Static_assert(__builtin_offsetof(struct statx, stx_rdev_major) == 128,
	       "stx_rdev_major");
_Static_assert(__builtin_offsetof(struct linux_dirent64, d_name) == 19,
	       "d_name");
_Static_assert(__builtin_offsetof(struct linux_dirent, d_name) == 10,
	       "d_name");
#endif

#endif /* _UAPI_KT26_FS_H */

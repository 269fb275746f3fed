// SPDX-License-Identifier: GPL-2.0
/*
 * user/init.c - /sbin/init, process 1 once the kernel's init thread has
 * called execve(): it says where it runs, mounts the disk, then keeps a
 * shell alive.
 *
 * Linux 2.6: init_post() in init/main.c runs /sbin/init; sysvinit's
 * "respawn" entries do what the loop below does.  The first line proves
 * the jump to user mode: %cs is the user code segment, whose low two bits
 * (the RPL) are the privilege ring, 3.  Then: fork, exec /bin/sh, wait.
 * Orphans are re-parented to pid 1, so the same wait also reaps them.
 * Before the shell, the disk's file system -- ext3 on the first
 * partition, /dev/hda1 -- is mounted on /mnt, read-only, as a Linux
 * system's boot scripts mount what /etc/fstab lists (`mount -a`); a
 * missing disk or file system is said in one line and the boot goes on.
 * fds 0, 1 and 2 are already open on the console.  Like getty, the child
 * starts a session of its own and makes the console its controlling
 * terminal (TIOCSCTTY), so that the shell can run jobs in the foreground
 * and ^C reaches them (drivers/tty.c).  Next: user/sh.c.
 */
#include <errno.h>
#include <kt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/*
 * A shell that dies sooner than this after starting is restarted only
 * after a pause, so that a broken /bin/sh cannot flood the console.
 */
#define RESPAWN_MIN_TICKS	USER_HZ

/*
 * hda1 on /mnt.  Only on kt26: run on a Linux host (the tests do), init
 * must leave the host's mounts alone.
 */
static void mount_disk(void)
{
	if (!kt26_running())
		return;
	if (mount("/dev/hda1", "/mnt", "ext3", MS_RDONLY, NULL) == 0)
		printf("init: /dev/hda1 mounted on /mnt (ext3, read-only)\n");
	else
		printf("init: /dev/hda1 not mounted on /mnt: %s; going on "
		       "without it\n", strerror(errno));
}

static pid_t start_shell(char **envp)
{
	static char *const sh_argv[] = { "sh", NULL };
	pid_t pid = fork();

	if (pid == 0) {
		/* A login's session, the console its terminal (as getty). */
		if (setsid() < 0 || ioctl(STDIN_FILENO, TIOCSCTTY, 0) < 0)
			dprintf(STDERR_FILENO, "init: no controlling terminal "
				"for sh: %s\n", strerror(errno));
		execve("/bin/sh", sh_argv, envp);
		dprintf(STDERR_FILENO, "init: cannot run /bin/sh: %s\n",
			strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		dprintf(STDERR_FILENO, "init: fork: %s\n", strerror(errno));
	return pid;
}

/* Waits for @shell, reaping every other child that ends meanwhile. */
static int wait_shell(pid_t shell, int *status)
{
	for (;;) {
		pid_t pid = waitpid(-1, status, 0);

		if (pid == shell)
			return 0;
		if (pid < 0) {
			/* Only a kernel bug loses our own child. */
			dprintf(STDERR_FILENO, "init: waitpid: %s\n",
				strerror(errno));
			return -1;
		}
	}
}

static void report(int status)
{
	if (WIFSIGNALED(status)) {
		const char *name = signal_name(WTERMSIG(status));

		printf("init: sh killed by signal %d (%s), restarting\n",
		       WTERMSIG(status), name ? name : "unknown");
	} else {
		printf("init: sh exited with status %d, restarting\n",
		       WEXITSTATUS(status));
	}
}

int main(int argc, char **argv, char **envp)
{
	unsigned int cs;

	asm volatile("mov %%cs, %0" : "=r"(cs));
	printf("init: running in ring %u (cs=%#x), pid %d\n", cs & 3, cs,
	       getpid());
	mount_disk();

	for (;;) {
		struct kt_tms tms;
		clock_t started = times(&tms);
		pid_t shell = start_shell(envp);
		int status;

		if (shell > 0 && wait_shell(shell, &status) == 0)
			report(status);
		if (shell < 0 || times(&tms) - started < RESPAWN_MIN_TICKS) {
			struct kt_timespec pause = { 1, 0 };

			nanosleep(&pause, NULL);
		}
	}
}

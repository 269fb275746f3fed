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
 * partition, /dev/hda1 -- is mounted on /mnt, read-write if the kernel
 * can write it (it mounts it read-only otherwise, and says why), as a
 * Linux system's boot scripts mount what /etc/fstab lists (`mount -a`);
 * a missing disk or file system is said in one line and the boot goes
 * on.
 * fds 0, 1 and 2 are already open on the console.  Like getty, the child
 * starts a session of its own and makes the console its controlling
 * terminal (TIOCSCTTY), so that the shell can run jobs in the foreground
 * and ^C reaches them (drivers/tty.c).  Next: user/sh.c.
 *
 * SIGTERM is the kernel asking for an orderly power-off (the power
 * button: kernel/reboot.c: orderly_poweroff(), as sysvinit's
 * "powerfail" and shutdown(8)): every other process gets SIGTERM, then
 * a few seconds to end, then SIGKILL; the disks are synced, /mnt is
 * unmounted, and reboot(2) powers off (the ACPI S5 state,
 * arch/x86/reboot.c).  docs/acpi.md follows the whole path.
 */
#include <errno.h>
#include <kt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/*
 * A shell that dies sooner than this after starting is restarted only
 * after a pause, so that a broken /bin/sh cannot flood the console.
 */
#define RESPAWN_MIN_TICKS	USER_HZ

/* How long the processes get to end after SIGTERM, in 100 ms steps. */
#define SHUTDOWN_GRACE_STEPS	30

/* What power_off() unmounts: set once, before SIGTERM is caught. */
static bool disk_mounted;

/*
 * hda1 on /mnt.  Only on kt26: run on a Linux host (the tests do), init
 * must leave the host's mounts alone.
 */
static void mount_disk(void)
{
	if (!kt26_running())
		return;
	if (mount("/dev/hda1", "/mnt", "ext3", 0, NULL) == 0) {
		disk_mounted = true;
		/* A file system that cannot be written is mounted
		 * read-only: then W_OK is EROFS. */
		printf("init: /dev/hda1 mounted on /mnt (ext3, %s)\n",
		       access("/mnt", W_OK) == 0 ? "read-write" : "read-only");
	} else {
		printf("init: /dev/hda1 not mounted on /mnt: %s; going on "
		       "without it\n", strerror(errno));
	}
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

/*
 * Reaps the children that have ended; returns true once there are none
 * left (every process but init has gone: orphans are init's children).
 */
static bool reap_all(bool block)
{
	for (;;) {
		pid_t pid = waitpid(-1, NULL, block ? 0 : WNOHANG);

		if (pid < 0)
			return errno == ECHILD;
		if (pid == 0)
			return false;
	}
}

/*
 * The power-off itself runs in the SIGTERM handler: init spends its life
 * blocked in waitpid(), and a flag tested before each waitpid() would
 * leave a moment where the signal comes and waitpid() sleeps on.  Only
 * system calls here, and dprintf() (a buffer on the stack), no stdio.
 * SIGTERM stays blocked while it runs, so it cannot start twice.
 */
static void power_off(int sig)
{
	struct kt_timespec step = { 0, 100 * 1000 * 1000 };
	bool gone = false;

	(void)sig;
	dprintf(STDOUT_FILENO, "init: power button: stopping processes\n");
	kill(-1, SIGTERM);
	kill(-1, SIGCONT);	/* a stopped process cannot end */
	for (int i = 0; i < SHUTDOWN_GRACE_STEPS && !gone; i++) {
		gone = reap_all(false);
		if (!gone)
			nanosleep(&step, NULL);
	}
	if (!gone) {
		dprintf(STDOUT_FILENO, "init: sending SIGKILL to the rest\n");
		kill(-1, SIGKILL);
		reap_all(true);
	}
	dprintf(STDOUT_FILENO, "init: syncing, powering off\n");
	sync();
	/* The processes are gone: nothing holds /mnt busy any more. */
	if (disk_mounted) {
		if (umount2("/mnt", 0) == 0)
			dprintf(STDOUT_FILENO, "init: /mnt unmounted\n");
		else
			dprintf(STDERR_FILENO, "init: umount /mnt: %s\n",
				strerror(errno));
	}
	reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
	       LINUX_REBOOT_CMD_POWER_OFF, NULL);
	dprintf(STDERR_FILENO, "init: reboot: %s\n", strerror(errno));
}

int main(int argc, char **argv, char **envp)
{
	struct sigaction term = { .sa_handler = power_off };
	unsigned int cs;

	asm volatile("mov %%cs, %0" : "=r"(cs));
	printf("init: running in ring %u (cs=%#x), pid %d\n", cs & 3, cs,
	       getpid());
	mount_disk();
	/*
	 * No SA_RESTART: nothing to restart, power_off() never returns.
	 * Only on kt26: on a Linux host, kill(-1) would reach every process
	 * of the user who ran it.
	 */
	if (kt26_running() && sigaction(SIGTERM, &term, NULL) < 0)
		dprintf(STDERR_FILENO, "init: sigaction: %s\n",
			strerror(errno));

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

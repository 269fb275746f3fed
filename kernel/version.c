// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/version.c - the boot banner.
 *
 * Linux 2.6: init/version.c (linux_banner).  The first line the kernel
 * prints; the tests wait for it to know the kernel started.
 */
#include <version.h>

const char linux_banner[] =
	KERNEL_NAME " version " KERNEL_VERSION " (gcc " __VERSION__ ") "
	"i386, a teaching kernel in the style of Linux 2.6";

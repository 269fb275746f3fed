/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/unit/host/wait.h - the kernel's <wait.h> for the host tests of
 * mm/ (struct pglist_data holds kswapd's wait queue).  The host C library
 * has a <wait.h> of its own (an alias of <sys/wait.h>) that the tests
 * would otherwise find first.
 */
#include "../../../include/wait.h"

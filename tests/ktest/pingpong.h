/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/ktest/pingpong.h - two kernel threads that take turns through
 * two wait queues (tests/ktest/pingpong.c).  Each round trip is two
 * context switches and little else: the scheduler ktests count those
 * switches' CR3 loads, the benchmark times them.
 *
 * Set ping_pong_turn to 0 and start ping() and pong() with
 * kernel_thread(); they end after PING_PONG_ROUNDS round trips.  A turn
 * of -1 holds both until it is set to 0 and ping_wq is woken.
 */
#ifndef _KTEST_PINGPONG_H
#define _KTEST_PINGPONG_H

#include <wait.h>

#define PING_PONG_ROUNDS 5000

/* tests/ktest/pingpong.c */
extern wait_queue_head_t ping_wq;
extern int ping_pong_turn;

int ping(void *arg);
int pong(void *arg);

#endif /* _KTEST_PINGPONG_H */

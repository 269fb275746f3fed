/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/ktest/pingpong.h - two kernel threads that take turns through
 * two wait queues (tests/ktest/pingpong.c).  Each round trip is two
 * context switches and little else: the scheduler ktests count those
 * switches' CR3 loads, the benchmark times them.
 *
 * Call ping_pong_start(0) and start ping() and pong() with
 * kernel_thread(); they end after PING_PONG_ROUNDS round trips.
 * ping_pong_start(-1) holds both until ping_pong_turn is set to 0 and
 * ping_wq is woken; ping_pong_stop() ends them early.
 */
#ifndef _KTEST_PINGPONG_H
#define _KTEST_PINGPONG_H

#include <wait.h>

#define PING_PONG_ROUNDS 5000

/* tests/ktest/pingpong.c */
extern wait_queue_head_t ping_wq;
extern int ping_pong_turn;
void ping_pong_start(int turn);
void ping_pong_stop(void);
int ping(void *arg);
int pong(void *arg);

#endif /* _KTEST_PINGPONG_H */

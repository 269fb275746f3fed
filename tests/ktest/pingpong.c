// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/pingpong.c - the ping-pong pair of kernel threads shared by
 * the scheduler ktests and the context-switch benchmark (pingpong.h).
 */
#include <compiler.h>
#include <sched.h>
#include <wait.h>
#include "pingpong.h"

DECLARE_WAIT_QUEUE_HEAD(ping_wq);
static DECLARE_WAIT_QUEUE_HEAD(pong_wq);
int ping_pong_turn;

int ping(void *arg)
{
	for (int i = 0; i < PING_PONG_ROUNDS; i++) {
		wait_event(ping_wq, READ_ONCE(ping_pong_turn) == 0);
		WRITE_ONCE(ping_pong_turn, 1);
		wake_up(&pong_wq);
	}
	return 0;
}

int pong(void *arg)
{
	for (int i = 0; i < PING_PONG_ROUNDS; i++) {
		wait_event(pong_wq, READ_ONCE(ping_pong_turn) == 1);
		WRITE_ONCE(ping_pong_turn, 0);
		wake_up(&ping_wq);
	}
	return 0;
}

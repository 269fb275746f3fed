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
static bool ping_pong_stopped;

/**
 * ping_pong_start - set the turn before the pair is started
 * @turn: 0 (ping goes first) or -1 (both wait until set to 0)
 */
void ping_pong_start(int turn)
{
	WRITE_ONCE(ping_pong_stopped, false);
	WRITE_ONCE(ping_pong_turn, turn);
}

/**
 * ping_pong_stop - make both threads return now, wherever they are
 *
 * For a test that ends early: neither thread would ever be woken again.
 */
void ping_pong_stop(void)
{
	WRITE_ONCE(ping_pong_stopped, true);
	wake_up(&ping_wq);
	wake_up(&pong_wq);
}

static int ping_pong(wait_queue_head_t *mine, wait_queue_head_t *other,
		     int my_turn)
{
	for (int i = 0; i < PING_PONG_ROUNDS; i++) {
		wait_event(*mine, READ_ONCE(ping_pong_turn) == my_turn ||
				  READ_ONCE(ping_pong_stopped));
		if (READ_ONCE(ping_pong_stopped))
			return 1;
		WRITE_ONCE(ping_pong_turn, !my_turn);
		wake_up(other);
	}
	return 0;
}

/* Return: 0 after PING_PONG_ROUNDS round trips, 1 if stopped. */
int ping(void *arg)
{
	return ping_pong(&ping_wq, &pong_wq, 0);
}

/* Return: 0 after PING_PONG_ROUNDS round trips, 1 if stopped. */
int pong(void *arg)
{
	return ping_pong(&pong_wq, &ping_wq, 1);
}

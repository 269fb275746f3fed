// SPDX-License-Identifier: GPL-2.0
/*
 * tests/unit/unit.c - main() for every host unit test program.
 */
#include <stdarg.h>
#include <stdio.h>
#include "unit.h"

static struct unit_test *head, **tail = &head;
static bool failed;
static char reason[512];

void unit_register(struct unit_test *t)
{
	*tail = t;
	tail = &t->next;
}

void unit_fail(const char *file, int line, const char *fmt, ...)
{
	va_list args;
	int n;

	if (failed)
		return;
	failed = true;
	n = snprintf(reason, sizeof(reason), "%s:%d: ", file, line);
	va_start(args, fmt);
	vsnprintf(reason + n, sizeof(reason) - n, fmt, args);
	va_end(args);
}

bool unit_failed(void)
{
	return failed;
}

int main(void)
{
	int nr = 0, bad = 0, total = 0;

	for (struct unit_test *t = head; t; t = t->next)
		total++;
	printf("1..%d\n", total);
	for (struct unit_test *t = head; t; t = t->next) {
		failed = false;
		t->fn();
		nr++;
		if (failed) {
			printf("not ok %d - %s: %s\n", nr, t->name, reason);
			bad++;
		} else {
			printf("ok %d - %s\n", nr, t->name);
		}
		fflush(stdout);
	}
	return bad ? 1 : 0;
}

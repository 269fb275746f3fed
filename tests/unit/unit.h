/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/unit/unit.h - a tiny TAP test harness for host unit tests.
 *
 * UNIT_TEST(name) { ... } registers a test (a constructor adds it to a
 * list); CHECK() records a failure with its line and returns.  main()
 * (tests/unit/unit.c) runs them all and prints "ok N - name" or
 * "not ok N - name: file:line: what", the same shape as the in-kernel
 * ktest lines, which tests/unit/test_unit.py turns into pytest results.
 */
#ifndef _UNIT_H
#define _UNIT_H

#include <stdbool.h>

struct unit_test {
	const char *name;
	void (*fn)(void);
	struct unit_test *next;
};

void unit_register(struct unit_test *t);
void unit_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
bool unit_failed(void);

#define UNIT_TEST(tname)						\
	static void unit_fn_##tname(void);				\
	static struct unit_test unit_##tname = { #tname, unit_fn_##tname, 0 }; \
	__attribute__((constructor)) static void unit_reg_##tname(void)	\
	{								\
		unit_register(&unit_##tname);				\
	}								\
	static void unit_fn_##tname(void)

#define CHECK(cond)							\
	do {								\
		if (!(cond)) {						\
			unit_fail(__FILE__, __LINE__, "%s", #cond);	\
			return;						\
		}							\
	} while (0)

#define CHECK_EQ(a, b)							\
	do {								\
		long long __a = (long long)(a), __b = (long long)(b);	\
		if (__a != __b) {					\
			unit_fail(__FILE__, __LINE__,			\
				  "%s == %s (%lld != %lld)", #a, #b, __a, __b); \
			return;						\
		}							\
	} while (0)

#define CHECK_STR(a, b)							\
	do {								\
		const char *__a = (a), *__b = (b);			\
		if (strcmp(__a, __b)) {					\
			unit_fail(__FILE__, __LINE__,			\
				  "%s: \"%s\" != \"%s\"", #a, __a, __b); \
			return;						\
		}							\
	} while (0)

#endif /* _UNIT_H */

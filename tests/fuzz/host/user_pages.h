/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/fuzz/host/user_pages.h - the user half of one address space, for
 * the host build of kernel/binfmt_elf.c (tests/fuzz/host/user_pages.c).
 */
#ifndef _USER_PAGES_H
#define _USER_PAGES_H

#include <types.h>

/* Pages the fake machine can hand out (1 MiB); one more is -ENOMEM. */
#define USER_PAGES_MAX	256

struct user_page {
	unsigned long addr;		/* page-aligned user address */
	bool writable;
	char data[4096];
};

/* Forget every mapping (each input starts with an empty mm). */
void user_pages_reset(void);
/* The page mapped at @addr (any address in it), or NULL. */
struct user_page *user_page_find(unsigned long addr);
/* How many are mapped; the i-th in mapping order. */
int user_pages_count(void);
struct user_page *user_page_nth(int i);
/* Did a map_user_page() fail for want of pages? */
bool user_pages_exhausted(void);

#endif /* _USER_PAGES_H */

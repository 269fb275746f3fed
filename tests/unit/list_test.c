// SPDX-License-Identifier: GPL-2.0
/*
 * tests/unit/list_test.c - include/list.h: insertion order, removal,
 * splicing and safe iteration.
 */
#include <list.h>
#include "unit.h"

struct item {
	int value;
	struct list_head link;
};

static int collect(struct list_head *head, int *out, int max)
{
	struct item *it;
	int n = 0;

	list_for_each_entry(it, head, link)
		if (n < max)
			out[n++] = it->value;
	return n;
}

UNIT_TEST(list_add_and_add_tail)
{
	LIST_HEAD(head);
	struct item a = { .value = 1 }, b = { .value = 2 }, c = { .value = 3 };
	int v[4];

	CHECK(list_empty(&head));
	list_add_tail(&a.link, &head);
	list_add_tail(&b.link, &head);
	list_add(&c.link, &head);	/* at the front */
	CHECK_EQ(collect(&head, v, 4), 3);
	CHECK(v[0] == 3 && v[1] == 1 && v[2] == 2);
	CHECK(list_first_entry(&head, struct item, link) == &c);
}

UNIT_TEST(list_del_and_move)
{
	LIST_HEAD(head);
	LIST_HEAD(other);
	struct item a = { .value = 1 }, b = { .value = 2 }, c = { .value = 3 };
	int v[4];

	list_add_tail(&a.link, &head);
	list_add_tail(&b.link, &head);
	list_add_tail(&c.link, &head);
	list_del(&b.link);
	CHECK(list_empty(&b.link));	/* a removed entry points at itself */
	list_del(&b.link);		/* and removing it again is harmless */
	CHECK_EQ(collect(&head, v, 4), 2);
	list_move_tail(&a.link, &other);
	CHECK_EQ(collect(&head, v, 4), 1);
	CHECK_EQ(v[0], 3);
	list_splice_tail_init(&head, &other);
	CHECK(list_empty(&head));
	CHECK_EQ(collect(&other, v, 4), 2);
	CHECK(v[0] == 1 && v[1] == 3);
}

UNIT_TEST(list_for_each_safe_deletes)
{
	LIST_HEAD(head);
	struct item items[10];
	struct item *it, *n;
	int count = 0;

	for (int i = 0; i < 10; i++) {
		items[i].value = i;
		list_add_tail(&items[i].link, &head);
	}
	list_for_each_entry_safe(it, n, &head, link)
		if (it->value % 2)
			list_del(&it->link);
	list_for_each_entry(it, &head, link) {
		CHECK_EQ(it->value % 2, 0);
		count++;
	}
	CHECK_EQ(count, 5);
}

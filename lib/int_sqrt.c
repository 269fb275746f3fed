// SPDX-License-Identifier: GPL-2.0
/*
 * lib/int_sqrt.c - integer square root.
 *
 * Linux 2.6: lib/int_sqrt.c.  Used by the watermark formula
 * (min_free_kbytes = sqrt(lowmem_kbytes * 16)).  Digit-by-digit in base
 * 4: exact, no division, no floating point.
 */
#include <kernel.h>

/**
 * int_sqrt - the largest r with r * r <= x
 * @x: the number
 *
 * Return: floor(sqrt(x)).
 */
unsigned long int_sqrt(unsigned long x)
{
	unsigned long result = 0;
	unsigned long bit = 1UL << (sizeof(long) * 8 - 2);

	while (bit > x)
		bit >>= 2;
	while (bit) {
		if (x >= result + bit) {
			x -= result + bit;
			result = (result >> 1) + bit;
		} else {
			result >>= 1;
		}
		bit >>= 2;
	}
	return result;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/rtc.c - the date and time of day from the PC's CMOS clock.
 *
 * Linux 2.6: arch/i386/kernel/time.c (get_cmos_time) and
 * include/asm-i386/mc146818rtc.h; the chip is the Motorola MC146818 of
 * the IBM AT, whose registers every PC (and QEMU) still has behind I/O
 * ports 0x70 (index) and 0x71 (data).  The kernel reads it once, at
 * boot (kernel/time.c: timekeeping_init()); after that the wall clock is
 * that reading plus the TSC's count.  The clock holds UTC here (QEMU's
 * default); its fields may be BCD or binary (status register B says),
 * and an update may be under way while we read: wait for the
 * update-in-progress bit to fall, then read until two readings agree.
 */
#include <asm/io.h>
#include <kernel.h>
#include <string.h>
#include <time.h>

#define RTC_INDEX	0x70
#define RTC_DATA	0x71
#define RTC_SECONDS	0x00
#define RTC_MINUTES	0x02
#define RTC_HOURS	0x04
#define RTC_DAY		0x07
#define RTC_MONTH	0x08
#define RTC_YEAR	0x09
#define RTC_REG_A	0x0A
#define  RTC_UIP	 0x80	/* an update is under way */
#define RTC_REG_B	0x0B
#define  RTC_24H	 0x02
#define  RTC_BINARY	 0x04	/* else BCD */
#define RTC_CENTURY	0x32	/* the IBM PC's century byte */

struct rtc_fields {
	unsigned int sec, min, hour, day, mon, year, century;
};

static unsigned int cmos_read(u8 reg)
{
	outb(RTC_INDEX, reg);
	return inb(RTC_DATA);
}

static void read_fields(struct rtc_fields *f)
{
	for (int spins = 0; spins < 1000000 && (cmos_read(RTC_REG_A) &
						RTC_UIP); spins++)
		;
	f->sec = cmos_read(RTC_SECONDS);
	f->min = cmos_read(RTC_MINUTES);
	f->hour = cmos_read(RTC_HOURS);
	f->day = cmos_read(RTC_DAY);
	f->mon = cmos_read(RTC_MONTH);
	f->year = cmos_read(RTC_YEAR);
	f->century = cmos_read(RTC_CENTURY);
}

static unsigned int bcd2bin(unsigned int v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* Days from 1970-01-01 to y-m-d (the proleptic Gregorian calendar). */
static long days_from_civil(long y, unsigned int m, unsigned int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/**
 * rtc_read_seconds - the CMOS clock, as seconds since 1970 (UTC)
 *
 * Context: boot (one caller, so the index port needs no lock).
 * Return: the time; 0 if the clock reads as nonsense.
 */
unsigned long rtc_read_seconds(void)
{
	struct rtc_fields a, b;
	unsigned int reg_b, year;
	bool pm;

	read_fields(&a);
	for (int tries = 0; tries < 5; tries++) {
		read_fields(&b);
		if (!memcmp(&a, &b, sizeof(a)))
			break;
		a = b;
	}
	reg_b = cmos_read(RTC_REG_B);
	pm = a.hour & 0x80;
	a.hour &= 0x7f;
	if (!(reg_b & RTC_BINARY)) {
		a.sec = bcd2bin(a.sec);
		a.min = bcd2bin(a.min);
		a.hour = bcd2bin(a.hour);
		a.day = bcd2bin(a.day);
		a.mon = bcd2bin(a.mon);
		a.year = bcd2bin(a.year);
		a.century = bcd2bin(a.century);
	}
	if (!(reg_b & RTC_24H))
		a.hour = a.hour % 12 + (pm ? 12 : 0);
	year = (a.century >= 19 && a.century <= 21 ? a.century * 100 :
		a.year < 70 ? 2000 : 1900) + a.year;
	if (a.mon < 1 || a.mon > 12 || a.day < 1 || a.day > 31 ||
	    a.hour > 23 || a.min > 59 || a.sec > 60)
		return 0;
	return ((days_from_civil(year, a.mon, a.day) * 24 + a.hour) * 60 +
		a.min) * 60 + a.sec;
}

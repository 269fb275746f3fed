/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/termios.h - a terminal's modes: canonical (line at a
 * time) or raw (key by key), echo, the signal keys.
 *
 * Linux 2.6 + a C library: <termios.h>.  struct termios here is the
 * kernel's own, the one ioctl(TCGETS/TCSETS) copies (Linux:
 * include/uapi/asm-generic/termbits.h: four flag words, the line
 * discipline, 19 control characters); glibc's has room for speeds on
 * top and converts.  A program that reads keys one by one (the shell's
 * line editor) clears ICANON and ECHO and asks for VMIN = 1 character
 * per read, then puts the old modes back before it runs a job.
 */
#ifndef _USER_TERMIOS_H
#define _USER_TERMIOS_H

#include <kt26.h>

#define NCCS	19

typedef unsigned char cc_t;
typedef unsigned int tcflag_t;

struct termios {
	tcflag_t c_iflag;	/* input: ICRNL ... */
	tcflag_t c_oflag;	/* output: OPOST ... */
	tcflag_t c_cflag;	/* the line: speed, parity (unused here) */
	tcflag_t c_lflag;	/* the line discipline: ICANON, ECHO, ISIG */
	cc_t c_line;		/* which line discipline (0: N_TTY) */
	cc_t c_cc[NCCS];	/* the control characters, by V* index */
};

/* c_cc indexes */
#define VINTR		0	/* ^C */
#define VQUIT		1	/* ^\ */
#define VERASE		2	/* backspace */
#define VKILL		3	/* ^U */
#define VEOF		4	/* ^D */
#define VTIME		5	/* raw mode: timeout, 1/10 s */
#define VMIN		6	/* raw mode: bytes a read waits for */
#define VSUSP		10	/* ^Z */
#define VWERASE		14	/* ^W */

/* c_iflag */
#define ICRNL		0000400	/* Enter's CR arrives as NL */

/* c_oflag */
#define OPOST		0000001	/* process output (NL -> CR NL) */

/* c_lflag */
#define ISIG		0000001	/* ^C, ^\, ^Z send signals */
#define ICANON		0000002	/* canonical: edited lines */
#define ECHO		0000010	/* echo what is typed */
#define ECHOE		0000020	/* erase as \b \b */
#define ECHOK		0000040
#define ECHONL		0000100
#define IEXTEN		0100000

/* tcsetattr()'s when */
#define TCSANOW		0	/* at once */
#define TCSADRAIN	1	/* once the output is written */
#define TCSAFLUSH	2	/* ... and unread input thrown away */

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);

#endif /* _USER_TERMIOS_H */

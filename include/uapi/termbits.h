/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/uapi/termbits.h - the terminal interface: struct termios, its
 * flags and control characters, the window size, and the tty ioctls.
 *
 * Linux 2.6: include/asm-i386/termbits.h, asm-i386/termios.h (struct
 * winsize) and asm-i386/ioctls.h; the values are Linux's i386 ones (the
 * same as today's asm-generic/termbits.h and ioctls.h).  This is the
 * kernel's struct termios, what TCGETS copies out: a C library's own
 * struct termios may differ (glibc's has speeds and 32 c_cc slots and
 * converts), but the user programs here use this one directly
 * (user/include/termios.h).  Shared by the kernel (drivers/tty.c,
 * drivers/n_tty.c) and user/ (built with -ffreestanding: this file may
 * include nothing).
 */
#ifndef _UAPI_TERMBITS_H
#define _UAPI_TERMBITS_H

typedef unsigned char cc_t;
typedef unsigned int speed_t;
typedef unsigned int tcflag_t;

#define NCCS		19
struct termios {
	tcflag_t c_iflag;		/* input modes: I* */
	tcflag_t c_oflag;		/* output modes: O* */
	tcflag_t c_cflag;		/* line settings: baud, bits, parity */
	tcflag_t c_lflag;		/* local modes: ISIG, ICANON, ECHO */
	cc_t c_line;			/* line discipline: 0 is N_TTY */
	cc_t c_cc[NCCS];		/* control characters, indexed by V* */
};

/* c_cc[]: which byte does what; 0 (_POSIX_VDISABLE) turns one off */
#define VINTR		0	/* ^C: SIGINT to the foreground group */
#define VQUIT		1	/* ^\: SIGQUIT */
#define VERASE		2	/* DEL: erase a character */
#define VKILL		3	/* ^U: erase the line */
#define VEOF		4	/* ^D: end of file / push the line */
#define VTIME		5	/* non-canonical: timeout, tenths of a second */
#define VMIN		6	/* non-canonical: bytes a read waits for */
#define VSWTC		7
#define VSTART		8	/* ^Q */
#define VSTOP		9	/* ^S */
#define VSUSP		10	/* ^Z: SIGTSTP */
#define VEOL		11	/* an extra end-of-line character */
#define VREPRINT	12	/* ^R: reprint the line */
#define VDISCARD	13	/* ^O */
#define VWERASE		14	/* ^W: erase a word */
#define VLNEXT		15	/* ^V: take the next byte literally */
#define VEOL2		16
#define _POSIX_VDISABLE	0

/* c_iflag */
#define IGNBRK		0x00001
#define BRKINT		0x00002
#define IGNPAR		0x00004
#define PARMRK		0x00008
#define INPCK		0x00010
#define ISTRIP		0x00020	/* strip the eighth bit */
#define INLCR		0x00040	/* NL -> CR */
#define IGNCR		0x00080	/* drop CR */
#define ICRNL		0x00100	/* CR -> NL: Enter ends a line */
#define IUCLC		0x00200
#define IXON		0x00400
#define IXANY		0x00800
#define IXOFF		0x01000
#define IMAXBEL		0x02000
#define IUTF8		0x04000

/* c_oflag */
#define OPOST		0x00001	/* process output at all */
#define OLCUC		0x00002
#define ONLCR		0x00004	/* NL -> CR NL */
#define OCRNL		0x00008	/* CR -> NL */
#define ONOCR		0x00010
#define ONLRET		0x00020

/* c_cflag */
#define CBAUD		0x0000100f
#define B38400		0x0000000f
#define CSIZE		0x00000030
#define CS8		0x00000030
#define CSTOPB		0x00000040
#define CREAD		0x00000080
#define PARENB		0x00000100
#define PARODD		0x00000200
#define HUPCL		0x00000400
#define CLOCAL		0x00000800
#define B115200		0x00001002

/* c_lflag */
#define ISIG		0x00001	/* INTR, QUIT, SUSP send signals */
#define ICANON		0x00002	/* canonical mode: lines, editing */
#define XCASE		0x00004
#define ECHO		0x00008	/* echo what is typed */
#define ECHOE		0x00010	/* ERASE erases on the screen */
#define ECHOK		0x00020	/* newline after KILL */
#define ECHONL		0x00040	/* echo NL even without ECHO */
#define NOFLSH		0x00080	/* keep the input on INTR, QUIT, SUSP */
#define TOSTOP		0x00100
#define ECHOCTL		0x00200	/* control characters as ^X */
#define ECHOPRT		0x00400
#define ECHOKE		0x00800	/* KILL erases the line on the screen */
#define FLUSHO		0x01000
#define PENDIN		0x04000
#define IEXTEN		0x08000	/* WERASE, REPRINT, LNEXT */

/* tcsetattr()'s when */
#define TCSANOW		0
#define TCSADRAIN	1
#define TCSAFLUSH	2

/* tcflush()'s queue */
#define TCIFLUSH	0
#define TCOFLUSH	1
#define TCIOFLUSH	2

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

/* ioctl(2) requests of a terminal */
#define TCGETS		0x5401	/* (struct termios *) */
#define TCSETS		0x5402	/* (const struct termios *): now */
#define TCSETSW		0x5403	/* ... once output is drained */
#define TCSETSF		0x5404	/* ... drained, and input flushed */
#define TCFLSH		0x540B	/* (int queue) */
#define TIOCSCTTY	0x540E	/* (int steal): become the controlling tty */
#define TIOCGPGRP	0x540F	/* (pid_t *): the foreground process group */
#define TIOCSPGRP	0x5410	/* (const pid_t *): set it */
#define TIOCOUTQ	0x5411	/* (int *): bytes not yet sent */
#define TIOCGWINSZ	0x5413	/* (struct winsize *) */
#define TIOCSWINSZ	0x5414	/* (const struct winsize *) */
#define FIONREAD	0x541B	/* (int *): bytes a read would get now */
#define TIOCINQ		FIONREAD
#define TIOCNOTTY	0x5422	/* give up the controlling tty */
#define TIOCGSID	0x5429	/* (pid_t *): the session it controls */

#endif /* _UAPI_TERMBITS_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/ata.c - the ATA disk on the primary IDE channel, in PIO mode.
 *
 * Linux 2.6: drivers/ide/ide-disk.c (commands), ide-io.c (the interrupt
 * and the request loop), ide-iops.c (status dumps, reset), ide-probe.c
 * (IDENTIFY).  The register set is ATA/ATAPI-6 (T13/1410D), section 7.
 *
 * At boot, ata_init() sends IDENTIFY DEVICE to the master of the primary
 * channel (polling: the interrupt is not ours yet), reads the model and
 * the LBA28 size, sets the DRQ block size, asks for IRQ 14 and registers
 * the disk as "hda".  No disk, or a device that is not an ATA disk (a
 * CD-ROM answers IDENTIFY DEVICE with an abort), is reported and the
 * kernel runs on without one.
 *
 * Requests arrive through the queue's request_fn, ata_request_fn(), which
 * kblockd/0 (unplug) or BLOCK_SOFTIRQ (the previous request ended) calls.
 * One request becomes one READ MULTIPLE or WRITE MULTIPLE command for all
 * its sectors (up to 128).  The device moves data in "DRQ blocks" of
 * dev->mult sectors (SET MULTIPLE MODE at boot; 16 on QEMU) and
 * interrupts once per block: for a read when the block's data is ready,
 * for a write when it has taken the block.  (READ/WRITE SECTORS would
 * interrupt for every sector: four times slower under QEMU.)  The
 * data phase is `rep insw`/`rep outsw` of 256 words a sector; the first
 * block of a write goes out as soon as DRQ is up, with no interrupt (the
 * PIO data-out protocol).  When the last block has moved, the request
 * goes to blk_complete_request() and BLOCK_SOFTIRQ.
 *
 * Errors: a status with ERR (or DF) is printed with its error register,
 * the buffers of the failed block fail with -EIO, and the command is
 * issued again for the rest of the request: a bad sector costs its
 * buffer, not the request.  A command that never interrupts is stopped by
 * a timer: its block fails the same way, and the device gets a software
 * reset.  The reset is waited for -- polled from the same timer until BSY
 * clears, up to the 31 s the standard allows -- before the request goes
 * on: a command written to a device still resetting is ignored, and the
 * next request would fail in its place.  The option
 * ata_bad_sector=N makes sector N fail as an unreadable sector does
 * (status ERR, error UNC), for tests.
 * Next: block/ll_rw_blk.c, where the request came from and goes back.
 */
#include <asm/io.h>
#include <ata.h>
#include <blkdev.h>
#include <buffer_head.h>
#include <init.h>
#include <irq.h>
#include <kernel.h>
#include <string.h>
#include <timer.h>

/* Command block registers of the primary channel (I/O ports, 8-bit). */
#define ATA_IOBASE		0x1F0
#define ATA_REG_DATA		(ATA_IOBASE + 0) /* 16-bit PIO data */
#define ATA_REG_ERROR		(ATA_IOBASE + 1) /* read: why ERR is set */
#define  ATA_ER_AMNF		 0x01	/* address mark not found */
#define  ATA_ER_TK0NF		 0x02	/* track 0 not found */
#define  ATA_ER_ABRT		 0x04	/* command aborted */
#define  ATA_ER_MCR		 0x08	/* media change requested */
#define  ATA_ER_IDNF		 0x10	/* sector ID not found */
#define  ATA_ER_MC		 0x20	/* media changed */
#define  ATA_ER_UNC		 0x40	/* uncorrectable data error */
#define  ATA_ER_BBK		 0x80	/* bad block */
#define ATA_REG_NSECT		(ATA_IOBASE + 2) /* sector count, 0 = 256 */
#define ATA_REG_LBAL		(ATA_IOBASE + 3) /* LBA bits 0-7 */
#define ATA_REG_LBAM		(ATA_IOBASE + 4) /* LBA bits 8-15 */
#define ATA_REG_LBAH		(ATA_IOBASE + 5) /* LBA bits 16-23 */
#define ATA_REG_DEVICE		(ATA_IOBASE + 6) /* device, LBA bits 24-27 */
#define  ATA_DEV_OBS		 0xA0	/* bits 7 and 5: obsolete, set */
#define  ATA_DEV_LBA		 0x40	/* the address is an LBA */
#define ATA_REG_STATUS		(ATA_IOBASE + 7) /* read: clears INTRQ */
#define  ATA_ERR		 0x01	/* the command failed */
#define  ATA_DRQ		 0x08	/* ready to move a sector */
#define  ATA_DF			 0x20	/* device fault */
#define  ATA_DRDY		 0x40	/* ready for commands */
#define  ATA_BSY		 0x80	/* busy: other bits invalid */
#define ATA_REG_COMMAND		(ATA_IOBASE + 7) /* write: start a command */
#define  ATA_CMD_READ_MULTIPLE	 0xC4	/* PIO, LBA28, an IRQ per block */
#define  ATA_CMD_WRITE_MULTIPLE	 0xC5	/* PIO, LBA28, an IRQ per block */
#define  ATA_CMD_SET_MULTIPLE	 0xC6	/* block size (sectors) in NSECT */
#define  ATA_CMD_IDENTIFY	 0xEC	/* IDENTIFY DEVICE: 256 words */
/* Control block register. */
#define ATA_REG_ALTSTATUS	0x3F6	/* read: status, INTRQ untouched */
#define ATA_REG_CTL		0x3F6	/* write: device control */
#define  ATA_CTL_NIEN		 0x02	/* no interrupts */
#define  ATA_CTL_SRST		 0x04	/* software reset */
#define ATA_IRQ			14	/* the primary channel's line */

/* IDENTIFY DEVICE data, in 16-bit words (ATA/ATAPI-6 table 27). */
#define ID_MODEL		27	/* words 27-46: model, ASCII */
#define ID_MODEL_LEN		40	/* characters, 2 a word, high first */
#define ID_MAX_MULTIPLE		47	/* bits 7-0: largest DRQ block */
#define ID_LBA_SECTORS		60	/* words 60-61: LBA28 sectors */

#define SECTOR_WORDS		(SECTOR_SIZE / 2) /* one rep insw/outsw */
#define ATA_TIMEOUT		(2 * HZ) /* Linux's WAIT_CMD is 10 s */
#define ATA_RESET_TIMEOUT	(31 * HZ) /* BSY after SRST, at most */
#define ATA_RESET_POLL		(HZ / 20) /* Linux 2.6's reset_pollfunc() */
#define ATA_POLL_LOOPS		100000	/* status reads, about 0.1 s */

struct ata_device {
	struct block_device bdev;
	char model[ID_MODEL_LEN + 1];
	unsigned int mult;		/* sectors per DRQ block */

	/* bdev.queue->queue_lock: the command in flight */
	struct request *rq;		/* the request, or NULL: idle */
	struct buffer_head *bh;		/* its buffer being moved */
	unsigned int bh_index;		/* bh's bit in rq->failed */
	sector_t sector;		/* the next sector to move */
	char *buf;			/* its data in bh */
	unsigned int nsect;		/* sectors left in the command */
	bool resetting;			/* SRST given, BSY not seen clear yet */
	unsigned long deadline;		/* jiffies: the next interrupt is due,
					 * or the reset must be over */
	struct timer_list timer;	/* fires at deadline; polls a reset */
	struct ata_stats stats;
};

static struct ata_device hda = {
	.bdev = { .name = "hda", .bd_dev = MKDEV(IDE0_MAJOR, 0) },
};

/* Test hook: a sector that fails as an unreadable one would (-1: none). */
static long bad_sector = -1;

/**
 * ata_set_bad_sector - make one sector fail with an I/O error
 * @sector: the sector, or -1 for none
 *
 * Every transfer of @sector then ends as a real unreadable sector does:
 * status ERR, error UNC, the buffer fails with -EIO.  Sectors before it
 * in the same command are still moved.
 * Context: any.
 */
void ata_set_bad_sector(long sector)
{
	WRITE_ONCE(bad_sector, sector);
}

static int ata_bad_sector_setup(char *val)
{
	long sector;

	if (kstrtol(val, 0, &sector) || sector < 0)
		return -EINVAL;
	ata_set_bad_sector(sector);
	return 0;
}
__setup("ata_bad_sector=", ata_bad_sector_setup);

/**
 * ata_get_stats - copy the driver's counters
 * @stats: where to put them
 *
 * Context: any.
 */
void ata_get_stats(struct ata_stats *stats)
{
	struct request_queue *q = hda.bdev.queue;
	unsigned long flags;

	if (!q) {			/* no disk: nothing changes them */
		*stats = hda.stats;
		return;
	}
	/* One consistent copy: the interrupt on another CPU counts too. */
	spin_lock_irqsave(&q->queue_lock, flags);
	*stats = hda.stats;
	spin_unlock_irqrestore(&q->queue_lock, flags);
}

/* 400 ns for the status to become valid after a write (7.2.13). */
static void ata_delay_400ns(void)
{
	for (int i = 0; i < 4; i++)
		inb(ATA_REG_ALTSTATUS);
}

/*
 * Wait until BSY is clear and the bits of @want are set, by polling.
 * Only where no interrupt comes and the device answers at once: the
 * probe, and DRQ for the first sector of a write.  Return: the last
 * status read.
 */
static u8 ata_poll(u8 want)
{
	u8 status = 0;

	for (int i = 0; i < ATA_POLL_LOOPS; i++) {
		status = inb(ATA_REG_ALTSTATUS);
		if (!(status & ATA_BSY) && (status & want) == want)
			break;
	}
	return status;
}

static const char *const status_names[8] = {
	"Error", "Index", "CorrectedError", "DataRequest", "SeekComplete",
	"DeviceFault", "DriveReady", "Busy",
};

static const char *const error_names[8] = {
	"AddrMarkNotFound", "TrackZeroNotFound", "DriveStatusError",
	"MediaChangeRequested", "SectorIdNotFound", "MediaChanged",
	"UncorrectableError", "BadSector",
};

/* "{ DriveReady Error }" for a register value (Linux ide_dump_status). */
static void decode_bits(char *buf, size_t len, u8 value,
			const char *const names[8])
{
	size_t n = scnprintf(buf, len, "{");

	for (int bit = 7; bit >= 0; bit--)
		if (value & (1 << bit))
			n += scnprintf(buf + n, len - n, " %s", names[bit]);
	scnprintf(buf + n, len - n, " }");
}

/* Move on to the next buffer of the request (or past its end). */
static void ata_next_buffer(struct ata_device *dev)
{
	struct request *rq = dev->rq;

	if (!dev->bh->b_reqnext) {
		dev->sector = rq->sector + rq->nr_sectors;
		return;
	}
	dev->bh = dev->bh->b_reqnext;
	dev->bh_index++;
	dev->sector = dev->bh->b_rsector;
	dev->buf = dev->bh->b_data;
}

/* Sectors in the next DRQ block (at least one: a failing sector). */
static unsigned int ata_block_sectors(struct ata_device *dev)
{
	return max(min(dev->nsect, dev->mult), 1U);
}

/*
 * The device (or the bad-sector hook) says the DRQ block at dev->sector
 * failed: report it as Linux's IDE driver does, fail the buffers it
 * touches and skip past them.  The command is over.
 */
static void ata_fail_block(struct ata_device *dev, u8 status, u8 error,
			   const char *why)
{
	const char *fn = dev->rq->cmd == WRITE ? "write_intr" : "read_intr";
	sector_t end = dev->sector + ata_block_sectors(dev);
	char bits[128];

	decode_bits(bits, sizeof(bits), status, status_names);
	printk(KERN_ERR "%s: %s: status=%#x %s%s\n", dev->bdev.name, fn,
	       status, bits, why);
	if (status & ATA_ERR) {
		decode_bits(bits, sizeof(bits), error, error_names);
		printk(KERN_ERR "%s: %s: error=%#x %s, LBAsect=%lu\n",
		       dev->bdev.name, fn, error, bits,
		       (unsigned long)dev->sector);
	}
	dev->stats.errors++;
	dev->nsect = 0;
	while (dev->sector < end &&
	       dev->sector < dev->rq->sector + dev->rq->nr_sectors) {
		dev->rq->failed |= 1UL << dev->bh_index;
		ata_next_buffer(dev);
	}
}

/* Program the task file and start READ or WRITE MULTIPLE. */
static void ata_command(struct ata_device *dev, unsigned int count)
{
	sector_t lba = dev->sector;

	dev->nsect = count;
	outb(ATA_REG_NSECT, count & 0xff);	/* 256 is written as 0 */
	outb(ATA_REG_LBAL, lba & 0xff);
	outb(ATA_REG_LBAM, (lba >> 8) & 0xff);
	outb(ATA_REG_LBAH, (lba >> 16) & 0xff);
	outb(ATA_REG_DEVICE, ATA_DEV_OBS | ATA_DEV_LBA | ((lba >> 24) & 0xf));
	dev->deadline = jiffies + ATA_TIMEOUT;
	mod_timer(&dev->timer, dev->deadline);
	outb(ATA_REG_COMMAND, dev->rq->cmd == WRITE ? ATA_CMD_WRITE_MULTIPLE
						    : ATA_CMD_READ_MULTIPLE);
	dev->stats.commands++;
}

/* Past the sector just moved; into the next buffer at a boundary. */
static void ata_advance(struct ata_device *dev)
{
	dev->sector++;
	dev->buf += SECTOR_SIZE;
	dev->nsect--;
	if (dev->sector == dev->bh->b_rsector + BLOCK_SECTORS &&
	    dev->bh->b_reqnext)
		ata_next_buffer(dev);
}

/* Read the DRQ block the device has ready; the cursor moves past it. */
static void ata_read_block(struct ata_device *dev)
{
	for (unsigned int n = ata_block_sectors(dev); n; n--) {
		insw(ATA_REG_DATA, dev->buf, SECTOR_WORDS);
		ata_advance(dev);
	}
}

/*
 * Hand the device the next DRQ block to write.  The cursor stays: it
 * moves when the interrupt says the block was taken, so that an error
 * fails the right buffers.
 */
static void ata_write_block(struct ata_device *dev)
{
	struct buffer_head *bh = dev->bh;
	sector_t sector = dev->sector;
	char *buf = dev->buf;

	for (unsigned int n = ata_block_sectors(dev); n; n--) {
		outsw(ATA_REG_DATA, buf, SECTOR_WORDS);
		buf += SECTOR_SIZE;
		sector++;
		if (sector == bh->b_rsector + BLOCK_SECTORS && bh->b_reqnext) {
			bh = bh->b_reqnext;
			buf = bh->b_data;
		}
	}
}

/* The request is done: hand it to BLOCK_SOFTIRQ. */
static void ata_end_request(struct ata_device *dev)
{
	struct request *rq = dev->rq;

	dev->rq = NULL;
	del_timer(&dev->timer);
	blk_complete_request(rq);
}

/*
 * Start a command for the rest of the request, from dev->sector; end the
 * request if nothing is left.  queue_lock held, interrupts off.
 */
static void ata_issue(struct ata_device *dev)
{
	long bad = READ_ONCE(bad_sector);

	assert_spin_locked_by_current(&dev->bdev.queue->queue_lock);
	BUG_ON(!irqs_disabled());

	while (dev->rq) {
		struct request *rq = dev->rq;
		sector_t end = rq->sector + rq->nr_sectors;
		unsigned int count = end - dev->sector;
		u8 status;

		if (!count) {
			ata_end_request(dev);
			return;
		}
		/* LBA28: every sector number fits in a long. */
		if (bad >= (long)dev->sector && bad < (long)end) {
			if (bad == (long)dev->sector) {
				ata_fail_block(dev, ATA_DRDY | ATA_ERR,
					       ATA_ER_UNC, " (ata_bad_sector)");
				continue;
			}
			count = bad - dev->sector;	/* stop before it */
		}
		ata_command(dev, count);
		if (rq->cmd == READ)
			return;		/* IRQ 14 says when data is ready */
		status = ata_poll(ATA_DRQ);
		if (!(status & (ATA_ERR | ATA_DF)) && (status & ATA_DRQ)) {
			ata_write_block(dev);
			return;		/* IRQ 14 says when it is taken */
		}
		ata_fail_block(dev, status, inb(ATA_REG_ERROR),
			       " (no DRQ for write)");
	}
}

/*
 * The queue's request_fn (kblockd/0 or BLOCK_SOFTIRQ, queue_lock held,
 * interrupts off): if the disk is idle, start the next request.
 */
static void ata_request_fn(struct request_queue *q)
{
	struct ata_device *dev = q->queuedata;
	struct request *rq;

	assert_spin_locked_by_current(&q->queue_lock);
	BUG_ON(!irqs_disabled());
	/* A request may end at once (its only sector is bad): go on. */
	while (!dev->rq && (rq = elv_next_request(q))) {
		blkdev_dequeue_request(rq);
		dev->rq = rq;
		dev->bh = rq->bh;
		dev->bh_index = 0;
		dev->sector = rq->sector;
		dev->buf = rq->bh->b_data;
		ata_issue(dev);
	}
}

/* IRQ 14: a block is ready (read) or was taken (write), or an error. */
static void ata_intr(int irq, struct pt_regs *regs, void *dev_id)
{
	struct ata_device *dev = dev_id;
	struct request_queue *q = dev->bdev.queue;
	u8 status;

	spin_lock(&q->queue_lock);
	status = inb(ATA_REG_STATUS);		/* acknowledges INTRQ */
	if (!dev->rq || !dev->nsect || (status & ATA_BSY)) {
		dev->stats.spurious++;
		goto out;
	}
	dev->stats.interrupts++;
	if (status & (ATA_ERR | ATA_DF)) {
		ata_fail_block(dev, status, inb(ATA_REG_ERROR), "");
		goto next_command;
	}
	if (dev->rq->cmd == READ) {
		if (!(status & ATA_DRQ)) {
			ata_fail_block(dev, status, 0, " (no data)");
			goto next_command;
		}
		ata_read_block(dev);
	} else {
		for (unsigned int n = ata_block_sectors(dev); n; n--)
			ata_advance(dev);	/* the device has it */
	}
	if (dev->nsect) {
		dev->deadline = jiffies + ATA_TIMEOUT;
		mod_timer(&dev->timer, dev->deadline);
		if (dev->rq->cmd == WRITE)
			ata_write_block(dev);
		goto out;
	}
next_command:
	ata_issue(dev);			/* the rest, or the end */
out:
	spin_unlock(&q->queue_lock);
}

/*
 * Software reset: stops whatever command the device is stuck in.  SRST
 * for at least 5 us, then nIEN alone.  The device then keeps BSY until it
 * is ready again, which the standard allows to take 31 s (a disk may spin
 * up again), and ignores any command written meanwhile; QEMU finishes the
 * reset later in its main loop, so a busy host stretches it too.  It is
 * therefore not waited for here, with the queue lock held and interrupts
 * off: dev->timer looks at BSY every ATA_RESET_POLL (ata_reset_poll()),
 * and dev->rq stays set meanwhile, so that ata_request_fn() starts
 * nothing.  Linux 2.6: ide-iops.c, do_reset1() and reset_pollfunc().
 * queue_lock held, interrupts off.
 */
static void ata_start_reset(struct ata_device *dev)
{
	outb(ATA_REG_CTL, ATA_CTL_NIEN | ATA_CTL_SRST);
	for (int i = 0; i < 10; i++)
		io_delay();			/* SRST for at least 5 us */
	outb(ATA_REG_CTL, ATA_CTL_NIEN);
	dev->resetting = true;
	dev->deadline = jiffies + ATA_RESET_TIMEOUT;
	/* The first look is more than the 2 ms the standard asks for. */
	mod_timer(&dev->timer, jiffies + ATA_RESET_POLL);
}

/*
 * The reset's timer: still BSY?  Look again later, up to the deadline.
 * Then interrupts on -- reading STATUS first drops whatever INTRQ the
 * reset raised -- and the request goes on past its failed block.  A
 * device still BSY at the deadline gets the next command all the same:
 * its own timeout will tell.  queue_lock held, interrupts off.
 */
static void ata_reset_poll(struct ata_device *dev)
{
	u8 status = inb(ATA_REG_ALTSTATUS);

	if (status & ATA_BSY) {
		if (time_before(jiffies, dev->deadline)) {
			mod_timer(&dev->timer, jiffies + ATA_RESET_POLL);
			return;
		}
		printk(KERN_ERR "%s: reset timed out: status=%#x\n",
		       dev->bdev.name, status);
	}
	dev->resetting = false;
	dev->stats.resets++;
	inb(ATA_REG_STATUS);
	outb(ATA_REG_CTL, 0);
	ata_issue(dev);
}

/* The timer (TIMER_SOFTIRQ): the device never interrupted, or a reset. */
static void ata_timeout(unsigned long data)
{
	struct ata_device *dev = (struct ata_device *)data;
	struct request_queue *q = dev->bdev.queue;
	unsigned long flags;
	u8 status;

	spin_lock_irqsave(&q->queue_lock, flags);
	if (dev->resetting) {
		ata_reset_poll(dev);
		goto out;
	}
	/* The interrupt may have come while this timer was firing. */
	if (!dev->rq || !dev->nsect || time_before(jiffies, dev->deadline))
		goto out;
	status = inb(ATA_REG_ALTSTATUS);
	dev->stats.timeouts++;
	printk(KERN_ERR "%s: lost interrupt: status=%#x; resetting\n",
	       dev->bdev.name, status);
	ata_fail_block(dev, status, 0, " (timeout)");
	ata_start_reset(dev);
out:
	spin_unlock_irqrestore(&q->queue_lock, flags);
}

/*
 * Is there an ATA disk?  IDENTIFY DEVICE and SET MULTIPLE MODE, by
 * polling.  LBA addressing and the MULTIPLE commands are assumed: CHS
 * is obsolete since ATA/ATAPI-6, READ/WRITE MULTIPLE are mandatory for
 * disks, and QEMU's disks have both.
 * Return: NULL with @id filled and dev->mult set, or why not.
 */
static const char *ata_probe(struct ata_device *dev, u16 *id)
{
	u8 status;

	outb(ATA_REG_CTL, ATA_CTL_NIEN);
	outb(ATA_REG_DEVICE, ATA_DEV_OBS);	/* the master */
	ata_delay_400ns();
	status = inb(ATA_REG_STATUS);
	/* QEMU reads 0 without a device; an empty bus floats to 0xff. */
	if (status == 0 || status == 0xff)
		return "no device";
	outb(ATA_REG_NSECT, 0);
	outb(ATA_REG_LBAL, 0);
	outb(ATA_REG_LBAM, 0);
	outb(ATA_REG_LBAH, 0);
	outb(ATA_REG_COMMAND, ATA_CMD_IDENTIFY);
	ata_delay_400ns();
	status = ata_poll(0);
	/* An ATAPI device (a CD-ROM) aborts it: ERR, no data. */
	if ((status & (ATA_BSY | ATA_ERR)) || !(status & ATA_DRQ))
		return "not an ATA disk (IDENTIFY DEVICE aborted: a CD-ROM?)";
	insw(ATA_REG_DATA, id, SECTOR_WORDS);

	dev->mult = id[ID_MAX_MULTIPLE] & 0xff;
	outb(ATA_REG_NSECT, dev->mult);
	outb(ATA_REG_DEVICE, ATA_DEV_OBS);
	outb(ATA_REG_COMMAND, ATA_CMD_SET_MULTIPLE);
	ata_delay_400ns();
	status = ata_poll(0);
	if (dev->mult < 2 || (status & (ATA_BSY | ATA_ERR)))
		return "an ATA disk without READ/WRITE MULTIPLE";
	return NULL;
}

/* Words 27-46 hold the model two characters a word, high byte first. */
static void ata_model(char *model, const u16 *id)
{
	int n;

	for (int i = 0; i < ID_MODEL_LEN / 2; i++) {
		model[2 * i] = id[ID_MODEL + i] >> 8;
		model[2 * i + 1] = id[ID_MODEL + i] & 0xff;
	}
	for (n = ID_MODEL_LEN; n > 0 && model[n - 1] == ' '; n--)
		;
	model[n] = '\0';
}

/**
 * ata_init - find the disk on the primary IDE channel and register "hda"
 *
 * Context: pid 1, boot, after blk_dev_init().
 */
void ata_init(void)
{
	static u16 id[SECTOR_WORDS];
	struct ata_device *dev = &hda;
	const char *why = ata_probe(dev, id);
	int err;

	if (why) {
		printk(KERN_INFO "ata: primary IDE master: %s; running without "
		       "a disk\n", why);
		return;
	}
	ata_model(dev->model, id);
	dev->bdev.nr_sectors = id[ID_LBA_SECTORS] |
			       (u32)id[ID_LBA_SECTORS + 1] << 16;
	setup_timer(&dev->timer, ata_timeout, (unsigned long)dev);
	dev->bdev.queue = blk_init_queue(ata_request_fn, dev);
	if (!dev->bdev.queue)
		panic("ata_init: no memory for the queue of hda");
	err = request_irq(ATA_IRQ, ata_intr, "ide0", dev);
	if (err)
		panic("ata_init: IRQ %d is taken (%d)", ATA_IRQ, err);
	inb(ATA_REG_STATUS);			/* nothing pending... */
	outb(ATA_REG_CTL, 0);			/* ...then interrupts on */
	printk(KERN_INFO "ata: %s: %s, %lu sectors (%lu MiB), IRQ %d, PIO, "
	       "%u sectors per interrupt\n", dev->bdev.name, dev->model,
	       (unsigned long)dev->bdev.nr_sectors,
	       (unsigned long)dev->bdev.nr_sectors >> 11, ATA_IRQ, dev->mult);
	/* Last: its partition table is read through the queue. */
	add_disk(&dev->bdev);
}

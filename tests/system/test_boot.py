# SPDX-License-Identifier: GPL-2.0
"""Boot tests: the kernel boots through QEMU's multiboot loader and
through real GRUB, its in-kernel tests pass one by one, bad command lines
are survived, and faults produce an oops instead of a silent reset."""
import os
import re
import subprocess

import pytest

from conftest import (BANNER, EXIT_KTEST_FAIL, EXIT_KTEST_PASS, EXIT_PANIC,
                      ISO, KERNEL, boot_kernel, ktest_boot, ktest_boots,
                      ktest_disk, ktest_results, load_tool, qemu_argv,
                      run_qemu)


# The whole in-kernel suite runs twice, both boots at once: on one CPU
# with a blank disk, and on four with a copy of the disk `make` makes (an
# MBR, ext3 on hda1).
KTEST_CPUS = (1, 4)


def pytest_generate_tests(metafunc):
    if "ktest_name" in metafunc.fixturenames:
        params = []
        for smp, boot in zip(KTEST_CPUS, ktest_boots(KTEST_CPUS)):
            names = sorted(ktest_results(boot))
            params += [(smp, name) for name in names or ["no_ktest_output"]]
        metafunc.parametrize("smp,ktest_name", params,
                             ids=["smp%d-%s" % p for p in params])


def test_ktest(smp, ktest_name):
    """One result per `ktest: ok/not ok N - name` line of ktest=all."""
    boot = ktest_boot(smp=smp)
    results = ktest_results(boot)
    assert ktest_name in results, boot.explain("the kernel printed no ktest lines")
    ok, reason = results[ktest_name]
    assert ok, "%s: %s" % (ktest_name, reason)


@pytest.mark.parametrize("smp", KTEST_CPUS)
def test_ktest_run_completes(smp):
    """ktest=all prints a plan, one line per test, a summary, and leaves
    QEMU with the pass status."""
    boot = ktest_boot(smp=smp)
    plan = int(boot.expect(r"ktest: 1\.\.(\d+)").group(1))
    m = boot.expect(r"ktest: (\d+) passed, (\d+) failed")
    assert int(m.group(1)) + int(m.group(2)) == plan, boot.explain("count mismatch")
    assert len(ktest_results(boot)) == plan, boot.explain("missing ktest lines")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("exit status is not pass")


def test_ktest_all_leaves_hda1_of_the_made_disk_alone():
    """The raw-disk tests of ktest=all write patterns all over hda; on
    the disk `make` makes (tools/mkdisk.py) they must keep out of hda1,
    whose ext3 must come out byte for byte as it went in, and so must the
    MBR.  tests/ktest/disk_test.h fails a test that tries; this checks
    the disk itself, whatever wrote to it."""
    boot = ktest_boot(smp=4)
    disk, pristine = ktest_disk(smp=4)
    boot.expect(r"^\[[ .0-9]+\]  hda: hda1$")
    mkdisk = load_tool("mkdisk")
    part = range(mkdisk.PART_START * 512,
                 (mkdisk.PART_START + mkdisk.PART_SECTORS) * 512)
    changed_outside = False
    with open(disk, "rb") as a, open(pristine, "rb") as b:
        for offset in range(0, mkdisk.DISK_BYTES, 4096):
            x, y = a.read(4096), b.read(4096)
            if offset in part or offset == 0:
                assert x == y, boot.explain(
                    "block %d of hda (byte %d) changed: it is %s" % (
                        offset // 4096, offset,
                        "the MBR's" if offset == 0 else "hda1's"))
            elif x != y:
                changed_outside = True
    # The raw-disk tests did run and write, elsewhere.
    assert changed_outside, boot.explain("nothing written outside hda1")


def test_multiboot_header():
    """GRUB's own checker accepts the kernel as multiboot."""
    subprocess.run(["grub-file", "--is-x86-multiboot", KERNEL], check=True)


def test_boot_prints_banner_memory_map_and_cmdline():
    boot = boot_kernel("ktest=vsnprintf_formats", timeout=30,
                       label="-kernel, one ktest")
    boot.expect(r"kt26 version \S+")
    boot.expect(r"BIOS-e820: 0000000000100000 - [0-9a-f]{16} \(usable\)")
    boot.expect(r"e820: \d+k usable RAM in all")
    boot.expect(r"Memory: \d+k/\d+k available")
    boot.expect(r"Zone Normal: min_free_kbytes \d+: pages_min \d+ pages_low \d+ pages_high \d+")
    boot.expect(r"Kernel command line: ktest=vsnprintf_formats$")
    boot.expect(r"APIC timer: \d+ counts per tick .*HZ 100")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("bad status")


def test_grub_iso_boot():
    """Real GRUB (grub-mkrescue ISO) loads the kernel with grub.cfg's line."""
    assert os.path.exists(ISO), "build/kernel.iso missing: make iso"
    boot = run_qemu(qemu_argv(iso=True), timeout=60,
                    end_pattern=r"APIC timer: \d+ counts per tick",
                    label="GRUB ISO",
                    stop_at_end=True)
    assert not boot.timed_out, boot.explain("GRUB boot did not finish")
    boot.expect(r"Boot loader: GRUB")
    boot.expect(r"kt26 version")
    boot.expect(r"Kernel command line: loglevel=7$")
    boot.expect(r"BIOS-e820: .*\(usable\)")
    boot.expect(r"APIC timer: \d+ counts per tick .*HZ 100")


GARBAGE = 'loglevel=banana =x ktest= mem= novalue=1 "unterminated ===== \x7f'


def test_garbage_cmdline_warns_and_boots():
    boot = boot_kernel("ktest=cmdline_parse " + GARBAGE, timeout=30,
                       label="garbage command line")
    boot.expect(r'Malformed kernel command line parameter "loglevel=banana", ignored')
    boot.expect(r'Unknown kernel command line parameter "novalue=1", ignored')
    boot.expect(r'Unknown kernel command line parameter "=x", ignored')
    boot.expect(r'Malformed kernel command line parameter "ktest=", ignored')
    boot.expect(r"ktest: ok 1 - cmdline_parse")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("bad status")


def test_tab_is_a_blank_on_the_cmdline():
    """A tab separates options as a space does, before the first one too
    (isspace(), include/ctype.h): no empty option is reported."""
    boot = boot_kernel("\tktest=cmdline_parse\tloglevel=7", timeout=30,
                       label="tabs on the command line")
    boot.expect(r"Kernel command line: ktest=cmdline_parse\tloglevel=7$")
    assert 'parameter ""' not in boot.output, boot.explain("empty option")
    boot.expect(r"ktest: ok 1 - cmdline_parse")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("bad status")


# printk's "[%5lu.%06lu] ": seconds since boot right-aligned in 5
# columns (the lookahead), then microseconds.
TIMESTAMP = re.compile(r"^\[(?=[ \d]{5}\.) *(\d+)\.(\d{6})\] ")
LEVEL_MARKER = re.compile(TIMESTAMP.pattern + r"printk level marker (\d)$")


@pytest.mark.parametrize("loglevel", [4, 5])
def test_loglevel_filters_console_not_log_ring(loglevel):
    """loglevel=N shows on the console only the messages of level below N,
    as on Linux: at 4, KERN_ERR (3) shows and KERN_WARNING (4) and
    KERN_INFO (6) do not; at 5, KERN_WARNING shows too.  From the first
    line: a boot without trouble prints nothing below KERN_NOTICE, so the
    ktest's markers are the only kernel lines on the console.  The ktest
    prints one marker per level and passes only if all eight are in the
    log ring."""
    boot = boot_kernel("loglevel=%d ktest=printk_levels_all_reach_log_ring"
                       % loglevel, timeout=30)
    kernel_lines = [l for l in boot.lines if TIMESTAMP.match(l)]
    markers = [LEVEL_MARKER.match(l) for l in kernel_lines]
    shown = [int(m.group(3)) for m in markers if m]
    assert shown == list(range(loglevel)), boot.explain(
        "console showed levels %s" % shown)
    others = [l for l, m in zip(kernel_lines, markers) if not m]
    assert not others, boot.explain("shown despite loglevel=%d: %s"
                                    % (loglevel, others))
    assert boot.status == EXIT_KTEST_PASS, boot.explain(
        "a level is missing from the log ring")


def test_printk_timestamps_well_formed_and_monotonic():
    """Every line of a ktest=all boot is a kernel message with printk's
    timestamp, `[    0.012345] `, and the times never go backwards."""
    boot = ktest_boot()
    assert TIMESTAMP.match(boot.lines[0]) and BANNER in boot.lines[0], \
        boot.explain("the banner is not the first, stamped line")
    malformed = [l for l in boot.lines if not TIMESTAMP.match(l)]
    assert not malformed, boot.explain("lines without a timestamp: %s"
                                       % malformed[:5])
    times = [tuple(map(int, TIMESTAMP.match(l).groups())) for l in boot.lines]
    backwards = [(a, b) for a, b, c, d in
                 zip(boot.lines, boot.lines[1:], times, times[1:]) if d < c]
    assert not backwards, boot.explain("time went backwards: %s"
                                       % backwards[:3])


def test_unknown_ktest_name_fails():
    """A name no KTEST() has is one failed test, counted in the plan and
    the summary, and QEMU leaves with the fail status."""
    boot = boot_kernel("ktest=no_such_test", timeout=30)
    ktest_lines = [l[TIMESTAMP.match(l).end():] for l in boot.lines
                   if TIMESTAMP.match(l) and "ktest: " in l]
    assert ktest_lines == ["ktest: 1..1",
                           "ktest: not ok 1 - no_such_test: no such test",
                           "ktest: smp_processor_id() bugs 0, spinlock "
                           "lockups 0",
                           "ktest: 0 passed, 1 failed"], \
        boot.explain("ktest lines: %s" % ktest_lines)
    assert boot.status == EXIT_KTEST_FAIL, boot.explain("not the fail status")


def test_oops_null_pointer():
    """A NULL write in the kernel: oops with name, error code, CR2, EIP,
    registers and a backtrace, then panic with the failure status."""
    boot = boot_kernel("ktest=oops_selftest", timeout=30)
    boot.expect(r"BUG: unable to handle kernel NULL pointer dereference at "
                r"virtual address 00000000")
    boot.expect(r"Oops: 0002 \[#1\]")
    boot.expect(r"EIP:    0060:\[<c0[0-9a-f]{6}>\]")
    boot.expect(r"CR2: 00000000")
    boot.expect(r"eax: [0-9a-f]{8}   ebx: [0-9a-f]{8}")
    # Symbolized (kallsyms): the faulting function, then its callers down
    # to the thread's first frame.
    boot.expect(r"EIP is at ktest_fn_oops_selftest\+0x[0-9a-f]+/0x[0-9a-f]+")
    boot.expect(r"Call Trace:\n.*\[<c0[0-9a-f]{6}>\] ktest_fn_oops_selftest\+")
    boot.expect(r"\[<c0[0-9a-f]{6}>\] ktest_thread\+0x[0-9a-f]+/0x[0-9a-f]+")
    boot.expect(r"\[<c0[0-9a-f]{6}>\] kernel_thread_helper\+")
    boot.expect(r"Kernel panic - not syncing: Fatal exception")
    assert boot.status == EXIT_PANIC, boot.explain("status is not the panic status")


def test_oops_divide_error():
    boot = boot_kernel("ktest=oops_divide_error", timeout=30)
    boot.expect(r"divide error: 0000 \[#1\]")
    boot.expect(r"EIP:    0060:\[<c0[0-9a-f]{6}>\]")
    boot.expect(r"Kernel panic - not syncing: Fatal exception")
    assert boot.status == EXIT_PANIC, boot.explain("status is not the panic status")


def test_panic_stops_the_other_cpus():
    """At -smp 4 panic() sends the stop IPI (smp_send_stop(),
    arch/x86/smp.c): the three other CPUs go offline and halt before the
    kernel gives up, and it says so."""
    boot = boot_kernel("ktest=oops_divide_error", timeout=30, smp=4)
    boot.expect(r"Kernel panic - not syncing: Fatal exception")
    boot.expect(r"SMP: 3 other CPUs stopped$")
    assert boot.status == EXIT_PANIC, boot.explain("status is not the panic status")


def test_double_fault_reported_not_reset():
    """A push on a kernel stack in unmapped memory: the page fault cannot
    push its frame either, and the double fault's task gate
    (arch/x86/doublefault.c) reports the broken context from a stack of
    its own and panics, instead of a silent triple-fault reset."""
    boot = boot_kernel("ktest=double_fault_selftest", timeout=30)
    boot.expect(r"double fault, the kernel stack is probably gone$")
    boot.expect(r"EIP: 0060:\[<c0[0-9a-f]{6}>\]  EFLAGS: [0-9a-f]{8}  "
                r"EIP is at ktest_fn_double_fault_selftest\+0x[0-9a-f]+/")
    # ebp: the test thread's stack, wherever the buddy allocator put it.
    boot.expect(r"ebp: c[0-9a-f]{7}   esp: 00001000$")
    boot.expect(r"CR2: 00000ffc$")
    boot.expect(r"Kernel panic - not syncing: double fault$")
    assert boot.status == EXIT_PANIC, boot.explain("status is not the panic status")


def test_hung_ktest_named_by_the_watchdog():
    """A test that never returns does not leave the run to the host's
    timeout: after ktest_timeout= seconds the watchdog (kernel/ktest.c)
    reports it by name, shows the tasks (the test's thread, a child of
    pid 1, asleep in D, the state it hangs in; pid 1 waiting for it) and
    ends the run with the fail status."""
    boot = boot_kernel("ktest=watchdog_selftest ktest_timeout=1", timeout=30)
    boot.expect(r"ktest: not ok 1 - watchdog_selftest: "
                r"still running after 1 s$")
    boot.expect(r"\] +\d+ +\d+ +1 D .* \[ktest\]$")
    boot.expect(r"\] +\d+ +1 +0 S .* \[init\]$")
    boot.expect(r"ktest: 0 passed, 1 failed$")
    assert boot.status == EXIT_KTEST_FAIL, boot.explain("not the fail status")


def test_bench_all_prints_rows():
    """bench=all (what `make bench` boots) runs every benchmark, prints
    one row per measurement in the form tools/bench.py reads, and leaves
    QEMU with the pass status.  No value is judged: timings are not
    asserted."""
    bench = load_tool("bench")
    boot = boot_kernel("bench=all", timeout=120, end_pattern=r"bench: end",
                       label="bench=all")
    lines = [l[TIMESTAMP.match(l).end():] for l in boot.lines
             if TIMESTAMP.match(l) and "bench: " in l]
    assert lines and re.match(r"bench: begin tsc_khz=[1-9]\d*$", lines[0]), \
        boot.explain("no begin line")
    assert lines[-1] == "bench: end", boot.explain("no end line")
    rows = [bench.ROW.search(l) for l in lines[1:-1]]
    malformed = [l for l, m in zip(lines[1:-1], rows) if not m]
    assert not malformed, boot.explain("not rows: %s" % malformed)
    names = {m.group(1) for m in rows}
    # issue 3's rows, and one at least of every other benchmark file
    for row in ("alloc_pages+__free_pages, order 0",
                "alloc_pages+__free_pages, order 1", "kmalloc(64)+kfree",
                "context switch, kernel thread ping-pong",
                "schedule_work, interrupt to function, median",
                "buffer cache: write 4 MiB + sync_all"):
        assert row in names, boot.explain("no row %r" % row)
    # A user program's rows (tests/bench/pipe_bench.c): no timestamp.
    user_rows = {m.group(1) for m in map(bench.ROW.match, boot.lines) if m}
    for row in ("pipe throughput, 4 KiB writes", "pipe round trip, 1 byte"):
        assert row in user_rows, boot.explain("no row %r" % row)
    assert boot.status == EXIT_KTEST_PASS, boot.explain("not the pass status")


@pytest.mark.parametrize("smp", KTEST_CPUS)
def test_ktest_log_has_no_unexpected_errors(smp):
    """The in-kernel tests provoke a few reports on purpose (a double free,
    a foreign kfree, user access from a kernel thread); anything else in
    that log -- a bad page, another slab error, a BUG, a warning
    elsewhere -- is a bug that a passing test did not notice."""
    boot = ktest_boot(smp=smp)
    slab_errors = [l for l in boot.lines if "slab error" in l]
    assert len(slab_errors) == 2, boot.explain("slab errors: %s" % slab_errors)
    for bad in ("Bad page state", "kernel BUG", "BUG: ", "Oops",
                "sleeping function called from invalid context"):
        hits = [l for l in boot.lines if bad in l]
        assert not hits, boot.explain("unexpected %r: %s" % (bad, hits))
    warnings = [l for l in boot.lines if "WARNING: at" in l]
    assert all("usercopy.c" in w for w in warnings), \
        boot.explain("unexpected warnings: %s" % warnings)

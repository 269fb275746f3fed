# SPDX-License-Identifier: GPL-2.0
"""The user programs, run on the Linux host.

The programs use Linux's i386 system call numbers through int $0x80, and
an x86_64 Linux runs such static binaries directly: so the programs and
their tests are checked on a real kernel before kt26 implements the
calls.  Also checked here: what the kernel's loaders will be given (ELF
layout of every program, the initramfs members, the broken files).

Needs `make user` (make test builds it through `all`).
"""
import os
import re
import resource
import shutil
import signal
import subprocess
import tempfile
import time

import pytest

from conftest import BUILD, ROOT, SH_BUILTINS, load_tool

USER = os.path.join(BUILD, "user")
BADELF = os.path.join(USER, "badelf")
PROGRAMS = ["init", "sh", "hello", "cat", "dd", "spin", "usertests", "fuzz",
            "echo", "pipebench"]
mkbroken = load_tool("mkbroken")
BADELF_FILES = sorted([b.name for b in mkbroken.BAD_ELF_KINDS] +
                      ["kinds", "valid"])
INITRAMFS_MEMBERS = ["bin", "etc", "sbin", "test", "test/badelf", "sbin/init",
                     "bin/sh", "bin/hello", "bin/cat", "bin/dd", "bin/spin",
                     "bin/usertests", "bin/fuzz", "bin/echo",
                     "bin/pipebench", "etc/motd"] + \
    ["test/badelf/" + name for name in BADELF_FILES]
# Calls fuzz must never make (user/fuzz.c must_skip()): exit, fork,
# execve, nanosleep, alarm, pause, sigsuspend, setitimer, sigreturn,
# rt_sigreturn, rt_sigsuspend, pipe, pipe2; kill only of a pid > 0.
FUZZ_NEVER = {1, 2, 11, 162, 27, 29, 72, 104, 119, 173, 179, 42, 331}
# Made by fuzz's unprivileged child, and refused by kt26: kill, reboot,
# kt_pressure, kt_trace, kt_drop_caches, setuid, setuid32.
FUZZ_REFUSED = {37, 88, 402, 404, 405, 23, 213}


def prog(name):
    path = os.path.join(USER, name)
    if not os.path.exists(path):
        pytest.fail("%s is missing: run `make user` first" % path)
    return path


def no_core_dumps():
    # usertests' children die of SIGSEGV on purpose.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def as_nobody():
    """For the programs that do what only kt26 survives (kill pid 0,
    random system calls) once they believe they run on kt26: should that
    belief ever be wrong, they cannot hurt a root-owned host."""
    no_core_dumps()
    if os.getuid() == 0:
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)


def run(argv, stdin=b"", timeout=30, env=None, preexec_fn=no_core_dumps):
    # A session of its own: a kill(0, ...) cannot reach pytest.
    return subprocess.run(argv, input=stdin, capture_output=True,
                          timeout=timeout, env=env, preexec_fn=preexec_fn,
                          start_new_session=True)


def sh(script, timeout=30):
    """Feeds @script to our shell; returns (stdout, stderr, status)."""
    proc = run([prog("sh")], stdin=script.encode(), timeout=timeout)
    return proc.stdout.decode(), proc.stderr.decode(), proc.returncode


# --- what the kernel's loaders get ---------------------------------------

def readelf(path):
    return subprocess.run(["readelf", "-h", "-l", "-W", path],
                          capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("name", PROGRAMS)
def test_program_is_static_i386_exec_at_0x08048000(name):
    out = readelf(prog(name))
    assert re.search(r"Class:\s+ELF32", out), out
    assert re.search(r"Machine:\s+Intel 80386", out), out
    assert re.search(r"Type:\s+EXEC", out), out
    entry = int(re.search(r"Entry point address:\s+(0x[0-9a-f]+)", out)
                .group(1), 16)
    assert 0x08048000 <= entry < 0xC0000000, out
    assert "INTERP" not in out and "DYNAMIC" not in out, out
    loads = re.findall(r"^\s*LOAD\s+(0x\S+)\s+(0x\S+)\s+\S+\s+(0x\S+)\s+"
                       r"(0x\S+)\s+([RWE ]+?)\s+0x", out, re.M)
    assert loads, out
    assert int(loads[0][1], 16) == 0x08048000, "text must start the image"
    for offset, vaddr, filesz, memsz, flags in loads:
        # The loader maps page by page: both ends page aligned.
        assert int(offset, 16) % 4096 == 0 and int(vaddr, 16) % 4096 == 0, \
            "segment at %s is not page aligned" % vaddr
        assert not ("W" in flags and "E" in flags), \
            "segment at %s is writable and executable" % vaddr
    assert ".eh_frame" not in subprocess.run(
        ["readelf", "-S", "-W", prog(name)], capture_output=True,
        text=True).stdout


def test_initramfs_lists_the_programs_in_newc_format():
    archive = os.path.join(BUILD, "initramfs.cpio")
    with open(archive, "rb") as f:
        assert f.read(6) == b"070701", "not a newc archive"
    listing = subprocess.run("cpio -t -H newc < %s" % archive, shell=True,
                             capture_output=True, text=True, check=True)
    assert listing.stdout.split() == INITRAMFS_MEMBERS
    verbose = subprocess.run("cpio -t -v -H newc < %s" % archive,
                             shell=True, capture_output=True, text=True,
                             check=True).stdout
    modes = {line.split()[-1]: line.split()[0]
             for line in verbose.splitlines()}
    assert modes["sbin/init"] == "-rwxr-xr-x"
    assert modes["bin"].startswith("d")
    assert modes["etc/motd"] == "-rw-r--r--"


def test_initramfs_programs_are_the_built_ones_without_debug_info():
    staged = os.path.join(BUILD, "initramfs", "bin", "sh")
    assert os.path.getsize(staged) < os.path.getsize(prog("sh"))
    assert ".debug_info" not in subprocess.run(
        ["readelf", "-S", "-W", staged], capture_output=True,
        text=True).stdout


def test_corrupt_initramfs_has_one_bad_header_at_sbin_init():
    good = open(os.path.join(BUILD, "initramfs.cpio"), "rb").read()
    bad = open(os.path.join(BUILD, "initramfs-corrupt.cpio"), "rb").read()
    assert len(good) == len(bad)
    at = bad.index(b"BADMAG")
    assert bad.count(b"BADMAG") == 1
    assert good[at:at + 6] == b"070701"
    assert bad[:at] == good[:at] and bad[at + 6:] == good[at + 6:]
    assert bad[at + 110:at + 119] == b"sbin/init"


def test_badelf_files_are_listed_in_kinds():
    assert sorted(os.listdir(BADELF)) == BADELF_FILES
    with open(os.path.join(BADELF, "kinds")) as f:
        assert f.read().split() == [b.name for b in mkbroken.BAD_ELF_KINDS]


def test_badelf_valid_runs_on_linux():
    """The file every broken one is made from is a working program."""
    proc = run([os.path.join(BADELF, "valid")])
    assert proc.returncode == mkbroken.VALID_EXIT


LINUX_ENOEXEC = [b.name for b in mkbroken.BAD_ELF_KINDS if b.linux_enoexec]


@pytest.mark.parametrize("kind", LINUX_ENOEXEC)
def test_badelf_is_refused_by_linux_with_enoexec(kind):
    """The kinds Linux refuses before execve's point of no return (for
    the others it runs the file, or kills the process afterwards)."""
    with pytest.raises(OSError) as err:
        subprocess.run([os.path.join(BADELF, kind)])
    assert err.value.errno == 8, "expected ENOEXEC, got %r" % err.value


def test_user_code_reuses_lib_instead_of_copying_it():
    """lib/string.c and lib/vsprintf.c are compiled for user space, not
    duplicated under user/."""
    for root, _, files in os.walk(os.path.join(ROOT, "user")):
        for name in files:
            if name.endswith(".c"):
                text = open(os.path.join(root, name)).read()
                for fn in ("memcpy", "strlen", "vsnprintf", "snprintf"):
                    assert not re.search(r"^\w.*\b%s\(" % fn, text, re.M), \
                        "%s defines %s" % (name, fn)
    assert os.path.exists(os.path.join(USER, "klib", "vsprintf.o"))


# --- the programs --------------------------------------------------------

def test_hello_prints_its_line():
    proc = run([prog("hello"), "a", "b"])
    assert proc.returncode == 0
    assert re.fullmatch(r"hello, world from pid \d+ a b\n",
                        proc.stdout.decode())


def test_echo_prints_its_arguments():
    proc = run([prog("echo"), "one", "two  three"])
    assert proc.stdout == b"one two  three\n" and proc.returncode == 0


def test_cat_copies_files_and_stdin(tmp_path):
    data = bytes(range(256)) * 40        # binary, several reads long
    path = tmp_path / "data"
    path.write_bytes(data)
    proc = run([prog("cat"), str(path), "-", str(path)], stdin=b"middle\n")
    assert proc.stdout == data + b"middle\n" + data
    assert proc.returncode == 0
    assert run([prog("cat")], stdin=b"from stdin\n").stdout == b"from stdin\n"


def test_cat_missing_file_is_an_error_but_goes_on(tmp_path):
    path = tmp_path / "there"
    path.write_bytes(b"here\n")
    proc = run([prog("cat"), str(tmp_path / "nope"), str(path)])
    assert proc.stderr == b"cat: %s: No such file or directory\n" % \
        str(tmp_path / "nope").encode()
    assert proc.stdout == b"here\n"
    assert proc.returncode == 1


def test_dd_copies_with_bs_count_skip_seek(tmp_path):
    data = os.urandom(10000)
    src, dst = tmp_path / "in", tmp_path / "out"
    src.write_bytes(data)
    dst.write_bytes(b"x" * 5000)
    proc = run([prog("dd"), "if=%s" % src, "of=%s" % dst, "bs=1k",
                "count=3", "skip=2", "seek=1"])
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == (b"3+0 records in\n3+0 records out\n"
                           b"3072 bytes copied\n")
    # No O_TRUNC: the bytes around the copy stay.
    assert dst.read_bytes() == b"x" * 1024 + data[2048:5120] + b"x" * 904


def test_dd_counts_partial_records_and_defaults_to_stdio():
    proc = run([prog("dd"), "bs=512"], stdin=b"y" * 1300)
    assert proc.stdout == b"y" * 1300
    assert proc.stderr == (b"2+1 records in\n2+1 records out\n"
                           b"1300 bytes copied\n")


def test_dd_writes_a_pattern_and_reads_it_back(tmp_path):
    """What the shell does to /dev/hda, on a file standing in for it."""
    disk = tmp_path / "disk"
    disk.write_bytes(bytes(64 * 1024))
    pattern = (b"kt26 block pattern " * 30)[:512] * 4
    src = tmp_path / "pattern"
    src.write_bytes(pattern)
    run([prog("dd"), "if=%s" % src, "of=%s" % disk, "bs=512", "seek=10"])
    back = run([prog("dd"), "if=%s" % disk, "bs=512", "skip=10",
                "count=4"])
    assert back.stdout == pattern
    assert disk.stat().st_size == 64 * 1024


@pytest.mark.parametrize("args,message", [
    (["bs=0"], b"dd: invalid number: 'bs=0'"),
    (["bs=2x"], b"dd: invalid number: 'bs=2x'"),
    (["count=99999999999"], b"dd: invalid number: 'count=99999999999'"),
    (["size=3"], b"dd: unrecognized operand 'size=3'"),
    (["if=/nonexistent"], b"dd: failed to open '/nonexistent': No such file"),
])
def test_dd_errors_are_explained(args, message):
    proc = run([prog("dd")] + args)
    assert proc.returncode == 1
    assert proc.stderr.startswith(message), proc.stderr


def test_spin_burns_user_cpu_for_the_given_seconds():
    """spin 1 lasts a second and never sleeps in it: its CPU time depends
    on how busy the host is, but a program that slept would have given
    up the CPU of its own accord (voluntary context switches)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = run([prog("spin"), "1"], timeout=30)
    elapsed = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert proc.returncode == 0 and proc.stdout == b"" and proc.stderr == b""
    assert elapsed > 0.9
    assert after.ru_utime > before.ru_utime, "spin used no CPU"
    voluntary = after.ru_nvcsw - before.ru_nvcsw
    assert voluntary <= 2, "spin slept %d times" % voluntary
    assert run([prog("spin"), "x"]).returncode == 2


def test_init_reports_ring_3_and_restarts_the_shell():
    """init runs the host's /bin/sh, which exits at once (stdin is
    /dev/null): init must say so and start it again."""
    proc = subprocess.Popen([prog("init")], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        lines = [proc.stdout.readline().decode() for _ in range(3)]
    finally:
        proc.kill()
        proc.wait()
    # 0x23: the 32-bit user code segment of x86_64 Linux (kt26: 0x73).
    assert lines[0] == "init: running in ring 3 (cs=0x23), pid %d\n" % proc.pid
    assert lines[1] == "init: sh exited with status 0, restarting\n"
    assert lines[2] == lines[1]


# --- the shell -------------------------------------------------------------

def test_sh_help_lists_every_builtin():
    out, err, status = sh("help\n")
    for name in SH_BUILTINS:
        assert re.search(r"^  %s\s" % name, out, re.M), name
    assert status == 0


def test_sh_echo_exit_and_prompt():
    out, err, status = sh("echo  a   b\nexit 3\necho never\n")
    assert out == "a b\n"
    assert err == "# # "           # prompts go to stderr, nothing echoed
    assert status == 3


def test_sh_end_of_input_exits_0():
    assert sh("echo x\n")[2] == 0
    assert sh("")[2] == 0


def test_sh_unknown_command_is_not_found():
    out, err, _ = sh("no-such-cmd arg\necho still here\n")
    assert "sh: no-such-cmd: command not found\n" in err
    assert out == "still here\n"


def test_sh_runs_a_program_by_path():
    out, err, _ = sh("%s x y\n%s\n" % (prog("hello"), "/no/such/prog"))
    assert re.fullmatch(r"hello, world from pid \d+ x y\n", out)
    assert "sh: /no/such/prog: No such file or directory\n" in err


def test_sh_reports_a_child_killed_by_a_signal(tmp_path):
    script = tmp_path / "crash"
    script.write_text("#!/bin/sh\nkill -SEGV $$\n")
    script.chmod(0o755)
    _, err, _ = sh("%s\n" % script)
    assert "sh: %s: killed by signal 11 (SIGSEGV)\n" % script in err


@pytest.mark.parametrize("command", ["ps", "ps -s", "stack 1", "free",
                                     "pressure 10", "trace"])
def test_sh_teaching_calls_say_not_supported_on_linux(command):
    out, err, _ = sh(command + "\n")
    word = command.split()[0]
    assert err == "# sh: %s: not supported by this kernel\n# " % word
    assert out == ""


def test_sh_poweroff_refuses_on_linux():
    _, err, _ = sh("poweroff\n")
    assert "sh: poweroff: only on kt26" in err


@pytest.mark.parametrize("command,usage", [
    ("ps -x", "usage: ps [-s]"),
    ("kill", "usage: kill [-SIG] PID..."),
    ("kill 12x", "usage: kill [-SIG] PID..."),
    ("sleep soon", "usage: sleep SECONDS"),
    ("pressure 0", "usage: pressure PAGES"),
    ("stack", "usage: stack PID"),
    ("exit x", "usage: exit [STATUS]"),
    ("exit 4294967297", "usage: exit [STATUS]"),   # not 1: out of range
])
def test_sh_bad_arguments_print_usage(command, usage):
    _, err, status = sh(command + "\n")
    assert usage + "\n" in err
    assert status == 0


def test_sh_kill_sends_the_signal():
    victim = subprocess.Popen(["sleep", "60"])
    try:
        _, err, _ = sh("kill -KILL %d\nkill -FOO 1\n" % victim.pid)
        assert victim.wait(timeout=10) == -signal.SIGKILL
        assert "sh: kill: FOO: no such signal\n" in err
    finally:
        victim.kill()
    victim = subprocess.Popen(["sleep", "60"])
    try:
        sh("kill %d\n" % victim.pid)
        assert victim.wait(timeout=10) == -signal.SIGTERM
    finally:
        victim.kill()


def test_sh_spin_starts_in_background_and_is_reaped():
    """On the host /bin/spin does not exist: the background child fails
    at once, and must not stay a zombie past the next prompt."""
    proc = subprocess.Popen([prog("sh")], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        proc.stdin.write(b"spin\n")
        proc.stdin.flush()
        started = proc.stdout.readline().decode()
        child = int(re.fullmatch(r"spin: started pid (\d+)\n",
                                 started).group(1))
        # Wait (on a busy host, a while) until the child has failed and
        # become a zombie; the next prompt must then reap it.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if " Z " in open("/proc/%d/stat" % child).read():
                    break
            except FileNotFoundError:
                break
            time.sleep(0.05)
        # sh reaps at the top of its loop, before it reads a line: once
        # the second echo has run, the reap after the first one is done.
        proc.stdin.write(b"echo next\necho again\n")
        proc.stdin.flush()
        assert proc.stdout.readline() == b"next\n"
        assert proc.stdout.readline() == b"again\n"
        try:
            stat = open("/proc/%d/stat" % child).read()
        except FileNotFoundError:
            stat = ""                   # reaped and gone: good
        # The child is a fork of sh whose execve failed: comm is "sh".
        assert not re.match(r"%d \(sh\) Z %d " % (child, proc.pid), stat), \
            "pid %d is still a zombie child of sh" % child
    finally:
        proc.kill()
        proc.wait()


def test_sh_sleep_waits():
    start = time.monotonic()
    sh("sleep 1\n")
    assert 0.9 < time.monotonic() - start < 5


def test_sh_rejects_a_line_too_long():
    out, err, _ = sh("echo " + "x" * 300 + "\necho ok\n")
    assert "sh: line too long" in err
    assert out == "ok\n"


# --- the test programs -----------------------------------------------------

USERTESTS_LINE = re.compile(r"^usertests: (ok|not ok) (\d+) - (\w+)(.*)$")
KT26_ONLY = {"kill_pid0_is_own_group_not_swapper", "kill_kthreadd_survives",
             "kt_tasks_lists_kernel_threads", "fuzz_keeps_free_pages",
             "initramfs_files_read_only", "dev_hda_read_write",
             "unknown_syscalls_enosys", "vfs_read_only_root_and_mounts"}
INIT_ONLY = {"orphans_go_to_init"}


def test_usertests_pass_on_linux():
    # The broken ELF files Linux refuses too, and the one that runs, in a
    # directory that nobody (as_nobody) can read.
    with tempfile.TemporaryDirectory() as badelf:
        os.chmod(badelf, 0o755)
        for name in LINUX_ENOEXEC + ["valid"]:
            shutil.copy(os.path.join(BADELF, name), badelf)
        with open(os.path.join(badelf, "kinds"), "w") as f:
            f.write("".join(kind + "\n" for kind in LINUX_ENOEXEC))
        env = dict(os.environ, BADELF_DIR=badelf)
        proc = run([prog("usertests")], env=env, timeout=120,
                   preexec_fn=as_nobody)
    out = proc.stdout.decode()
    plan = int(re.search(r"^usertests: 1\.\.(\d+)$", out, re.M).group(1))
    results = [USERTESTS_LINE.match(l) for l in out.splitlines()]
    results = [m for m in results if m]
    assert len(results) == plan, out
    for m in results:
        ok, name, rest = m.group(1) == "ok", m.group(3), m.group(4)
        assert ok, "%s failed%s" % (name, rest)
        if name in KT26_ONLY:
            assert rest == " # SKIP not kt26", name
        elif name in INIT_ONLY:
            assert rest == " # SKIP not pid 1", name
        else:
            assert "SKIP" not in rest, "%s skipped%s" % (name, rest)
    assert "usertests: %d passed, 0 failed\n" % plan in out
    assert proc.returncode == 0


def test_pipebench_prints_bench_rows():
    """Both rows in `make bench`'s form, in time with a TSC frequency
    given, in cycles without one (a host's kernel log is not ours)."""
    bench = load_tool("bench")
    for args, units in (([prog("pipebench"), "1000000"], ["MB/s", "ns"]),
                        ([prog("pipebench")], ["cycles/KiB", "cycles"])):
        proc = run(args, timeout=60, preexec_fn=as_nobody)
        rows = [bench.ROW.search(l) for l in proc.stdout.decode().splitlines()]
        assert proc.returncode == 0 and all(rows) and len(rows) == 2, proc
        assert [m.group(1) for m in rows] == [
            "pipe throughput, 4 KiB writes", "pipe round trip, 1 byte"]
        assert [m.group(3) for m in rows] == units
    assert run([prog("pipebench"), "x"]).returncode == 2


def test_fuzz_dry_run_is_deterministic_and_skips_dangerous_calls():
    first = run([prog("fuzz"), "-n", "3000"]).stdout.decode().splitlines()
    again = run([prog("fuzz"), "-n", "3000"]).stdout.decode().splitlines()
    other = run([prog("fuzz"), "-n", "3000", "12345"]).stdout.decode()
    assert first == again and len(first) == 3000
    assert first != other.splitlines()
    call = re.compile(r"fuzz: (\d+): syscall\((\d+), (0x[0-9a-f]+|0), "
                      r"(0x[0-9a-f]+|0), .*\)$")
    numbers = set()
    for i, line in enumerate(first):
        m = call.match(line)
        assert m and int(m.group(1)) == i + 1, line
        nr, arg1 = int(m.group(2)), int(m.group(3), 0)
        assert nr not in FUZZ_NEVER and nr <= 450, line
        # kill(pid <= 0) could reach the fuzzer itself
        assert not (nr == 37 and (arg1 == 0 or arg1 >= 1 << 31)), line
        numbers.add(nr)
    assert {3, 4, 400, 403} <= numbers        # real calls are drawn too
    assert FUZZ_REFUSED <= numbers            # and the ones root alone may


def test_fuzz_dry_run_with_several_seeds_lists_each_in_turn():
    one = run([prog("fuzz"), "-n", "50", "7"]).stdout.decode()
    two = run([prog("fuzz"), "-n", "50", "9"]).stdout.decode()
    both = run([prog("fuzz"), "-n", "50", "7", "9"]).stdout.decode()
    assert both == one + two and one != two
    assert run([prog("fuzz"), "-n", "5", "0"]).returncode == 2
    assert run([prog("fuzz"), "-n", "5", "0x100000000"]).returncode == 2


def test_fuzz_refuses_to_run_on_linux():
    proc = run([prog("fuzz"), "10"], preexec_fn=as_nobody)
    assert proc.returncode == 2
    assert b"fuzz: refusing to run: this kernel is not kt26" in proc.stderr

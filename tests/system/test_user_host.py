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
import pty
import re
import resource
import select
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
            "echo", "pipebench", "ps", "ls", "grep", "wc", "head", "sleep",
            "kill", "prng", "fswriter"]
mkbroken = load_tool("mkbroken")
BADELF_FILES = sorted([b.name for b in mkbroken.BAD_ELF_KINDS] +
                      ["kinds", "valid"])
BUSYBOX = os.path.join(BUILD, "initramfs", "bin", "busybox")
HAVE_BUSYBOX = os.path.exists(BUSYBOX)
# Busybox's applets, as links to it, where the project has no program
# of the name.
BUSYBOX_LINKS = [a for a in subprocess.run(
    [BUSYBOX, "--list"], capture_output=True, text=True,
    check=True).stdout.split() if a not in PROGRAMS + ["busybox"]] \
    if HAVE_BUSYBOX else []
INITRAMFS_MEMBERS = ["bin", "etc", "sbin", "test", "test/badelf", "sbin/init",
                     "bin/sh", "bin/hello", "bin/cat", "bin/dd", "bin/spin",
                     "bin/usertests", "bin/fuzz", "bin/echo",
                     "bin/pipebench", "bin/ps", "bin/ls", "bin/grep",
                     "bin/wc", "bin/head", "bin/sleep", "bin/kill",
                     "bin/prng", "bin/fswriter", "bin/glibc-test"] + \
    (["bin/busybox"] if HAVE_BUSYBOX else []) + \
    ["etc/group", "etc/motd", "etc/passwd"] + \
    ["test/badelf/" + name for name in BADELF_FILES] + \
    ["bin/" + name for name in BUSYBOX_LINKS]
# Calls fuzz must never make (user/fuzz.c must_skip()): exit, fork,
# execve, nanosleep, pipe, pipe2, alarm, pause, sigsuspend, setitimer,
# sigreturn, rt_sigreturn, rt_sigsuspend, old mmap, vfork, clone,
# exit_group, clock_nanosleep (both); kill only of a pid > 0.
FUZZ_NEVER = {1, 2, 11, 162, 42, 331, 27, 29, 72, 104, 119, 173, 179,
              90, 190, 120, 252, 267, 407}
# Made by fuzz's unprivileged child, and refused by kt26: kill, reboot,
# kt_pressure, kt_trace, kt_drop_caches, setuid, setuid32.
FUZZ_REFUSED = {37, 88, 502, 504, 505, 23, 213}


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


def sh(script, timeout=30, path=USER):
    """Feeds @script to our shell, with $PATH our programs only (unless
    told); returns (stdout, stderr, status)."""
    proc = run([prog("sh")], stdin=script.encode(), timeout=timeout,
               env=dict(os.environ, PATH=path))
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
    links = {line.split()[-3]: line.split()[-1]
             for line in verbose.splitlines() if " -> " in line}
    assert links == {"bin/" + a: "busybox" for a in BUSYBOX_LINKS}


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


# --- ls, grep, wc, head, sleep, kill ----------------------------------------

def test_ls_lists_sorted_names_one_per_line_into_a_pipe(tmp_path):
    for name in ["b", "a", ".hidden", "C"]:
        (tmp_path / name).write_text("x" * 3)
    (tmp_path / "dir").mkdir()
    proc = run([prog("ls"), str(tmp_path)])
    assert proc.stdout == b"C\na\nb\ndir\n" and proc.returncode == 0
    proc = run([prog("ls"), "-a", str(tmp_path)])
    assert proc.stdout == b".\n..\n.hidden\nC\na\nb\ndir\n"
    # Files first, then each directory under its name.
    proc = run([prog("ls"), str(tmp_path / "dir"), str(tmp_path / "a")])
    assert proc.stdout.decode() == "%s\n\n%s:\n" % (tmp_path / "a",
                                                   tmp_path / "dir")


def test_ls_l_shows_mode_links_size_and_link_target(tmp_path):
    (tmp_path / "file").write_text("12345")
    (tmp_path / "file").chmod(0o640)
    (tmp_path / "dir").mkdir()
    (tmp_path / "link").symlink_to("file")
    proc = run([prog("ls"), "-l", str(tmp_path)])
    lines = proc.stdout.decode().splitlines()
    assert re.fullmatch(r"drwx[-r][-w][-x][-r][-w][-x] +2 +\d+ dir", lines[0])
    assert re.fullmatch(r"-rw-r----- +1 +5 file", lines[1]), lines
    assert re.fullmatch(r"lrwxrwxrwx +1 +4 link -> file", lines[2]), lines


def test_ls_errors():
    proc = run([prog("ls"), "/nonexistent"])
    assert proc.stderr == b"ls: /nonexistent: No such file or directory\n"
    assert proc.returncode == 1
    proc = run([prog("ls"), "-z"])
    assert proc.stderr.endswith(b"usage: ls [-l] [-a] [-1] [PATH...]\n")
    assert proc.returncode == 1


def test_grep_matches_lines_and_its_options(tmp_path):
    f = tmp_path / "f"
    f.write_text("kthreadd\nksoftirqd/0\nKSWAPD0\nsh\n")
    def grep(*args, stdin=b""):
        proc = run([prog("grep")] + list(args), stdin=stdin)
        return proc.stdout.decode(), proc.returncode
    assert grep("k.*d$", str(f)) == ("kthreadd\n", 0)
    assert grep("-i", "k.*d", str(f)) == ("kthreadd\nksoftirqd/0\nKSWAPD0\n",
                                          0)
    assert grep("-c", "k", str(f)) == ("2\n", 0)
    assert grep("-v", "k", str(f)) == ("KSWAPD0\nsh\n", 0)
    assert grep("-n", "^[a-z]*$", str(f)) == ("1:kthreadd\n4:sh\n", 0)
    assert grep("-F", "d/", str(f)) == ("ksoftirqd/0\n", 0)
    assert grep("zzz", str(f)) == ("", 1)
    assert grep("-c", "zzz", str(f)) == ("0\n", 1)
    assert grep("x", stdin=b"a\nx\nb") == ("x\n", 0)
    # Several files: each line says where it is from.
    assert grep("sh", str(f), str(f)) == ("%s:sh\n%s:sh\n" % (f, f), 0)


def test_grep_long_lines_and_no_final_newline():
    line = b"a" * 100000 + b"needle"
    proc = run([prog("grep"), "needle"], stdin=line + b"\nx\n" + line)
    assert proc.stdout == line + b"\n" + line + b"\n"


def test_grep_errors(tmp_path):
    proc = run([prog("grep"), "x", "/nonexistent"])
    assert proc.stderr == b"grep: /nonexistent: No such file or directory\n"
    assert proc.returncode == 2
    proc = run([prog("grep"), "[abc"], stdin=b"a\n")
    assert proc.stderr == b"grep: unmatched [\n" and proc.returncode == 2
    for args in [[], ["-q", "x"]]:
        proc = run([prog("grep")] + args)
        assert b"usage: grep " in proc.stderr and proc.returncode == 2


def test_wc_counts(tmp_path):
    f = tmp_path / "f"
    f.write_text("one two\n  three\n\nfour")
    proc = run([prog("wc"), str(f)])
    assert proc.stdout.decode().split() == ["3", "4", "21", str(f)]
    assert run([prog("wc"), "-l"], stdin=f.read_bytes()).stdout == b"3\n"
    assert run([prog("wc"), "-w"], stdin=f.read_bytes()).stdout == b"4\n"
    assert run([prog("wc"), "-c"], stdin=f.read_bytes()).stdout == b"21\n"
    proc = run([prog("wc"), "-l", str(f), str(f)])
    assert [l.split() for l in proc.stdout.decode().splitlines()] == \
        [["3", str(f)], ["3", str(f)], ["6", "total"]]
    proc = run([prog("wc"), "/nonexistent"])
    assert proc.stderr == b"wc: /nonexistent: No such file or directory\n"
    assert proc.returncode == 1
    proc = run([prog("wc"), "-x"])
    assert proc.stderr.endswith(b"usage: wc [-l] [-w] [-c] [FILE...]\n")
    assert proc.returncode == 1


def test_head_prints_the_first_lines(tmp_path):
    data = b"".join(b"%d\n" % i for i in range(1, 101))
    assert run([prog("head")], stdin=data).stdout == data[:data.index(b"11\n")]
    assert run([prog("head"), "-n", "3"], stdin=data).stdout == b"1\n2\n3\n"
    assert run([prog("head"), "-n2"], stdin=data).stdout == b"1\n2\n"
    assert run([prog("head"), "-4"], stdin=data).stdout == b"1\n2\n3\n4\n"
    assert run([prog("head"), "-n", "0"], stdin=data).stdout == b""
    f = tmp_path / "f"
    f.write_bytes(data)
    proc = run([prog("head"), "-n", "1", str(f), str(f)])
    assert proc.stdout.decode() == "==> %s <==\n1\n\n==> %s <==\n1\n" % (f, f)
    proc = run([prog("head"), "/nonexistent"])
    assert proc.stderr == b"head: /nonexistent: No such file or directory\n"
    assert proc.returncode == 1
    for args in [["-x"], ["-n"], ["-n", "x"]]:
        assert run([prog("head")] + args).returncode == 1


def test_sleep_waits_fractions_and_refuses_nonsense():
    start = time.monotonic()
    assert run([prog("sleep"), "0.3", "0.2"]).returncode == 0
    assert 0.45 < time.monotonic() - start < 5
    for args in [[], ["x"], ["1x"], ["."], ["-1"]]:
        proc = run([prog("sleep")] + args)
        assert proc.returncode == 1, args
        assert b"usage: sleep SECONDS...\n" in proc.stderr


def test_kill_sends_signals_by_name_and_number():
    for args, sig in [([], signal.SIGTERM), (["-KILL"], signal.SIGKILL),
                      (["-9"], signal.SIGKILL), (["-s", "INT"], signal.SIGINT),
                      (["-SIGUSR1"], signal.SIGUSR1)]:
        victim = subprocess.Popen(["sleep", "60"])
        try:
            proc = run([prog("kill")] + args + [str(victim.pid)])
            assert proc.returncode == 0, proc.stderr
            assert victim.wait(timeout=10) == -sig
        finally:
            victim.kill()
            victim.wait()


def test_kill_a_process_group():
    victim = subprocess.Popen(["sh", "-c", "sleep 60 & sleep 60; wait"],
                              start_new_session=True)
    try:
        proc = run([prog("kill"), "-TERM", "-%d" % victim.pid])
        assert proc.returncode == 0, proc.stderr
        assert victim.wait(timeout=10) == -signal.SIGTERM
    finally:
        os.killpg(victim.pid, signal.SIGKILL)


def test_kill_lists_signals_and_reports_errors():
    out = run([prog("kill"), "-l"]).stdout.decode().split()
    assert out[:3] == ["HUP", "INT", "QUIT"] and out[8] == "KILL"
    assert run([prog("kill"), "-l", "11"]).stdout == b"SEGV\n"
    proc = run([prog("kill"), "-FOO", "1"])
    assert proc.stderr.startswith(b"kill: FOO: no such signal\nusage: kill")
    assert proc.returncode == 1
    proc = run([prog("kill"), "99999999"])
    assert proc.stderr == b"kill: 99999999: No such process\n"
    assert proc.returncode == 1
    proc = run([prog("kill")])
    assert proc.stderr.startswith(b"usage: kill") and proc.returncode == 1


# --- the shell -------------------------------------------------------------

def test_sh_help_lists_every_builtin():
    out, err, status = sh("help\n")
    for name in SH_BUILTINS:
        assert re.search(r"^  %s\s" % name, out, re.M), name
    assert "trace=sched" in out     # says which boot option it needs
    assert status == 0


def test_sh_echo_exit_and_prompt():
    out, err, status = sh("echo  a   b\nexit 3\necho never\n")
    assert out == "a b\n"
    assert err == "# # "           # prompts go to stderr, nothing echoed
    assert status == 3


def test_sh_end_of_input_exits_with_the_last_status():
    assert sh("echo x\n")[2] == 0
    assert sh("")[2] == 0
    assert sh("cat /nonexistent\n")[2] == 1


def test_sh_unknown_command_is_not_found_with_status_127():
    out, err, _ = sh("no-such-cmd arg\necho $?\necho still here\n")
    assert "sh: no-such-cmd: command not found\n" in err
    assert out == "127\nstill here\n"


def test_sh_runs_a_program_by_path():
    out, err, status = sh("%s x y\n%s\n" % (prog("hello"), "/no/such/prog"))
    assert re.fullmatch(r"hello, world from pid \d+ x y\n", out)
    assert "sh: /no/such/prog: No such file or directory\n" in err
    assert status == 127


@pytest.mark.parametrize("sig,message", [
    ("SEGV", "Segmentation fault\n"), ("KILL", "Killed\n"),
    ("TERM", "Terminated\n"), ("INT", "")])
def test_sh_says_how_a_job_ended_as_bash(tmp_path, sig, message):
    """The message bash prints for a foreground job killed by a signal
    (nothing for ^C's SIGINT), and $? = 128 + the signal."""
    script = tmp_path / "crash"
    script.write_text("#!/bin/sh\nkill -%s $$\n" % sig)
    script.chmod(0o755)
    out, err, _ = sh("%s\necho $?\n" % script)
    assert err == "# %s# # " % message
    assert out == "%d\n" % (128 + getattr(signal, "SIG" + sig))


@pytest.mark.parametrize("command", ["stack 1", "free", "pressure 10",
                                     "trace"])
def test_sh_teaching_calls_say_not_supported_on_linux(command):
    out, err, _ = sh(command + "\n")
    word = command.split()[0]
    assert err == "# sh: %s: not supported by this kernel\n# " % word
    assert out == ""


def test_sh_ps_is_a_builtin_only_without_a_ps_program(tmp_path):
    """Until /bin/ps reads /proc, `ps` is the shell's own, from the
    kt_tasks call; a ps program in $PATH takes over."""
    out, err, status = sh("ps\nps -s\nps -x\n", path=str(tmp_path))
    assert err == ("# sh: ps: not supported by this kernel\n"
                   "# sh: ps: not supported by this kernel\n"
                   "# usage: ps [-s]\n# ")
    fake = tmp_path / "ps"
    fake.write_text("#!/bin/sh\necho the ps program\n")
    fake.chmod(0o755)
    out, err, status = sh("ps\n", path=str(tmp_path))
    assert out == "the ps program\n"


def test_sh_poweroff_refuses_on_linux():
    _, err, status = sh("poweroff\n")
    assert "sh: poweroff: only on kt26" in err
    assert status == 1


@pytest.mark.parametrize("command,usage", [
    ("pressure 0", "usage: pressure PAGES"),
    ("stack", "usage: stack PID"),
    ("exit x", "usage: exit [STATUS]"),
    ("exit 4294967297", "usage: exit [STATUS]"),   # not 1: out of range
    ("cd a b", "usage: cd [DIR]"),
    ("jobs -l", "usage: jobs "),
    ("fg 1 2", "usage: fg [%N]"),
    ("wait x", "usage: wait [%N|PID...]"),
])
def test_sh_bad_arguments_print_usage(command, usage):
    _, err, status = sh(command + "\n")
    assert usage + "\n" in err
    assert status == 2


def test_sh_pipelines(tmp_path):
    data = tmp_path / "data"
    data.write_text("".join("line %d\n" % i for i in range(100)))
    out, err, status = sh("echo a b c | wc -w\n"
                          "cat %s | grep 'line [0-9]*5$' | head -n 4 | "
                          "wc -l | cat\n" % data)
    assert out == "3\n4\n", err
    assert status == 0


def test_sh_pipeline_ends_when_its_reader_does(tmp_path):
    """head stops reading: the writer gets SIGPIPE (not reported) and the
    pipeline's status is head's."""
    big = tmp_path / "big"
    big.write_text("x\n" * 200000)
    out, err, status = sh("cat %s %s | head -n 2\necho $?\n" % (big, big),
                          timeout=60)
    assert out == "x\nx\n0\n"
    assert err == "# # # "


def test_sh_redirections(tmp_path):
    f, e = tmp_path / "f", tmp_path / "e"
    out, err, _ = sh("echo hi > %s\ncat %s\necho more >>%s\nwc -l < %s\n"
                     "ls /nope 2> %s\ncat %s\n"
                     "ls /nope > %s 2>&1\ncat %s\n"
                     "ls /nope 2>&1 | grep -c nope\n"
                     % (f, f, f, f, e, e, f, f))
    assert out == ("hi\n2\nls: /nope: No such file or directory\n"
                   "ls: /nope: No such file or directory\n1\n"), err
    assert err == "# " * 10
    # The order counts: stderr goes where stdout was, then stdout moves.
    out, err, _ = sh("ls /nope 2>&1 > %s\n" % f)
    assert out == "ls: /nope: No such file or directory\n"
    assert f.read_text() == ""


def test_sh_redirection_errors(tmp_path):
    out, err, status = sh("cat < /nonexistent\necho $?\n"
                          "echo x > /nonexistent/dir/file\n"
                          "echo x 3>&9\n")
    assert "sh: /nonexistent: No such file or directory\n" in err
    assert "sh: /nonexistent/dir/file: No such file or directory\n" in err
    assert "sh: 9: Bad file descriptor\n" in err
    assert out == "1\n"


def test_sh_builtin_redirection_is_undone(tmp_path):
    f = tmp_path / "help"
    out, err, _ = sh("help > %s\necho after\n" % f)
    assert "Built-in commands:" in f.read_text()
    assert out == "after\n"


def test_sh_status_and_quoting():
    out, err, _ = sh("cat /nonexistent; echo $?\n"
                     "grep x /dev/null; echo $?\n"
                     "echo 'a  b' \"c $?\" \\$x '' \"\" $UNSET.\n")
    assert out == "1\n1\na  b c 0 $x   .\n"


def test_sh_syntax_errors_are_explained():
    out, err, status = sh("echo a |\necho 'open\necho >\n; x\necho ok\n")
    assert err.split("# ")[1:-1] == [
        "sh: missing command after `|'\n", "sh: unterminated quote\n",
        "sh: missing file name after `>'\n", "sh: syntax error near `;'\n",
        ""]
    assert out == "ok\n"


def test_sh_cd_and_pwd(tmp_path):
    out, err, _ = sh("cd %s\npwd\ncd /nonexistent\npwd\n" % tmp_path)
    assert out == "%s\n%s\n" % (tmp_path, tmp_path)
    assert "sh: cd: /nonexistent: No such file or directory\n" in err


def test_sh_background_jobs_and_wait():
    out, err, status = sh("sleep 1 &\njobs\nwait\necho $?\n", timeout=30)
    # Done is said before the prompt after `wait`.
    assert re.match(r"# \[1\] \d+\n# \[1\]\+  Running {17}sleep 1 &\n"
                    r"# \[1\]\+  Done {20}sleep 1\n# # $", err), err
    assert out == "0\n"


def test_sh_background_child_is_reaped():
    """A background command that fails at once becomes a zombie; the
    prompt after it must reap it (and say it is done)."""
    proc = subprocess.Popen([prog("sh")], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=dict(os.environ, PATH=USER),
                            start_new_session=True)
    try:
        proc.stdin.write(b"no-such-program &\n")
        proc.stdin.flush()
        err = b""
        while not re.search(rb"\[1\] (\d+)\n", err):
            err += os.read(proc.stderr.fileno(), 4096)
        child = int(re.search(rb"\[1\] (\d+)\n", err).group(1))
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
        proc.stdin.write(b"echo next\necho again\n")
        proc.stdin.flush()
        assert proc.stdout.readline() == b"next\n"
        assert proc.stdout.readline() == b"again\n"
        try:
            stat = open("/proc/%d/stat" % child).read()
        except FileNotFoundError:
            stat = ""                   # reaped and gone: good
        assert not re.match(r"%d \(sh\) Z %d " % (child, proc.pid), stat), \
            "pid %d is still a zombie child of sh" % child
    finally:
        proc.kill()
        proc.wait()


def test_sh_rejects_a_line_too_long():
    out, err, _ = sh("echo " + "x" * 10000 + "\necho ok\n")
    assert "sh: line too long (max 1023 characters)\n" in err
    assert out == "ok\n"


# --- the shell on a terminal (a pseudo-terminal of the host) -----------------

class Pty:
    """Our shell on a pseudo-terminal: what a person at a terminal sees
    (the shell's echo, its line editing, the terminal's ^C and ^Z)."""

    def __init__(self):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ["PATH"] = USER
            os.execv(prog("sh"), ["sh"])
        self.out = b""
        self.expect(rb"# $")

    def expect(self, pattern, timeout=10):
        """Waits for @pattern in what the terminal shows after the last
        expect(); returns the text up to and including the match."""
        deadline = time.monotonic() + timeout
        while True:
            m = re.search(pattern, self.out, re.S)
            if m:
                seen, self.out = self.out[:m.end()], self.out[m.end():]
                return seen
            left = deadline - time.monotonic()
            assert left > 0, "missing %r in %r" % (pattern, self.out)
            if select.select([self.fd], [], [], left)[0]:
                try:
                    self.out += os.read(self.fd, 4096)
                except OSError:         # the shell has exited
                    assert False, "missing %r in %r" % (pattern, self.out)

    def type(self, keys):
        os.write(self.fd, keys)

    def run(self, keys, pattern):
        """Types @keys and waits for @pattern and the next prompt."""
        self.type(keys)
        seen = self.expect(pattern)
        return seen + self.expect(rb"# $")

    def close(self):
        if self.pid:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


@pytest.fixture
def terminal():
    t = Pty()
    yield t
    t.close()


LEFT, RIGHT, UP, DOWN = b"\x1b[D", b"\x1b[C", b"\x1b[A", b"\x1b[B"
HOME, END, DELETE = b"\x1b[H", b"\x1b[F", b"\x1b[3~"


def test_sh_line_editing_on_a_terminal(terminal):
    t = terminal
    t.run(b"echo ac" + LEFT + b"b\r", rb"\r\nabc\r\n")
    t.run(b"echo xyz" + HOME + RIGHT * 6 + DELETE + b"Y" + END + b"!\r",
          rb"\r\nxYz!\r\n")
    t.run(b"echo abX\x7fc\r", rb"\r\nabc\r\n")
    t.run(b"echo gone\x15echo kept\r", rb"\r\nkept\r\n")        # ^U
    t.run(b"echo one two\x17three\r", rb"\r\none three\r\n")    # ^W
    # Moving left is a backspace, an insertion rewrites the rest.
    t.type(b"echo ab" + LEFT + b"X")
    t.expect(rb"echo ab\x08Xb\x08$")
    t.run(b"\r", rb"\r\naXb\r\n")


def test_sh_history_on_up_and_down(terminal):
    t = terminal
    t.run(b"echo first\r", rb"\r\nfirst\r\n")
    t.run(b"echo second\r", rb"\r\nsecond\r\n")
    t.run(UP + b"\r", rb"\r\nsecond\r\n")
    t.run(UP + UP + b"\r", rb"\r\nfirst\r\n")
    # Down past the newest line gives back what was being typed.
    t.run(b"echo typed" + UP + UP + DOWN + DOWN + b"\r", rb"\r\ntyped\r\n")


def wait_foreground(t, name):
    """Until the shell's child @name has the terminal (its group is the
    terminal's foreground group: /proc/PID/stat's pgrp and tpgid) and
    sleeps: then a ^C or ^Z typed reaches it, not the shell."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                stat = open("/proc/%s/stat" % pid).read()
            except OSError:
                continue
            comm = stat[stat.index("(") + 1:stat.rindex(")")]
            f = stat[stat.rindex(")") + 2:].split()
            # state ppid pgrp session tty_nr tpgid
            if comm == name and int(f[1]) == t.pid and f[0] == "S" and \
                    f[2] == f[5]:
                return
        time.sleep(0.01)
    assert False, "%s never had the terminal" % name


def test_sh_ctrl_c_and_ctrl_z_on_a_terminal(terminal):
    """The terminal's ^C and ^Z reach the job in the foreground, not the
    shell.  (Linux echoes "^C" without a newline, kt26's line discipline
    with one: the prompt may follow the echo on the same line here.)"""
    t = terminal
    t.run(b"echo dropped\x03", rb"\^C")
    t.run(b"echo $?\r", rb"\r\n130\r\n")
    # ^C ends the foreground job, and only it.
    t.type(b"sleep 20\r")
    t.expect(rb"sleep 20\r\n")
    wait_foreground(t, "sleep")
    t.type(b"\x03")
    t.expect(rb"\^C(\r\n)?# $")
    t.run(b"echo $?\r", rb"\r\n130\r\n")
    # ^Z stops it; fg continues it; jobs lists it meanwhile.
    t.type(b"sleep 20\r")
    t.expect(rb"sleep 20\r\n")
    wait_foreground(t, "sleep")
    t.type(b"\x1a")
    t.expect(rb"\[1\]\+  Stopped {17}sleep 20\r\n# $")
    t.run(b"echo $?\r", rb"\r\n148\r\n")
    t.run(b"jobs\r", rb"\[1\]\+  Stopped {17}sleep 20\r\n")
    t.type(b"fg\r")
    t.expect(rb"fg\r\nsleep 20\r\n")
    wait_foreground(t, "sleep")
    t.type(b"\x03")
    t.expect(rb"\^C(\r\n)?# $")
    t.run(b"jobs\r", rb"jobs\r\n")


def test_sh_survives_bad_input_on_a_terminal(terminal):
    t = terminal
    t.run(b"echo " + b"x" * 10000 + b"\r",
          rb"sh: line too long \(max 1023 characters\)")
    t.run(b"echo 'open\r", rb"sh: unterminated quote")
    t.run(b"nosuch\r", rb"sh: nosuch: command not found")
    t.run(b"echo $?\r", rb"\r\n127\r\n")
    t.type(b"\x04")                     # ^D on an empty line: the end
    assert os.waitpid(t.pid, 0)[1] >> 8 == 0
    t.pid = None


# --- the test programs -----------------------------------------------------

USERTESTS_LINE = re.compile(r"^usertests: (ok|not ok) (\d+) - (\w+)(.*)$")
KT26_ONLY = {"kill_pid0_is_own_group_not_swapper", "kill_kthreadd_survives",
             "kt_tasks_lists_kernel_threads", "fuzz_keeps_free_pages",
             "initramfs_files_read_only", "dev_hda_read_write",
             "unknown_syscalls_enosys", "vfs_read_only_root_and_mounts",
             "proc_sysctl_write_read_refuse"}
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
        assert nr not in FUZZ_NEVER and nr <= 510, line
        # kill(pid <= 0) could reach the fuzzer itself
        assert not (nr == 37 and (arg1 == 0 or arg1 >= 1 << 31)), line
        numbers.add(nr)
    assert {3, 4, 500, 503} <= numbers        # real calls are drawn too
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

# SPDX-License-Identifier: GPL-2.0
"""VS Code's F5 (.vscode/launch.json and .vscode/tasks.json): the files
are strict JSON, every make target a task runs exists, every file of the
repository they name exists once built, the gdb port of launch.json is
the one `make qemu-gdb` gives QEMU, and the session they describe works:
`make qemu-gdb` prints the line the task waits for, and a GDB given the
launch configuration's commands attaches and runs the helpers."""
import json
import os
import queue
import re
import signal
import subprocess
import threading
import time

import pytest

from conftest import ROOT, free_port, new_disk_image

VSCODE = os.path.join(ROOT, ".vscode")
WORKSPACE = "${workspaceFolder}"
TIMEOUT = 60


def load(name):
    # json.load is strict: no comments, no trailing commas.
    with open(os.path.join(VSCODE, name)) as f:
        return json.load(f)


def strings(value):
    """Every string in a JSON value, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def expand(text):
    return text.replace(WORKSPACE, ROOT)


@pytest.fixture(scope="module")
def launch():
    configs = load("launch.json")["configurations"]
    assert len(configs) == 1, configs
    return configs[0]


@pytest.fixture(scope="module")
def tasks():
    return {t["label"]: t for t in load("tasks.json")["tasks"]}


def make_tasks(tasks):
    return [t for t in tasks.values() if t.get("command") == "make"]


def launch_port(launch):
    m = re.fullmatch(r"localhost:(\d+)", launch["miDebuggerServerAddress"])
    assert m, launch["miDebuggerServerAddress"]
    return int(m.group(1))


def qemu_task(launch, tasks):
    task = tasks[launch["preLaunchTask"]]
    assert task["command"] == "make" and task["isBackground"], task
    return task


def test_both_files_are_strict_json():
    for name in ("launch.json", "tasks.json"):
        assert isinstance(load(name), dict), name


def test_launch_is_cppdbg_on_the_kernel_with_the_helpers(launch, tasks):
    assert launch["type"] == "cppdbg" and launch["MIMode"] == "gdb"
    assert launch["miDebuggerPath"] == "gdb"
    assert launch["program"] == WORKSPACE + "/build/kernel.elf"
    texts = [c["text"] for c in launch["setupCommands"]]
    assert "set architecture i386" in texts, texts
    assert "source %s/tools/gdb/kt26.py" % WORKSPACE in texts, texts
    assert launch["postDebugTask"] in tasks


def test_every_make_target_exists(tasks):
    """`make -n TARGET` for each target a task names: no "No rule"."""
    named = [a for t in make_tasks(tasks) for a in t.get("args", [])
             if not a.startswith("-") and "=" not in a]
    assert "qemu-gdb" in named, named
    for target in named:
        proc = subprocess.run(["make", "-n", target], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, (target, proc.stderr)


def test_every_workspace_path_exists(launch, tasks):
    """The files of the repository the two files name, as `make` leaves
    them (build/kernel.elf, tools/gdb/kt26.py, ...)."""
    paths = set()
    for text in list(strings(launch)) + list(strings(load("tasks.json"))):
        paths.update(re.findall(re.escape(WORKSPACE) + r"(/[^\s\"']*)?",
                                text))
    assert {"/build/kernel.elf", "/tools/gdb/kt26.py"} <= paths, paths
    for path in paths:
        assert os.path.exists(ROOT + path), path


def test_gdb_port_is_the_one_qemu_gets(launch, tasks):
    """The port in launch.json is the one tasks.json hands `make
    qemu-gdb`, which gives it to QEMU's -gdb."""
    task = qemu_task(launch, tasks)
    proc = subprocess.run(["make", "-n"] + task["args"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60,
                          check=True)
    ports = re.findall(r"qemu-system-i386 .* -gdb tcp::(\d+) -S$",
                       re.sub(r"\\\n\s*", " ", proc.stdout), re.M)
    assert [int(p) for p in ports] == [launch_port(launch)], proc.stdout


def test_f5_session_attaches_and_runs_the_helpers(launch, tasks):
    """What F5 does, on a port of its own (the fixed one may be taken on
    a shared machine): run the task's make command until the line its
    problem matcher waits for, then GDB with the launch configuration's
    set-up, program and `target remote`; a breakpoint on start_kernel is
    reached and the helpers answer there."""
    task = qemu_task(launch, tasks)
    ends = re.compile(task["problemMatcher"]["background"]["endsPattern"])
    port = free_port()
    args = [re.sub(r"^GDBPORT=\d+$", "GDBPORT=%d" % port, a)
            for a in task["args"]]
    assert "GDBPORT=%d" % port in args, task["args"]
    # A disk of its own: QEMU locks the image it is given.
    make = subprocess.Popen(["make", "--no-print-directory"] + args +
                            ["DISK=" + new_disk_image()], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    # QEMU stopped by -S prints nothing: read in a thread, so that a
    # missing line ends in a timeout, not in a read that never returns.
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l) for l in make.stdout],
                     daemon=True).start()
    try:
        deadline = time.monotonic() + TIMEOUT
        seen = [""]
        while not ends.search(seen[-1]):
            try:
                seen.append(lines.get(
                    timeout=max(0.1, deadline - time.monotonic())))
            except queue.Empty:
                break
        assert ends.search(seen[-1]), "".join(seen)
        assert ("on port %d" % port) in seen[-1], seen[-1]
        argv = ["gdb", "-q", "-nx", "-batch"]
        for command in launch["setupCommands"]:
            argv += ["-ex", expand(command["text"])]
        host = launch["miDebuggerServerAddress"].split(":")[0]
        argv += ["-ex", "file " + expand(launch["program"]),
                 "-ex", "target remote %s:%d" % (host, port),
                 "-ex", "break start_kernel", "-ex", "continue",
                 "-ex", "kcurrent", "-ex", "kill"]
        gdb = subprocess.run(argv, cwd=expand(launch["cwd"]),
                             capture_output=True, text=True, timeout=TIMEOUT)
        out = gdb.stdout + gdb.stderr
        assert 'architecture is set to "i386"' in out, out
        assert "kt26: kps" in out, out
        assert re.search(r"Breakpoint 1, start_kernel", out), out
        assert re.search(r"swapper", out), out
    finally:
        os.killpg(make.pid, signal.SIGKILL)
        make.wait()

#!/usr/bin/env python3
"""Runs every file of a mutated-ELF corpus (make_elf_mutants.py) natively and under
`syscompat run32`, and checks that run32 gives the kernel's verdict or a clean refusal.

Usage: check_elf_mutants.py SYSCOMPAT CORPUS_DIR

The kernel's verdict, from the native run:
- execve failed (ENOEXEC, EIO, EACCES, ELIBBAD, ENOENT...): run32 refuses, exit 127 for
  ENOENT and 126 otherwise, with exactly one line on stderr;
- the program was killed by a signal (exec past its point of no return, or the program
  crashing): run32 dies by the same signal with the same stdout, or refuses cleanly (126 or
  127 and one line);
- the program exited: run32 exits with the same status and stdout, or refuses cleanly.
Whatever happens, run32 never dies by a signal the native run did not (no SIGBUS or SIGSEGV
of the shim's own), never hangs where the native run did not, and never prints more than one
line when it refuses. Named mutants whose native run exits must run under run32 the same way
(no refusal allowed): the kernel runs them (EM_486, a corrupted EI_CLASS, ...).
"""
import os
import signal
import subprocess
import sys

TIMEOUT = 5
# Files the kernel runs and run32 must run the same way, never refuse: the unchanged programs
# and the header fields elf_check_arch does not look at, or accepts (EM_486).
MUST_RUN = (".original", ".em_486", ".ei_class_0", ".ei_class_2", ".ei_class_3", ".ei_class_255",
            ".ei_data_big")


def run(command):
    """('exec', errno) | ('signal', n, stdout, stderr) | ('exit', n, stdout, stderr) | ('hang',)"""
    try:
        p = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=TIMEOUT, env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"})
    except OSError as e:
        return ("exec", e.errno)
    except subprocess.TimeoutExpired:
        return ("hang",)
    if p.returncode < 0:
        return ("signal", -p.returncode, p.stdout, p.stderr)
    return ("exit", p.returncode, p.stdout, p.stderr)


def clean_refusal(result, status=None):
    if result[0] != "exit" or result[1] not in (126, 127):
        return False
    if status is not None and result[1] != status:
        return False
    lines = result[3].decode("latin-1").splitlines()
    return len(lines) == 1 and lines[0].startswith("syscompat run32: ") and result[2] == b""


def describe(result):
    if result[0] == "exec":
        return f"execve: {os.strerror(result[1])}"
    if result[0] == "hang":
        return "hung"
    what = f"signal {signal.Signals(result[1]).name}" if result[0] == "signal" else f"exit {result[1]}"
    err = result[3].decode("latin-1").strip().replace("\n", " | ")[:200]
    return f"{what}, stdout {result[2][:60]!r}, stderr {err!r}"


def verdict(name, what, native, shim):
    """None when run32 gave the kernel's verdict or a clean refusal; else why not."""
    must_run = name.endswith(MUST_RUN)
    if native[0] == "exec":
        want = 127 if native[1] == 2 else 126
        return None if clean_refusal(shim, want) else f"the kernel refuses ({want}), run32 did not"
    if native[0] == "hang":
        return None if shim[0] == "hang" or clean_refusal(shim) else "natively it hangs"
    if shim[0] == native[0] and shim[1] == native[1] and shim[2] == native[2]:
        return None
    if clean_refusal(shim):
        if must_run:
            return "the kernel runs it, run32 refused"
        return None
    return "different"


def main():
    syscompat, corpus = sys.argv[1], sys.argv[2]
    entries = [line.split("\t") for line in open(os.path.join(corpus, "manifest.txt")).read().splitlines()]
    failures, counts = [], {"same": 0, "refused": 0}
    for name, _base, what in entries:
        path = os.path.join(corpus, name)
        native = run([path])
        shim = run([syscompat, "run32", "--", path])
        why = verdict(name, what, native, shim)
        if why:
            failures.append(f"{name} ({what}): {why}\n  native: {describe(native)}\n  run32:  {describe(shim)}")
        elif clean_refusal(shim) and native[0] != "exec":
            counts["refused"] += 1
        else:
            counts["same"] += 1
    for failure in failures:
        print("FAIL", failure)
    print(f"{len(entries)} files: {counts['same']} as natively, {counts['refused']} refused cleanly "
          f"where the kernel ran or killed them, {len(failures)} wrong")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""run32's trace of i386 programs beside strace's, which nobody here wrote.

For each program: `syscompat run32 --trace` of it, and `strace -f` of its native run (the
kernel's compat layer), both normalized the same way and aligned line by line; prints the
share of identical lines per program and in all, and counts the differing lines by kind.

usage: trace_vs_strace.py SYSCOMPAT PROGRAM... [--show N] [--min PERCENT]
  --show N       print N differing pairs of each kind
  --min PERCENT  exit 1 when fewer lines than that are identical (the ctest's floor)
  --plant        run32's constants shown as numbers, as a decoder without its vocabularies
                 would: the floor must catch it

Normalization (written down in docs/trace.md):
  - strace's execve line, `+++ exited/killed +++`, `--- SIGNAL {...} ---` and
    `<unfinished ...>`/`resumed` lines are left out (run32 prints none of them yet), and
    so is run32's ` [int80]` mark;
  - addresses (hex of five digits or more) become ADDR;
  - the process's and threads' ids (what getpid, gettid, set_tid_address, clone return)
    become PID, and `[pid N]` prefixes are dropped;
  - the `= 0` of a call both sides make is compared whole: times and other values are not
    touched, so they differ where they differ.
"""
import collections
import difflib
import os
import re
import subprocess
import sys
import tempfile

ADDRESS = re.compile(r"0x[0-9a-f]{5,}")
PID_RESULT = re.compile(r"^(getpid|gettid|set_tid_address|clone|clone3|fork|vfork)\(.*\) = (\d+)$")


def normalize(lines):
    kept = []
    for line in lines:
        line = re.sub(r"\s+", " ", line).strip()
        line = re.sub(r"^(\[pid +\d+\] |\d+ )", "", line)
        line = line.removesuffix(" [int80]")
        if (line.startswith("+++ ") or line.startswith("--- ") or line.startswith("execve(")
                or "<unfinished ...>" in line or "resumed>" in line):
            continue
        kept.append(ADDRESS.sub("ADDR", line))
    pids = set()
    for line in kept:
        m = PID_RESULT.match(line)
        if m and int(m.group(2)) > 1:
            pids.add(m.group(2))
    out = []
    for line in kept:
        for pid in pids:
            line = re.sub(r"\b%s\b" % pid, "PID", line)
        out.append(line)
    return out


def kind(ours, theirs):
    """What kind of difference a pair of aligned lines shows."""
    name_ours = ours.split("(", 1)[0]
    name_theirs = theirs.split("(", 1)[0]
    if name_ours != name_theirs:
        return "different call"
    if "{" in theirs and "{" not in ours:
        return "struct decoded by strace only"
    if "[" in theirs and "[" not in ours:
        return "array or set decoded by strace only"
    if re.search(r"\b[A-Z][A-Z0-9_]{2,}\b", theirs) and not re.search(
            r"\b[A-Z][A-Z0-9_]{2,}\b", ours.split("=")[0]):
        return "constant named by strace only"
    if ours.split(" = ")[0] == theirs.split(" = ")[0]:
        return "result differs"
    return "argument shown differently"


def main():
    args = sys.argv[1:]
    show, floor = 0, None
    plant = "--plant" in args
    if plant:
        args.remove("--plant")
    if "--show" in args:
        at = args.index("--show")
        show = int(args[at + 1])
        del args[at:at + 2]
    if "--min" in args:
        at = args.index("--min")
        floor = float(args[at + 1])
        del args[at:at + 2]
    syscompat, programs = args[0], args[1:]
    total = same = 0
    kinds = collections.Counter()
    examples = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as work:
        for program in programs:
            ours_file = os.path.join(work, "ours")
            theirs_file = os.path.join(work, "theirs")
            subprocess.run([syscompat, "run32", "--trace=" + ours_file, program],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
            subprocess.run(["strace", "-f", "-qq", "-o", theirs_file, program],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
            ours = normalize(open(ours_file).read().splitlines())
            if plant:
                ours = [re.sub(r"\b[A-Z][A-Z0-9_]{2,}\b", "0x1", line) for line in ours]
            theirs = normalize(open(theirs_file).read().splitlines())
            matcher = difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False)
            n_same = sum(block.size for block in matcher.get_matching_blocks())
            n_total = max(len(ours), len(theirs))
            for tag, a1, a2, b1, b2 in matcher.get_opcodes():
                if tag == "equal":
                    continue
                for i in range(max(a2 - a1, b2 - b1)):
                    o = ours[a1 + i] if a1 + i < a2 else ""
                    t = theirs[b1 + i] if b1 + i < b2 else ""
                    k = kind(o, t) if o and t else ("only run32" if o else "only strace")
                    kinds[k] += 1
                    if len(examples[k]) < show:
                        examples[k].append((o, t))
            total += n_total
            same += n_same
            print(f"{os.path.basename(program):<28} {n_same:>5} / {n_total:<5} identical "
                  f"({100.0 * n_same / max(n_total, 1):.1f}%)")
    print(f"\nall: {same} / {total} lines identical ({100.0 * same / max(total, 1):.1f}%)")
    print("differing lines by kind:")
    for k, n in kinds.most_common():
        print(f"  {n:>6}  {k}")
        for o, t in examples[k]:
            print(f"            run32:  {o}\n            strace: {t}")
    if floor is not None and 100.0 * same / max(total, 1) < floor:
        print(f"FAIL: fewer than {floor}% of the lines are identical")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

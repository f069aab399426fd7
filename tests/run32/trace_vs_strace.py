#!/usr/bin/env python3
"""run32's trace of i386 programs beside strace's, which nobody here wrote.

For each program: `syscompat run32 --trace` of it, and `strace -f` of its native run (the
kernel's compat layer), both normalized the same way and compared line by line, process by
process; prints the share of identical lines per program and in all, and counts the
differing lines by kind.

usage: trace_vs_strace.py SYSCOMPAT PROGRAM[,ARG...]... [--show N] [--min PERCENT]
                          [--min-ends PERCENT] [--jobs N] [--plant] [--plant-ends] [--each]
  PROGRAM[,ARG...]  a program and its arguments, comma-separated (busybox,ls,/etc)
  --show N       print N differing pairs of each kind
  --min PERCENT  exit 1 when fewer lines than that are identical (the ctest's floor)
  --min-ends PERCENT
                 exit 1 when fewer of strace's signal and exit lines (`--- SIGxxx {...} ---`,
                 `+++ exited with N +++`, `+++ killed by SIGxxx +++`) than that have their
                 identical line in run32's trace
  --jobs N       programs compared at once (2)
  --plant        run32's constants shown as numbers, as a decoder without its vocabularies
                 would: the floor must catch it
  --plant-ends   run32's exit lines left out and its signal lines naming the wrong signal:
                 --min-ends must catch it
  --each         print each program's share

Normalization (written down in docs/trace.md, "Beside strace"):
  - both runs start in an empty folder of their own; its path becomes WORK;
  - strace's first execve line (run32 starts the program itself) is left out, and so is
    run32's ` [int80]` mark;
  - a call cut by another process's or thread's line is joined back into one line (its
    ` <unfinished ...>` start and its `<... NAME resumed>` rest);
  - lines are sorted into one stream per process or thread (strace's `PID ` prefix, run32's
    `[pid N] `; a line without one is the first process's), and the streams are paired in
    the order their processes and threads were created (the parent's clone, clone3, fork
    and vfork results); then the prefixes are dropped;
  - the ids of processes and threads (the prefixes, and what getpid, gettid,
    set_tid_address, clone, clone3, fork, vfork return) become PID; the ids of System V IPC
    objects (what semget, shmget and msgget return) become IPCID;
  - addresses (hex of five digits or more) become ADDR; getrandom's bytes become BYTES;
  - a signal line's si_utime and si_stime (the CPU time of a child, in clock ticks) become T;
  - runs of blanks become one. Nothing else is touched: times and sizes are compared whole.
"""
import collections
import concurrent.futures
import difflib
import os
import re
import subprocess
import sys
import tempfile

ADDRESS = re.compile(r"0x[0-9a-f]{5,}")
PREFIX = re.compile(r"^(?:\[pid +(\d+)\] |(\d+) +)")
# strace pads the result to a column: " = " is any run of blanks around "="
ID_RESULT = re.compile(
    r"^(getpid|gettid|set_tid_address|getppid|clone|clone3|fork|vfork)\(.*\)\s+=\s+(\d+)$")
CREATES = re.compile(r"^(clone|clone3|fork|vfork)\(.*\)\s+=\s+(\d+)$")
GETRANDOM = re.compile(r'^getrandom\("[^"]*"(\.\.\.)?')
CHILD_TIMES = re.compile(r"\b(si_utime|si_stime)=\d+")
IPC_ID = re.compile(r"^(semget|shmget|msgget)\(.*\)\s+=\s+(\d+)$")
ENDS = ("--- ", "+++ ")


def streams_of(text, work):
    """The trace as one list of lines per process or thread, in creation order."""
    streams = collections.OrderedDict()
    open_calls = {}
    first = None
    # run32 leaves the prefix out while the program has one process and one thread: those
    # lines are the first process's, whose id set_tid_address (or getpid) returned
    for raw in text.splitlines():
        m = re.match(r"^(?:set_tid_address|getpid)\(.*\)\s+=\s+(\d+)$", raw.removesuffix(" [int80]"))
        if m:
            first = m.group(1)
            break
    for raw in text.splitlines():
        m = PREFIX.match(raw)
        pid = (m.group(1) or m.group(2)) if m else None
        line = raw[m.end():] if m else raw
        if pid is None:
            pid = first if first is not None else "main"
        if first is None:
            first = pid
        line = line.replace(work, "WORK").removesuffix(" [int80]")
        if line.endswith(" <unfinished ...>"):
            open_calls[pid] = (len(streams.setdefault(pid, [])), line[: -len(" <unfinished ...>")])
            streams[pid].append(None)  # the place of the call, filled when it resumes
            continue
        r = re.match(r"^<\.\.\. [a-z_0-9]+ resumed>(.*)$", line)
        if r and pid in open_calls:
            at, start = open_calls.pop(pid)
            streams[pid][at] = start + r.group(1)
            continue
        streams.setdefault(pid, []).append(line)
    for pid, (at, start) in open_calls.items():
        streams[pid][at] = start + " <unfinished ...>"
    # creation order: the first process, then each id in the order a clone returned it; one
    # that wrote no line (killed before its first call) keeps its place with no lines, so
    # that the streams after it still pair with their own
    order = [first] if first is not None else []
    for pid in list(streams):
        for line in streams[pid]:
            m = CREATES.match(line or "")
            if m and m.group(2) not in order:
                order.append(m.group(2))
                streams.setdefault(m.group(2), [])
    order += [pid for pid in streams if pid not in order]
    ids = {pid for pid in streams if pid != "main"}
    ipc_ids = set()
    for lines in streams.values():
        for line in lines:
            m = ID_RESULT.match(line or "")
            if m and int(m.group(2)) > 1:
                ids.add(m.group(2))
            m = IPC_ID.match(line or "")
            if m:
                ipc_ids.add(m.group(2))
    result = []
    for pid in order:
        kept = []
        for line in streams[pid]:
            if line is None:
                continue
            line = re.sub(r"\s+", " ", line).strip()
            if line.startswith("execve(") and pid == first and not kept and not result:
                continue
            line = ADDRESS.sub("ADDR", line)
            line = GETRANDOM.sub("getrandom(BYTES", line)
            if line.startswith("--- "):
                line = CHILD_TIMES.sub(r"\1=T", line)
            for each in ids:
                line = re.sub(r"\b%s\b" % each, "PID", line)
            for each in ipc_ids:
                line = re.sub(r"\b%s\b" % each, "IPCID", line)
            kept.append(line)
        result.append(kept)
    return result


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


def plant_ends(line):
    """A trace without exit lines, and naming the wrong signal in its signal lines."""
    if line.startswith("+++ exited"):
        return None
    if line.startswith(ENDS):
        return re.sub(r"\bSIG(?!HUP\b)[A-Z0-9_]+", "SIGHUP", line)
    return line


def run(syscompat, item, plant, plant_end_lines):
    """Both traces of one program, normalized: (name, ours, theirs) as lists of streams."""
    words = item.split(",")
    program = os.path.abspath(words[0])
    name = os.path.basename(program) + ("" if len(words) == 1 else " " + " ".join(words[1:]))
    traces = []
    with tempfile.TemporaryDirectory() as work:
        for side in ("run32", "strace"):
            folder = os.path.join(work, side)
            os.mkdir(folder)
            out = os.path.join(work, side + ".trace")
            if side == "run32":
                command = [syscompat, "run32", "--trace=" + out, program] + words[1:]
            else:
                command = ["strace", "-f", "-q", "-o", out, program] + words[1:]
            try:
                subprocess.run(command, cwd=folder, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
            except subprocess.TimeoutExpired:
                pass
            text = open(out).read() if os.path.exists(out) else ""
            traces.append(streams_of(text, folder))
    ours, theirs = traces
    if plant:
        ours = [[re.sub(r"\b[A-Z][A-Z0-9_]{2,}\b", "0x1", line) for line in s] for s in ours]
    if plant_end_lines:
        ours = [[p for p in map(plant_ends, s) if p is not None] for s in ours]
    return name, ours, theirs


def main():
    args = sys.argv[1:]
    show, floor, jobs = 0, None, 2
    plant = "--plant" in args
    plant_end_lines = "--plant-ends" in args
    each = "--each" in args
    args = [a for a in args if a not in ("--plant", "--plant-ends", "--each")]
    ends_floor = None
    for option in ("--show", "--min", "--min-ends", "--jobs"):
        if option in args:
            at = args.index(option)
            value = args[at + 1]
            del args[at:at + 2]
            if option == "--show":
                show = int(value)
            elif option == "--min":
                floor = float(value)
            elif option == "--min-ends":
                ends_floor = float(value)
            else:
                jobs = int(value)
    syscompat, items = os.path.abspath(args[0]), args[1:]
    total = same = 0
    ends_total = ends_same = 0
    kinds = collections.Counter()
    examples = collections.defaultdict(list)
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda item: run(syscompat, item, plant, plant_end_lines), items))
    for name, ours_streams, theirs_streams in results:
        n_same = n_total = 0
        for i in range(max(len(ours_streams), len(theirs_streams))):
            ours = ours_streams[i] if i < len(ours_streams) else []
            theirs = theirs_streams[i] if i < len(theirs_streams) else []
            matcher = difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False)
            n_same += sum(block.size for block in matcher.get_matching_blocks())
            n_total += max(len(ours), len(theirs))
            ends_total += sum(line.startswith(ENDS) for line in theirs)
            ends_same += sum(line.startswith(ENDS) for block in matcher.get_matching_blocks()
                             for line in theirs[block.b:block.b + block.size])
            for tag, a1, a2, b1, b2 in matcher.get_opcodes():
                if tag == "equal":
                    continue
                for j in range(max(a2 - a1, b2 - b1)):
                    o = ours[a1 + j] if a1 + j < a2 else ""
                    t = theirs[b1 + j] if b1 + j < b2 else ""
                    k = kind(o, t) if o and t else ("only run32" if o else "only strace")
                    if (o or t).startswith(ENDS) or t.startswith(ENDS):
                        k = "signal or exit line: " + k
                    kinds[k] += 1
                    if len(examples[k]) < show:
                        examples[k].append((name, o, t))
        total += n_total
        same += n_same
        if each or len(items) <= 12:
            print(f"{name:<34} {n_same:>5} / {n_total:<5} identical "
                  f"({100.0 * n_same / max(n_total, 1):.1f}%)")
    print(f"\nall ({len(items)} programs): {same} / {total} lines identical "
          f"({100.0 * same / max(total, 1):.1f}%)")
    print("differing lines by kind:")
    for k, n in kinds.most_common():
        print(f"  {n:>6}  {k}")
        for name, o, t in examples[k]:
            print(f"            [{name}]\n            run32:  {o}\n            strace: {t}")
    print(f"signal and exit lines: {ends_same} / {ends_total} of strace's identical in run32's "
          f"({100.0 * ends_same / max(ends_total, 1):.1f}%)")
    failed = 0
    if floor is not None and 100.0 * same / max(total, 1) < floor:
        print(f"FAIL: fewer than {floor}% of the lines are identical")
        failed = 1
    if ends_floor is not None and 100.0 * ends_same / max(ends_total, 1) < ends_floor:
        print(f"FAIL: fewer than {ends_floor}% of strace's signal and exit lines are identical")
        failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())

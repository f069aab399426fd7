#!/bin/bash
# Directory-heavy work (docs/PERFORMANCE.md, "Directory-heavy work"): `ls -lR` over a tree of
# 55,250 entries (Debian's i386 coreutils ls, and busybox-static:i386's) and busybox find over
# 20,000 files, natively (the kernel's compat layer) and under `syscompat run32`; the same i386
# binaries and trees each time. hyperfine, RUNS runs each after 2 warm-ups (the trees in the
# page cache); wall minimum and median, and the ratio of the mean cpu times (user + sys).
# usage: bench/run32_directories.sh BUILD_DIR [RUNS]
set -eu
build=$(cd "$1" && pwd)
runs=${2:-10}
here=$(cd "$(dirname "$0")/.." && pwd)
root=$build/bench-i386
bash "$here/scripts/fetch-i386-packages.sh" "$root" bash:i386 libtinfo6:i386 coreutils:i386 \
  libacl1:i386 libattr1:i386 libselinux1:i386 libpcre2-8-0:i386 libgmp10:i386 >/dev/null 2>&1
bash "$here/scripts/fetch-busybox-i386.sh" "$build/tests/run32/busybox" >/dev/null 2>&1
export LD_LIBRARY_PATH=$root/lib/i386-linux-gnu:$root/usr/lib/i386-linux-gnu
bb=$build/tests/run32/busybox/bin/busybox
syscompat=$build/tools/syscompat
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# ls tree: 250 directories of 220 files (55,000 files, 55,250 entries with the directories).
for d in $(seq 1 250); do
  mkdir -p "$work/ls/d$d"
  (cd "$work/ls/d$d" && touch $(seq -f "file%g" 1 220))
done
# find tree: 200 directories of 100 files, as bench/run32_busybox.sh.
for d in $(seq 1 200); do
  mkdir -p "$work/find/d$d"
  (cd "$work/find/d$d" && touch $(seq -f "f%g" 1 100))
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); filesystem: $(stat -f -c %T "$work")"
commands=(
  "$root/bin/ls -lR $work/ls" "$syscompat run32 $root/bin/ls -lR $work/ls"
  "$bb ls -lR $work/ls" "$syscompat run32 $bb ls -lR $work/ls"
  "$bb find $work/find -type f" "$syscompat run32 $bb find $work/find -type f"
)
hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/h.json" "${commands[@]}" >/dev/null 2>&1
python3 - "$work/h.json" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
labels = ["coreutils ls -lR, 55,250 entries", "busybox ls -lR, 55,250 entries",
          "busybox find -type f, 20,200 entries"]
print("| workload | native min (s) | run32 min (s) | native median (s) | run32 median (s) | wall min ratio | cpu ratio |")
print("|---|---:|---:|---:|---:|---:|---:|")
for i, label in enumerate(labels):
    n, r = results[2 * i], results[2 * i + 1]
    cpu = lambda x: x["user"] + x["system"]
    print(f"| {label} | {min(n['times']):.3f} | {min(r['times']):.3f} | {statistics.median(n['times']):.3f} | "
          f"{statistics.median(r['times']):.3f} | {min(r['times']) / min(n['times']):.2f}× | {cpu(r) / cpu(n):.2f}× |")
PY

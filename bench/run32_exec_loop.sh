#!/bin/bash
# A shell loop that runs a program COUNT times through $(...) (docs/PERFORMANCE.md,
# "Start-up"): Debian's i386 bash running Debian's i386 `date` natively (the kernel's compat
# layer) and under `syscompat run32` (bash's every fork + exec of date starts the shim again:
# syscompat-run32); the same with busybox-static:i386's sh and date. Fetches the i386
# packages into BUILD_DIR/bench-i386 (apt-get download; nothing installed). hyperfine, RUNS runs
# each; wall minimum and median, and the ratio of the mean cpu times (user + sys) to native.
# usage: bench/run32_exec_loop.sh BUILD_DIR [COUNT] [RUNS]
set -eu
build=$(cd "$1" && pwd)
count=${2:-2000}
runs=${3:-5}
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
bash_loop="$root/bin/bash -c 'for ((i = 0; i < $count; i++)); do x=\$($root/bin/date); done'"
bb_loop="$bb sh -c 'i=0; while [ \$i -lt $count ]; do x=\$($bb date); i=\$((i + 1)); done'"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/h.json" \
  "$bash_loop" "$syscompat run32 $bash_loop" "$bb_loop" "$syscompat run32 $bb_loop" >/dev/null
python3 - "$work/h.json" "$count" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
count = sys.argv[2]
print(f"| loop of {count} $(date) | runs | wall min (s) | wall median (s) | cpu mean (s) | cpu / native |")
print("|---|---:|---:|---:|---:|---:|")
labels = ["i386 bash + coreutils date, native", "the same under syscompat run32",
          "busybox sh + busybox date, native", "the same under syscompat run32"]
for i, (r, label) in enumerate(zip(results, labels)):
    cpu = r["user"] + r["system"]
    native = results[i - i % 2]
    ratio = cpu / (native["user"] + native["system"])
    print(f"| {label} | {len(r['times'])} | {min(r['times']):.3f} | {statistics.median(r['times']):.3f} | {cpu:.3f} | {ratio:.2f}× |")
PY

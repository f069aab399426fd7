#!/bin/bash
# Start-up of an i386 program under run32 (docs/PERFORMANCE.md, "Start-up"): Debian's
# busybox-static:i386 `true` natively (the kernel's compat layer), as `syscompat run32`, as
# syscompat-run32 starts it (a guest's execve, binfmt_misc) and under qemu-i386; and
# `syscompat --help`. hyperfine, RUNS runs each after 50 warm-ups, all in one run; the minimum
# and the median, and the ratio of the minima to native. Prints the load average first (other
# work on the machine moves the medians more than the minima).
# usage: bench/run32_startup.sh BUILD_DIR [RUNS]
set -eu
build=$(cd "$1" && pwd)
runs=${2:-500}
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/scripts/fetch-busybox-i386.sh" "$build/tests/run32/busybox" >/dev/null 2>&1
bb=$build/tests/run32/busybox/bin/busybox
syscompat=$build/tools/syscompat
lean=$build/tools/syscompat-run32
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 50 --runs "$runs" --export-json "$work/h.json" \
  "$bb true" "$syscompat run32 $bb true" "$lean $bb true" "qemu-i386 $bb true" \
  "$syscompat --help" >/dev/null
python3 - "$work/h.json" "$bb" "$syscompat" "$lean" <<'PY'
import json, statistics, sys
path, bb, syscompat, lean = sys.argv[1:]
results = {r["command"]: r["times"] for r in json.load(open(path))["results"]}
native = min(results[f"{bb} true"])
print("| command | runs | min (ms) | median (ms) | min / native |")
print("|---|---:|---:|---:|---:|")
for command, label in [(f"{bb} true", "busybox true, native i386"),
                       (f"{syscompat} run32 {bb} true", "syscompat run32 busybox true"),
                       (f"{lean} {bb} true", "syscompat-run32 busybox true (a guest's exec, binfmt_misc)"),
                       (f"qemu-i386 {bb} true", "qemu-i386 busybox true"),
                       (f"{syscompat} --help", "syscompat --help")]:
    t = results[command]
    print(f"| {label} | {len(t)} | {min(t) * 1e3:.2f} | {statistics.median(t) * 1e3:.2f} | {min(t) / native:.2f}× |")
PY

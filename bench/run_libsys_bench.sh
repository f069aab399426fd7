#!/usr/bin/env bash
# libsys entry points vs an inline raw syscall (getppid, fstat), static and shared library,
# in one run; prints the markdown table of docs/PERFORMANCE.md. Repetitions are interleaved
# and the minimum is reported next to the median: on a machine shared with other work the
# minimum is what the code costs, the median also what the neighbours cost.
# Usage: bench/run_libsys_bench.sh [build-dir]
set -euo pipefail
build=${1:-build}
echo "| call | library | inline syscall, min / median (ns) | sys:: (C++, inline), min / median (ns) | ratio of min | __sys_ (C), min / median (ns) | ratio of min | wrapped syscall, min / median (ns) | C vs wrapped |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
pinned=""
for kind in static shared; do
  bin=$build/bench/libsys_bench
  [ "$kind" = shared ] && bin=$build/bench/libsys_bench_shared
  out=$(mktemp)
  "$bin" --benchmark_min_time=0.1 --benchmark_repetitions=30 --benchmark_enable_random_interleaving=true \
    --benchmark_format=json >"$out"
  python3 - "$out" "$kind" <<'PY'
import json, statistics, sys
times = {}
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    if b.get("run_type") == "iteration":
        times.setdefault(b["run_name"], []).append(b["real_time"])
def cell(name):
    t = times[name]
    return min(t), f"{min(t):.1f} / {statistics.median(t):.1f}"
kind = sys.argv[2]
for call in ["getppid", "fstat"]:
    (raw, raw_s), (cpp, cpp_s), (c, c_s), (w, w_s) = (
        cell(f"BM_inline_{call}"), cell(f"BM_libsys_{call}"), cell(f"BM_libsys_c_{call}"),
        cell(f"BM_wrapped_{call}"))
    print(f"| {call} | {kind} | {raw_s} | {cpp_s} | {cpp / raw:.3f} | {c_s} | {c / raw:.3f} "
          f"| {w_s} | {c / w:.3f} |")
(cpp, cpp_s), (c, c_s), (pcpp, pcpp_s), (pc, pc_s) = (
    cell("BM_libsys_getppid"), cell("BM_libsys_c_getppid"), cell("BM_pinned_libsys_getppid"),
    cell("BM_pinned_libsys_c_getppid"))
print(f"| getppid pinned | {kind} | | {pcpp_s} | {pcpp / cpp:.3f} vs unpinned | {pc_s} "
      f"| {pc / c:.3f} vs unpinned | | |", file=open(sys.argv[1] + ".pinned", "w"))
PY
  pinned+=$(cat "$out.pinned")$'\n'
  rm -f "$out.pinned"
  rm -f "$out"
done
printf '%s' "$pinned"

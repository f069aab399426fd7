#!/usr/bin/env bash
# Description-driven conversion vs hand-written, and the i386 translators' cost per call,
# in one run; prints the markdown tables of docs/PERFORMANCE.md. Usage: bench/run_convert_bench.sh [build-dir]
set -euo pipefail
bin=${1:-build}/bench/convert_bench
out=$(mktemp)
"$bin" --benchmark_min_time=0.5 --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_format=json > "$out"
python3 - "$out" <<'PY'
import json, sys
runs = {b["run_name"]: b["real_time"] for b in json.load(open(sys.argv[1]))["benchmarks"]
        if b.get("aggregate_name") == "median"}
print("| struct | hand-written (ns) | description (ns) | ratio |")
print("|---|---:|---:|---:|")
for name, label in [("stat64", "stat64 (x86_64 stat -> i386 stat64)"), ("statx", "statx (x86_64 -> i386)"),
                    ("rusage", "rusage (x86_64 -> i386)"), ("msghdr", "msghdr + 3 iovecs (i386 -> x86_64)")]:
    hand, desc = runs[f"BM_{name}_hand"], runs[f"BM_{name}_description"]
    print(f"| {label} | {hand:.2f} | {desc:.2f} | {desc / hand:.2f} |")
print()
print("| call | native (ns) | translated (ns) | translation overhead (ns) |")
print("|---|---:|---:|---:|")
for name, label in [("getppid", "getppid"), ("fstat64", "fstat64"), ("read4k", "read of 4 KiB"),
                    ("fionread", "ioctl FIONREAD (passthrough)"),
                    ("siocgifflags", "ioctl SIOCGIFFLAGS on lo (ifreq, hand-written)")]:
    native, translated = runs[f"BM_{name}_native"], runs[f"BM_{name}_translated"]
    print(f"| {label} | {native:.0f} | {translated:.0f} | {translated - native:.0f} |")
PY
rm -f "$out"

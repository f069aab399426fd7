#!/usr/bin/env bash
# Wall time of the whole layout suite (7 ABIs x gcc and clang), parallel against serial
# compiles, measured in one hyperfine run. Usage: bench/layout_check.sh [build-dir]
set -euo pipefail
bin=${1:-build}/tools/syscompat
out=$(mktemp)
hyperfine --warmup 1 --runs 5 --export-json "$out" \
  -n "parallel (-j $(nproc))" "$bin layout --check -j $(nproc)" \
  -n "serial (-j 1)" "$bin layout --check -j 1" >&2
python3 - "$out" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
par, ser = list(r.values())
print(f"| {par['command']} | {par['mean']:.3f} s ± {par['stddev']:.3f} |")
print(f"| {ser['command']} | {ser['mean']:.3f} s ± {ser['stddev']:.3f} |")
print(f"| ratio serial/parallel | {ser['mean'] / par['mean']:.2f} |")
PY
rm -f "$out"

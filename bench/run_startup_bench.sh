#!/usr/bin/env bash
# Start-up cost of libsys (docs/PERFORMANCE.md): the same C program (getppid, then exit)
# without libsys, with libsys.so.1 and with libsys.a, and for scale with an empty shared
# library; hyperfine, every program >= 300 runs in one run, the minimum compared.
# libsys.so.1 and the empty library are measured as system libraries: copied to
# /usr/local/lib and found through ld.so.cache (ldconfig), as an installed libsys would be
# (a build-tree RUNPATH adds a search of a dozen glibc-hwcaps directories). Both are removed
# again afterwards. Needs root.
# Usage: bench/run_startup_bench.sh [build-dir] [runs]
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
runs=${2:-1000}
src=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d)
cleanup() {
  rm -rf "$dir" /usr/local/lib/libsys.so.1 /usr/local/lib/libsyscompat-empty-bench.so.1
  ldconfig
}
trap cleanup EXIT
include="-I$build/libsys/generated -I$src/libsys/include"
printf '#include <unistd.h>\nint main(void) { return getppid() > 0 ? 0 : 1; }\n' >"$dir/plain.c"
printf '#include <libsys.h>\nint main(void) { return __sys_getppid() > 0 ? 0 : 1; }\n' >"$dir/libsys.c"
printf 'long empty_fn(void) { return 1; }\n' >"$dir/empty_lib.c"
printf '#include <unistd.h>\nlong empty_fn(void);\nint main(void) { return getppid() > 0 && empty_fn() ? 0 : 1; }\n' >"$dir/empty.c"

strip -o /usr/local/lib/libsys.so.1 "$build/libsys/libsys.so.1"
gcc -O2 -shared -fPIC -nostdlib -Wl,-soname,libsyscompat-empty-bench.so.1 "$dir/empty_lib.c" \
  -o /usr/local/lib/libsyscompat-empty-bench.so.1
ln -s /usr/local/lib/libsyscompat-empty-bench.so.1 "$dir/libsyscompat-empty-bench.so"
ldconfig
gcc -O2 "$dir/plain.c" -o "$dir/plain"
# shellcheck disable=SC2086
gcc -O2 $include "$dir/libsys.c" -o "$dir/libsys_so" -L"$build/libsys" -lsys
# shellcheck disable=SC2086
gcc -O2 $include "$dir/libsys.c" -o "$dir/libsys_a" "$build/libsys/libsys.a"
gcc -O2 "$dir/empty.c" -o "$dir/empty_so" -L"$dir" -lsyscompat-empty-bench
ldd "$dir/libsys_so" | grep -q '/usr/local/lib/libsys.so.1' || { echo "libsys.so.1 not found through the cache" >&2; exit 1; }
(cd "$dir" && hyperfine -N --warmup 100 --runs "$runs" ./plain ./libsys_so ./libsys_a ./empty_so \
  --export-json "$dir/h.json" >/dev/null 2>&1)
python3 - "$dir/h.json" <<'PY'
import json, statistics, sys
results = {r["command"]: r["times"] for r in json.load(open(sys.argv[1]))["results"]}
base = min(results["./plain"])
print("| program | runs | min (µs) | median (µs) | min vs plain |")
print("|---|---:|---:|---:|---:|")
for name, label in [("./plain", "C program, no libsys"), ("./libsys_so", "same, libsys.so.1 (installed, stripped)"),
                    ("./libsys_a", "same, libsys.a"), ("./empty_so", "same, an empty shared library instead (scale)")]:
    t = results[name]
    print(f"| {label} | {len(t)} | {min(t) * 1e6:.1f} | {statistics.median(t) * 1e6:.1f} | {min(t) / base:.3f} |")
PY

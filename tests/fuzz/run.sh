#!/usr/bin/env bash
# Builds the libFuzzer target with clang (ASan + UBSan everywhere) and runs it for the given
# seconds (default 60; the documented long run is 600). Usage: tests/fuzz/run.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSYSCOMPAT_FUZZ=ON -DSYSCOMPAT_TESTS=OFF >/dev/null
cmake --build build-fuzz --target i386_translate_fuzz
mkdir -p build-fuzz/corpus
./build-fuzz/tests/fuzz/i386_translate_fuzz -max_total_time="$seconds" -print_final_stats=1 \
  -max_len=4096 -artifact_prefix=build-fuzz/ build-fuzz/corpus 2>&1 | tail -15

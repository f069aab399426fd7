#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan everywhere) and runs one for the given
# seconds. Usage: tests/fuzz/run.sh SECONDS TARGET [libFuzzer options...]
#   i386_translate_fuzz  the i386 translators (docs: the long run is 600 s)
#   elf_loader_fuzz      run32's ELF loader, seeded with small i386 programs built here
#                        (docs/run32.md: the long run is -runs=1000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
target=${2:-i386_translate_fuzz}
shift $(($# < 2 ? $# : 2))
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSYSCOMPAT_FUZZ=ON -DSYSCOMPAT_TESTS=OFF >/dev/null
cmake --build build-fuzz --target "$target"
corpus=build-fuzz/corpus-$target
mkdir -p "$corpus"
max_len=4096
if [ "$target" = elf_loader_fuzz ]; then
  max_len=20000
  # Seeds: a static program without libc, and a dynamic PIE and non-PIE one (ld-linux.so.2).
  if [ ! -e "$corpus/seed-tiny" ]; then
    gcc -m32 -nostdlib -static -o "$corpus/seed-tiny" tests/run32/mutants/tiny.S
    gcc -m32 -O1 -o "$corpus/seed-pie" tests/run32/programs/hello.c
    gcc -m32 -O1 -no-pie -o "$corpus/seed-exec" tests/run32/programs/hello.c
  fi
fi
"./build-fuzz/tests/fuzz/$target" -max_total_time="$seconds" -print_final_stats=1 \
  -max_len="$max_len" -artifact_prefix=build-fuzz/ "$@" "$corpus" 2>&1 | tail -15

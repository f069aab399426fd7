#!/usr/bin/env bash
# Installs what syscompat needs, builds it, and runs every test: a bounded fuzz run, the
# whole suite, then the unit tests once more under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSYSCOMPAT_WERROR=ON >/dev/null
cmake --build build

# The i386 translators and run32's ELF loader under libFuzzer, ASan and UBSan, for a bounded
# time (the documented longer runs: tests/fuzz/run.sh 600 i386_translate_fuzz; tests/fuzz/run.sh
# 3600 elf_loader_fuzz -runs=1000000).
bash tests/fuzz/run.sh "${SYSCOMPAT_FUZZ_SECONDS:-60}" i386_translate_fuzz
bash tests/fuzz/run.sh "${SYSCOMPAT_LOADER_FUZZ_SECONDS:-30}" elf_loader_fuzz

(cd build && ctest --output-on-failure -j"$jobs")

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSYSCOMPAT_SANITIZE=ON -DSYSCOMPAT_WERROR=ON >/dev/null
cmake --build build-asan --target unit_tests libsys_tests symver_tests
(cd build-asan && ctest -L unit --output-on-failure -j"$jobs")

# libsys's slots and probes are shared between threads: its tests once more under
# ThreadSanitizer (it found register variables clobbered by instrumentation before the
# syscall instruction once).
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS=-fsanitize=thread \
  -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread -DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=thread >/dev/null
cmake --build build-tsan --target libsys_tests
build-tsan/tests/libsys_tests

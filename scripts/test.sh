#!/usr/bin/env bash
# Installs what syscompat needs, builds it, and runs every test: the whole suite, then the
# unit tests once more under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build
(cd build && ctest --output-on-failure -j"$jobs")

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSYSCOMPAT_SANITIZE=ON >/dev/null
cmake --build build-asan --target unit_tests
(cd build-asan && ctest -L unit --output-on-failure -j"$jobs")

#!/usr/bin/env bash
# Installs what syscompat needs, builds it, and runs the main job: the layout suite over
# every ABI with gcc and clang.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSYSCOMPAT_WERROR=ON >/dev/null
cmake --build build
./build/tools/syscompat layout --check

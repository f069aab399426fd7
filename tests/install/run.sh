# Installs the build tree into a scratch prefix and builds a consumer with find_package.
set -eu
build=$1 consumer=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
test -x "$scratch/prefix/bin/syscompat"
"$scratch/prefix/bin/syscompat" layout --list >/dev/null
# syscompat-run32 beside it: what a guest's execs of i386 programs (and binfmt_misc) start.
test -x "$scratch/prefix/bin/syscompat-run32"
! "$scratch/prefix/bin/syscompat-run32" 2>"$scratch/err" && grep -q "binfmt_misc as" "$scratch/err"
cmake -S "$consumer" -B "$scratch/build" -G Ninja -DCMAKE_PREFIX_PATH="$scratch/prefix" >/dev/null
cmake --build "$scratch/build" >/dev/null
"$scratch/build/consumer"

# Installs the build tree into a scratch prefix and builds a libsys consumer with find_package,
# against the shared and the static library.
set -eu
build=$1 consumer=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
cmake -S "$consumer" -B "$scratch/build" -G Ninja -DCMAKE_PREFIX_PATH="$scratch/prefix" >/dev/null
cmake --build "$scratch/build" >/dev/null
"$scratch/build/libsys_consumer"
"$scratch/build/libsys_consumer_static"

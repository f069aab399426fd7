# Installs the build tree into a scratch prefix and builds libsys consumers against it: C++
# with find_package (the shared and the static library), and C with pkg-config (libsys.pc;
# the shared library, and the static one linked into a static program).
set -eu
build=$1 consumer=$2 c_consumer=$3
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
cmake -S "$consumer" -B "$scratch/build" -G Ninja -DCMAKE_PREFIX_PATH="$scratch/prefix" >/dev/null
cmake --build "$scratch/build" >/dev/null
"$scratch/build/libsys_consumer"
"$scratch/build/libsys_consumer_static"

export PKG_CONFIG_PATH="$scratch/prefix/lib/pkgconfig"
libdir=$(pkg-config --variable=libdir libsys)
# shellcheck disable=SC2046
cc -std=c99 -Wall -Wextra -Werror -pedantic -o "$scratch/c_consumer" "$c_consumer/main.c" \
  $(pkg-config --cflags --libs libsys) -Wl,-rpath,"$libdir"
readelf -d "$scratch/c_consumer" | grep -q 'NEEDED.*\[libsys.so.1\]' || {
  echo "the C consumer does not need libsys.so.1" >&2
  exit 1
}
"$scratch/c_consumer"
# shellcheck disable=SC2046
cc -std=c99 -static -o "$scratch/c_consumer_static" "$c_consumer/main.c" \
  $(pkg-config --cflags libsys) -L"$libdir" -l:libsys.a
"$scratch/c_consumer_static"

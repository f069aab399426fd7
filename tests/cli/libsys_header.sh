# <libsys.h> is valid C99 and C++, next to the libc's own headers (no macro of theirs breaks
# it: st_atime_sec, not st_atime), with gcc and clang, -Wall -Wextra -Werror -pedantic; its
# struct layouts hold (each is checked inside the header, so a wrong one does not compile);
# struct arguments are typed (a struct stat* to __sys_statx is refused). Planted: a wrong
# offset in a copy of the header fails to compile.
#   libsys_header.sh GENERATED_DIR LIBSYS_INCLUDE_DIR
set -u
export PATH=/usr/bin:/bin
generated=$1 include=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/use.c" <<'C'
#define _GNU_SOURCE 1
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include <libsys.h>

int main(void) {
  struct libsys_statx sx;
  struct libsys_timespec ts;
  struct libsys_epoll_event ev;
  struct libsys_call call = {LIBSYS_NR_getpid, {0, 0, 0, 0, 0, 0}};
  ev.events = 1;
  (void)ev;
  if (__sys_statx(AT_FDCWD, "/", 0, 0x7ff, &sx) != 0) return 1;
  if (__sys_clock_gettime(CLOCK_MONOTONIC, &ts) != 0) return 1;
  return libsys_dispatch(&call) > 0 && sx.stx_mode != 0 ? 0 : 1;
}
C
cp "$dir/use.c" "$dir/use.cpp"
flags="-Wall -Wextra -Werror -pedantic -I$generated -I$include"
for cc in gcc clang; do
  # shellcheck disable=SC2086
  $cc -std=c99 $flags -fsyntax-only "$dir/use.c" || fail "$cc -std=c99 refused libsys.h"
done
for cxx in g++ clang++; do
  for std in c++11 c++20; do
    # shellcheck disable=SC2086
    $cxx -std=$std $flags -fsyntax-only "$dir/use.cpp" || fail "$cxx -std=$std refused libsys.h"
  done
done

# Typed: a struct stat* where __sys_statx takes struct libsys_statx* is an error.
sed 's/struct libsys_statx sx;/struct stat sx;/' "$dir/use.c" >"$dir/untyped.c"
# shellcheck disable=SC2086
gcc -std=c99 $flags -fsyntax-only "$dir/untyped.c" 2>/dev/null && fail "a struct stat* was accepted by __sys_statx"
grep -q '^LIBSYS_API long __sys_statx(int32_t dfd, const char\* filename, uint32_t flags, uint32_t mask, struct libsys_statx\* buffer);$' \
  "$generated/libsys.h" || fail "__sys_statx's prototype is not typed"

# Planted: stx_size at the wrong offset in a copy of the header.
mkdir "$dir/planted"
cp "$generated/libsys.h" "$dir/planted/libsys.h"
sed -i 's/offsetof(struct libsys_statx, stx_size) == 40/offsetof(struct libsys_statx, stx_size) == 48/' "$dir/planted/libsys.h"
cmp -s "$generated/libsys.h" "$dir/planted/libsys.h" && fail "the offset was not planted"
# shellcheck disable=SC2086
gcc -std=c99 -Wall -Werror -pedantic -I"$dir/planted" -I"$include" -fsyntax-only "$dir/use.c" 2>/dev/null &&
  fail "a wrong offset in libsys.h compiled"
echo "libsys.h: C99 (gcc, clang) and C++11/20 (g++, clang++) clean beside the libc headers; $(grep -c '^struct libsys_.* {$' "$generated/libsys.h") structs, $(grep -c '^LIBSYS_API long __sys_' "$generated/libsys.h") entry points; untyped pointer and planted offset refused"

# libsys's core needs only the kernel (docs/libsys.md): libsys.so.1 has no DT_NEEDED, its
# only undefined symbols are the weak __errno_location and environ (a libc's, when there is
# one), every dynamic symbol it defines is an export
# (__sys_*, libsys_*, syscompat::sys::*), its SONAME is libsys.so.1, and stripped it is at
# most 1 MB; every syscall instruction it has is in libsys_text (what pinning allows);
# libsys.a leaves nothing undefined but what it defines itself (the weak references are not
# "U"). Planted: libstdc++.so.6, a static archive with a libc call, and libc.so.6's syscalls
# are refused.
#   libsys_core.sh LIBSYS_SO LIBSYS_A
set -u
export PATH=/usr/bin:/bin
so=$1 archive=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# check_so LIB: prints what is wrong with LIB, nothing when it is a lean core.
check_so() {
  readelf -d "$1" | awk '/\(NEEDED\)/ { print "needs " $5 }'
  readelf -d "$1" | grep -q 'Library soname: \[libsys.so.1\]' || echo "soname is not libsys.so.1"
  nm -D --undefined-only "$1" | awk '!($1 == "w" && ($2 == "__errno_location" || $2 == "environ")) { print "undefined " $0 }'
  nm -D --defined-only "$1" |
    awk '$2 != "A" && $3 !~ /^(__sys_|libsys_|_ZN9syscompat3sys)/ { print "exports " $3 }'
  strip -o "$dir/stripped" "$1"
  size=$(stat -c %s "$dir/stripped")
  [ "$size" -le 1048576 ] || echo "stripped size $size > 1 MB"
}
# check_archive LIB: every undefined symbol of the archive is one it defines (or errno).
check_archive() {
  nm "$1" 2>/dev/null | awk '$1 == "U" { print $2 }' | sort -u >"$dir/undefined"
  nm --defined-only "$1" 2>/dev/null | awk 'NF == 3 { print $3 }' | sort -u >"$dir/defined"
  # The linker defines the GOT and the bounds of libsys_text (pinning's range) itself.
  comm -23 "$dir/undefined" "$dir/defined" |
    grep -vxE '_GLOBAL_OFFSET_TABLE_|__(start|stop)_libsys_text' | sed 's/^/undefined /'
}

# check_pinnable LIB: every syscall instruction of LIB is in libsys_text (pinning's range).
check_pinnable() {
  objdump -d --no-show-raw-insn "$1" |
    awk '/^Disassembly of section/ { section = $4 } /^[0-9a-f]+ <.*>:$/ { fn = $2 }
         /\tsyscall/ { if (section != "libsys_text:") print "syscall outside libsys_text in " fn; else inside++ }
         END { if (!inside) print "no syscall in libsys_text" }'
}

problems=$(check_so "$so")
[ -z "$problems" ] || fail "libsys.so is not a lean core:
$problems"
problems=$(check_pinnable "$so")
[ -z "$problems" ] || fail "libsys.so has syscalls pinning would trap:
$problems"
problems=$(check_archive "$archive")
[ -z "$problems" ] || fail "libsys.a is not a lean core:
$problems"

# Planted: a library with a C++ runtime and a libc, and an archive calling the libc.
stdcxx=$(g++ -print-file-name=libstdc++.so.6)
check_so "$stdcxx" | grep -qF 'needs [libc.so.6]' || fail "the check passed libstdc++"
printf '#include <string.h>\nint f(char *s) { return (int)strlen(s); }\n' >"$dir/libc_call.c"
gcc -O0 -c "$dir/libc_call.c" -o "$dir/libc_call.o" && ar rc "$dir/planted.a" "$dir/libc_call.o"
check_archive "$dir/planted.a" | grep -q '^undefined strlen$' || fail "the check passed a libc call"
libc=$(gcc -print-file-name=libc.so.6)
check_pinnable "$(readlink -f "$libc")" | grep -q '^syscall outside libsys_text' ||
  fail "the pinning check passed libc.so.6"

strip -o "$dir/stripped" "$so"
echo "libsys core: no DT_NEEDED, SONAME libsys.so.1, $(nm -D --defined-only "$so" | grep -vc ' A ') exports, $(stat -c %s "$dir/stripped") bytes stripped; every syscall instruction in libsys_text; libsys.a self-contained; 3 planted failures caught"

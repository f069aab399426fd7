# `syscompat symver --list`: every export with its node and, for compat symbols, the
# transition; it agrees with what libsys.so really exports. Bad input: one line, exit 2.
set -u
export PATH=/usr/bin:/bin
bin=$1 lib=$3
source "$(dirname "$0")/usage_lib.sh"
expect_usage symver | grep -q "exactly one of --list and --layouts" || fail "no flag"
expect_usage symver --list --layouts >/dev/null
expect_usage symver --lsit | grep -q -- "--lsit" || fail "unknown flag"

list=$("$bin" symver --list) || fail "--list exited $?"
printf '%s\n' "$list" | grep -qx '__sys_read@@LIBSYS_1.0' || fail "no __sys_read@@LIBSYS_1.0"
printf '%s\n' "$list" | grep -q '^__sys_stat@LIBSYS_1.0  compat for stat64: ' || fail "no compat stat"
printf '%s\n' "$list" | grep -q '^__sys_clock_gettime@LIBSYS_1.0  compat for time64: ' || fail "no compat clock_gettime"
printf '%s\n' "$list" | grep -q '^__sys_stat@@LIBSYS_1.1  current layout of stat64' || fail "no current stat"
[ "$(printf '%s\n' "$list" | grep -c '  compat for ')" -eq 8 ] || fail "not 8 compat symbols"

# The list and the library agree, both ways (a planted extra line is caught).
exported() { readelf --dyn-syms -W "$lib" | awk '$8 ~ /^__sys_/ { print $8 }' | sort; }
listed() { printf '%s\n' "$list" | awk '$1 ~ /^__sys_/ { print $1 }' | sort; }
diff <(exported) <(listed) || fail "symver --list and libsys.so disagree"
diff -q <(exported) <( (listed; echo __sys_planted@@LIBSYS_1.0) | sort) >/dev/null &&
  fail "the comparison missed a planted extra export"
echo "symver --list: $(listed | wc -l) exports, as libsys.so has them"

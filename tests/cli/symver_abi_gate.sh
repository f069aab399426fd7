# The ABI baseline gate against the committed baseline (libsys/abi-baseline.txt), and the
# changes it must refuse, each planted: a symbol gone, a symbol moved to another node, a
# layout changed under the same node; a real library (the v1 one) that lacks LIBSYS_1.1.
# A transition done right (old node kept, new node added) passes.
set -u
export PATH=/usr/bin:/bin
syscompat=$1 src=$2 lib=$3 v1_lib=$4
fail() { echo "FAIL: $*" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
gate() { bash "$src/symver/abi_gate.sh" "$@"; }

bash "$src/symver/abi_dump.sh" "$lib" "$syscompat" >"$dir/current" || fail "abi_dump exited $?"
grep -q '^symbol __sys_stat@LIBSYS_1.0$' "$dir/current" || fail "the dump lacks __sys_stat@LIBSYS_1.0"
gate "$src/libsys/abi-baseline.txt" "$dir/current" ||
  fail "libsys.so differs from libsys/abi-baseline.txt (see above; docs/symver.md)"

# expect_refused NAME EXPECTED_MESSAGE: the gate on $dir/planted fails and says so.
expect_refused() {
  local out
  out=$(gate "$src/libsys/abi-baseline.txt" "$dir/planted") && fail "$1: the gate passed"
  printf '%s\n' "$out" | grep -qF "$2" || fail "$1: the gate said: $out"
}
grep -v '^symbol __sys_getpid@@LIBSYS_1.0$' "$dir/current" >"$dir/planted"
expect_refused "symbol removed" "ABI gate: __sys_getpid disappeared (baseline __sys_getpid@@LIBSYS_1.0)"
sed 's/^symbol __sys_read@@LIBSYS_1.0$/symbol __sys_read@@LIBSYS_1.1/' "$dir/current" >"$dir/planted"
expect_refused "version changed" "ABI gate: __sys_read changed version: baseline __sys_read@@LIBSYS_1.0, now __sys_read@@LIBSYS_1.1"
sed '/^layout __sys_stat@@LIBSYS_1.1 statbuf /s/st_size@48:8/st_size@48:4/' "$dir/current" >"$dir/planted"
expect_refused "layout changed" "ABI gate: the layout __sys_stat@@LIBSYS_1.1 takes (statbuf) changed without a new version node"
sed '/^layout __sys_clock_gettime@LIBSYS_1.0 tp /s/size=8/size=12/' "$dir/current" >"$dir/planted"
expect_refused "compat layout changed" "ABI gate: the layout __sys_clock_gettime@LIBSYS_1.0 takes (tp) changed"

# The kernel's own kind of extension passes (statx's members carved from __spare3, rseq's in
# its padding, perf_event_attr's config3 appended: the baseline's layouts are the 6.1 ones);
# a new member over a kept one, a changed alignment or a grown size with nothing appended
# do not.
grep -q '^layout __sys_statx@@LIBSYS_1.0 buffer statx .* __spare3@160:96$' "$src/libsys/abi-baseline.txt" ||
  fail "the baseline's statx is not the one with __spare3@160:96 (the extension case is gone)"
sed '/^layout __sys_statx@@LIBSYS_1.0 buffer /s/$/ stx_overlap@40:8/' "$dir/current" >"$dir/planted"
expect_refused "member over a kept one" "ABI gate: the layout __sys_statx@@LIBSYS_1.0 takes (buffer) changed"
sed '/^layout __sys_statx@@LIBSYS_1.0 buffer /s/align=8/align=16/' "$dir/current" >"$dir/planted"
expect_refused "alignment changed" "ABI gate: the layout __sys_statx@@LIBSYS_1.0 takes (buffer) changed"
sed '/^layout __sys_statx@@LIBSYS_1.0 buffer /s/size=256/size=264/' "$dir/current" >"$dir/planted"
expect_refused "grown, nothing appended" "ABI gate: the layout __sys_statx@@LIBSYS_1.0 takes (buffer) changed"

# A real library: the v1 one has __sys_stat only at LIBSYS_1.0 (as the default).
bash "$src/symver/abi_dump.sh" "$v1_lib" "$syscompat" >"$dir/planted"
expect_refused "v1 library" "ABI gate: __sys_stat changed version: baseline __sys_stat@@LIBSYS_1.1, now __sys_stat@@LIBSYS_1.0"

# A transition done right: statx moves to a new node LIBSYS_1.2 with a new layout and keeps
# its old layout at LIBSYS_1.0.
sed -e 's/^symbol __sys_statx@@LIBSYS_1.0$/symbol __sys_statx@LIBSYS_1.0\nsymbol __sys_statx@@LIBSYS_1.2/' \
  -e 's/^\(layout __sys_statx\)@@LIBSYS_1.0\( .*\)$/\1@LIBSYS_1.0\2\n\1@@LIBSYS_1.2\2 stx_new@256:8/' \
  "$dir/current" >"$dir/planted"
grep -q '^layout __sys_statx@@LIBSYS_1.2 .* stx_new@256:8$' "$dir/planted" || fail "the transition was not planted"
gate "$src/libsys/abi-baseline.txt" "$dir/planted" || fail "a transition to a new node was refused"
echo "ABI gate: libsys.so matches the baseline; 5 planted breaks refused; a new node accepted"

# A language runtime without a libc (tests/libsys/freestanding/demo.c): a static program with
# no interpreter, no dynamic section and no libc symbol, that prints the same natively and
# under `syscompat oldkernel --release 3.10` with ENOSYS and with EPERM, where it takes the
# statx, getrandom, openat2 and renameat2 fallbacks (which it names on stderr).
#   libsys_freestanding.sh SYSCOMPAT DEMO
set -u
export PATH=/usr/bin:/bin
syscompat=$1 demo=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

readelf -l "$demo" | grep -q INTERP && fail "the demo has an interpreter"
readelf -d "$demo" | grep -q 'no dynamic section' || fail "the demo has a dynamic section"
for symbol in __libc_start_main malloc printf __errno_location; do
  nm "$demo" | grep -qw "$symbol" && fail "the demo has $symbol"
done

# run NAME [oldkernel options]: the demo in a fresh scratch directory.
run() {
  local name=$1
  shift
  mkdir "$dir/$name.scratch"
  if [ $# -eq 0 ]; then
    "$demo" "$dir/$name.scratch" >"$dir/$name.out" 2>"$dir/$name.err"
  else
    "$syscompat" oldkernel "$@" -- "$demo" "$dir/$name.scratch" >"$dir/$name.out" 2>"$dir/$name.err"
  fi || fail "$name: exit status $?: $(cat "$dir/$name.err")"
}
run native
grep -qx 'thread: joined, result 42' "$dir/native.out" || fail "native run: $(cat "$dir/native.out")"
grep -qx 'directory: a.txt c.txt sub' "$dir/native.out" || fail "native run: $(cat "$dir/native.out")"
for errno in ENOSYS EPERM; do
  run "old-$errno" --release 3.10 --errno "$errno"
  diff -u "$dir/native.out" "$dir/old-$errno.out" || fail "3.10 with $errno prints otherwise"
  grep -qx 'fallbacks taken: statx getrandom openat2 renameat2' "$dir/old-$errno.err" ||
    fail "3.10 with $errno: $(cat "$dir/old-$errno.err")"
done
# Planted: the comparison sees one changed line.
sed 's/result 42/result 43/' "$dir/native.out" >"$dir/planted.out"
diff -q "$dir/native.out" "$dir/planted.out" >/dev/null && fail "the comparison missed a planted change"
echo "freestanding demo: static, no libc; $(wc -l <"$dir/native.out") lines the same natively and under 3.10 (ENOSYS, EPERM), 4 fallbacks taken there"

#!/bin/bash
# syscompat run32 --binfmt: the registration it prints, then used: in a user and mount
# namespace of its own (binfmt_misc has an instance per user namespace since Linux 6.7, so
# the machine's other i386 programs are not touched), binfmt_misc mounted, the entry
# registered under this test's own name, i386 programs run directly (./prog) under
# `oldkernel --no-ia32=kill`, where the kernel's own run of them is killed: they ran through
# run32. Then the entry removed. Skipped (77) where no such namespace or mount is allowed.
# usage: binfmt.sh SYSCOMPAT PROGRAMS_DIR
set -u
syscompat=$(realpath "$1")
programs=$(realpath "$2")
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
name="syscompat-test-$$"
# The interpreter: syscompat-run32, built next to syscompat (a link to it, so that the
# registration names a path of this test).
ln -s "$(dirname "$syscompat")/syscompat-run32" "$work/syscompat-run32"

text=$("$syscompat" run32 --binfmt --binfmt-name "$name" --binfmt-interpreter "$work/syscompat-run32")
line=$(printf '%s\n' "$text" | grep -v '^#')
magic='\x7fELF\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x03\x00'
mask='\xff\xff\xff\xff\xff\xfe\xfe\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff'
want=":$name:M::$magic:$mask:$work/syscompat-run32:P"
if [ "$line" != "$want" ]; then
  echo "FAIL: the registration line is"
  echo "  $line"
  echo "expected"
  echo "  $want"
  failed=1
fi
"$syscompat" run32 --binfmt --binfmt-name 'a:b' >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL: a name with ':' is not refused"; failed=1; }
"$syscompat" run32 --binfmt --binfmt-interpreter relative >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL: a relative interpreter is not refused"; failed=1; }

expected=$("$programs/hello.static" one two)
cp "$programs/hello.static" "$programs/hello.dynamic" "$work/"
cat >"$work/inside.sh" <<INSIDE
set -u
mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc || exit 77
printf '%s' '$line' > /proc/sys/fs/binfmt_misc/register || exit 77
status=0
for program in hello.static hello.dynamic; do
  out=\$("$syscompat" oldkernel --no-ia32=kill -- "$work/\$program" one two)
  if [ "\$out" != "$expected" ]; then
    echo "FAIL: ./\$program through binfmt_misc printed '\$out'"
    status=1
  else
    echo "ok: ./\$program ran through binfmt_misc and run32"
  fi
done
cat /proc/sys/fs/binfmt_misc/$name | grep -q '^interpreter $work/syscompat-run32' ||
  { echo "FAIL: the entry does not name the interpreter"; status=1; }
echo -1 > /proc/sys/fs/binfmt_misc/$name
[ ! -e /proc/sys/fs/binfmt_misc/$name ] || { echo "FAIL: the entry was not removed"; status=1; }
"$syscompat" oldkernel --no-ia32=kill -- "$work/hello.static" one two >/dev/null 2>&1
[ \$? -eq 159 ] || { echo "FAIL: without the entry the program did not meet the filter"; status=1; }
exit \$status
INSIDE
unshare --user --map-root-user --mount bash "$work/inside.sh"
status=$?
if [ $status -eq 77 ] || ! unshare --user --map-root-user true 2>/dev/null; then
  echo "SKIP: no user namespace with its own binfmt_misc here (Linux >= 6.7 and unprivileged"
  echo "      user namespaces needed); the registration line was checked"
  [ $failed -eq 0 ] && exit 77
fi
[ $status -eq 0 ] || failed=1
exit $failed

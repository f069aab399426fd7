#!/bin/bash
# Battery programs built static against Debian's musl:i386 (fetched into the build tree, not
# installed), natively and under run32 (compare.sh). musl parses the vDSO its own way (DT_HASH
# and the version tables, for __vdso_clock_gettime64), makes its calls through AT_SYSINFO,
# and sets up signals differently from glibc.
# usage: musl_suite.sh SYSCOMPAT SOURCE_DIR WORK_DIR PROGRAM...
set -u
syscompat=$1
source_dir=$2
work=$3
shift 3
bash "$source_dir/scripts/fetch-i386-packages.sh" "$work/root" musl:i386 musl-dev:i386 ||
  { echo "cannot fetch musl-dev:i386 (scripts/install-deps.sh adds the i386 architecture)"; exit 1; }
lib=$work/root/usr/lib/i386-linux-musl
failed=0
for program in "$@"; do
  binary=$work/$program.musl
  # The kernel's linux/ and asm/ headers after musl's own, which has none.
  if ! gcc -m32 -O1 -static -nostdinc -nostdlib -isystem "$work/root/usr/include/i386-linux-musl" \
    -isystem "$(gcc -m32 -print-file-name=include)" -idirafter /usr/include/x86_64-linux-gnu \
    -idirafter /usr/include "$source_dir/tests/run32/programs/$program.c" \
    "$lib/crt1.o" "$lib/crti.o" "$lib/libc.a" "$(gcc -m32 -print-libgcc-file-name)" "$lib/crtn.o" \
    -o "$binary"; then
    echo "$program: does not build against musl"
    failed=1
    continue
  fi
  if ! result=$(bash "$source_dir/tests/run32/compare.sh" "$syscompat" "$binary"); then
    echo "$program (musl): $result"
    failed=1
  fi
done
[ "$failed" -eq 0 ] && echo "$# musl programs: same stdout and exit status as natively"
exit "$failed"

#!/bin/bash
# A program on Debian's i386 libseccomp (libseccomp2:i386, fetched into the build tree with
# apt-get download and dpkg -x: nothing installed), built with gcc -m32 against libseccomp's
# header (the same on every architecture), run natively (the kernel's compat layer: the
# oracle) and under `syscompat run32` (compare.sh): the same stdout and exit status.
# Exits with 77 (ctest's SKIP_RETURN_CODE) only when the package cannot be downloaded.
# usage: libseccomp.sh SYSCOMPAT SOURCE_DIR WORK_DIR
set -u
syscompat=$1
source_dir=$2
work=$3
root=$work/root
if ! bash "$source_dir/scripts/fetch-i386-packages.sh" "$root" libseccomp2:i386; then
  echo "SKIP: cannot download libseccomp2:i386 (apt-get download; scripts/install-deps.sh adds the i386 architecture)"
  exit 77
fi
library=$(ls "$root"/usr/lib/i386-linux-gnu/libseccomp.so.2* 2>/dev/null | head -1)
[ -n "$library" ] || library=$(ls "$root"/lib/i386-linux-gnu/libseccomp.so.2* | head -1)
gcc -m32 -O1 -Wall -Werror -idirafter /usr/include/x86_64-linux-gnu \
  -o "$work/libseccomp_rules" "$source_dir/tests/run32/seccomp/libseccomp_rules.c" "$library" || exit 1
export LD_LIBRARY_PATH=$(dirname "$library")
exec bash "$source_dir/tests/run32/compare.sh" "$syscompat" "$work/libseccomp_rules"

#!/bin/bash
# directory_positions (6000 entries, telldir/seekdir/lseek, raw getdents and readdir) on a
# fresh ext4 image (mkfs.ext4, dir_index: 64-bit name hashes for 64-bit callers, 32-bit ones
# for i386) mounted through a loop device, natively and under run32 with and without
# --no-ia32=kill. Skipped (77) where no loop device can be mounted (not root, no loop).
# usage: ext4_directories.sh SYSCOMPAT PROGRAMS_DIR COMPARE_SH
set -u
syscompat=$1
programs=$2
compare=$3
work=$(mktemp -d)
mounted=0
cleanup() {
  [ $mounted -eq 1 ] && umount "$work/mnt"
  rm -rf "$work"
}
trap cleanup EXIT
mkdir "$work/mnt"
truncate -s 64M "$work/image" &&
  mkfs.ext4 -q -O dir_index -F "$work/image" >/dev/null 2>&1 &&
  mount -o loop "$work/image" "$work/mnt" 2>/dev/null && mounted=1
if [ $mounted -ne 1 ]; then
  echo "SKIP: cannot mount an ext4 image through a loop device here (root and a loop device needed)"
  exit 77
fi
failed=0
for variant in static dynamic; do
  for mode in "" --no-ia32; do
    # compare.sh works in mktemp -d: on the image.
    # shellcheck disable=SC2086
    TMPDIR=$work/mnt bash "$compare" $mode "$syscompat" "$programs/directory_positions.$variant" ||
      failed=1
  done
done
exit $failed

#!/bin/bash
# Debian's i386 losetup, mkfs.ext4 and mount (mount:i386, e2fsprogs:i386, fetched into the
# build tree with apt-get download and dpkg -x: nothing installed) on a file image, as root:
# `losetup -f --show IMAGE`, `mkfs.ext4` on the loop device, `mount` it, write and list a
# file, `umount`, `losetup -d`. The same sequence runs natively (the kernel's compat layer:
# the oracle) and with every i386 program under `syscompat run32`; the outputs must be the
# same (the loop device's number masked: whichever is free), and each filesystem the i386
# mkfs.ext4 made must read back the same with the host's dumpe2fs and debugfs.
# Exits with 77 (ctest's SKIP_RETURN_CODE) when it cannot run here: not root, no loop
# devices, or the packages cannot be downloaded.
# usage: loop_mount.sh SYSCOMPAT SOURCE_DIR WORK_DIR
set -u
syscompat=$1
source_dir=$2
work=$3
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: losetup and mount need root"
  exit 77
fi
if [ ! -e /dev/loop-control ] || ! losetup -f >/dev/null 2>&1; then
  echo "SKIP: no free loop device (/dev/loop-control)"
  exit 77
fi
root=$work/root
packages=(mount:i386 libmount1:i386 libblkid1:i386 libsmartcols1:i386 libselinux1:i386
  libpcre2-8-0:i386 e2fsprogs:i386 libext2fs2:i386 libcom-err2:i386 libss2:i386 libuuid1:i386)
if ! bash "$source_dir/scripts/fetch-i386-packages.sh" "$root" "${packages[@]}" 2>/dev/null; then
  echo "SKIP: cannot download the i386 packages (apt-get download; scripts/install-deps.sh adds the i386 architecture)"
  exit 77
fi
export LD_LIBRARY_PATH=$root/usr/lib/i386-linux-gnu:$root/lib/i386-linux-gnu
# mke2fs: no clock, no random UUID or hash seed, the package's own configuration: the same
# filesystem twice.
export E2FSPROGS_FAKE_TIME=1700000000 MKE2FS_CONFIG=$root/etc/mke2fs.conf
sbin=$root/sbin
[ -x "$sbin/losetup" ] || sbin=$root/usr/sbin
data=$work/data
rm -rf "$data" && mkdir -p "$data"

sequence='set -e
truncate -s 32M "$OUT.img"
device=$($RUN $sbin/losetup -f --show "$OUT.img")
trap "umount \"$OUT.mnt\" 2>/dev/null; losetup -d \"$device\" 2>/dev/null" EXIT
echo "losetup -f --show: $device"
$RUN $sbin/losetup --list --noheadings --output BACK-FILE,SIZELIMIT,OFFSET,RO "$device" | sed "s|$OUT|IMAGE|"
$RUN $sbin/mkfs.ext4 -q -F -L run32 -U 6f8a4c0e-1b2d-4e3f-8a9b-0c1d2e3f4a5b -E hash_seed=0b9a8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d,root_owner=0:0 -b 4096 "$device"
mkdir -p "$OUT.mnt"
$RUN $root/bin/mount -t ext4 "$device" "$OUT.mnt"
grep " $OUT.mnt " /proc/mounts | sed "s|$OUT|MOUNT|; s|^/dev/loop[0-9]*|LOOP|"
echo "written through the mount" >"$OUT.mnt/hello"
ls -n "$OUT.mnt" | sed "s/ [A-Z][a-z][a-z] .* / DATE /"
$RUN $root/bin/umount "$OUT.mnt"
$RUN $sbin/losetup -d "$device"
trap - EXIT
echo "detached: $(losetup -j "$OUT.img" | wc -l) devices left on the image"
dumpe2fs -h "$OUT.img" 2>/dev/null | grep -E "^(Filesystem volume name|Filesystem UUID|Filesystem features|Inode count|Block count|Block size|Directory Hash Seed|Filesystem created):"
debugfs -R "cat /hello" "$OUT.img" 2>/dev/null'

RUN="" OUT=$data/native sbin=$sbin root=$root bash -c "$sequence" >"$data/native.out" 2>"$data/native.err"
native_status=$?
RUN="$syscompat run32 --" OUT=$data/run32 sbin=$sbin root=$root bash -c "$sequence" \
  >"$data/run32.out" 2>"$data/run32.err"
run32_status=$?
mask() { sed -E 's|/dev/loop[0-9]+|/dev/loopN|g' "$1"; }
if [ "$native_status" -ne 0 ] || [ ! -s "$data/native.out" ]; then
  echo "the native run failed (status $native_status): no oracle"
  head -10 "$data/native.err"
  exit 1
fi
if [ "$run32_status" -ne "$native_status" ] || ! cmp -s <(mask "$data/native.out") <(mask "$data/run32.out"); then
  echo "status native $native_status, run32 $run32_status; stdout (native <, run32 >):"
  diff <(mask "$data/native.out") <(mask "$data/run32.out") | head -30
  echo "--- run32 stderr:"
  head -20 "$data/run32.err"
  exit 1
fi
cat "$data/run32.out"
echo "losetup, mkfs.ext4, mount, umount: the same stdout and exit status natively and under run32"

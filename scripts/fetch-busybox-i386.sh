#!/bin/bash
# Puts Debian's busybox-static:i386 at DIR/bin/busybox without installing it (installing would
# replace a native busybox). Idempotent.
# usage: scripts/fetch-busybox-i386.sh DIR
set -eu
dir=$1
[ -x "$dir/bin/busybox" ] && exit 0
bash "$(dirname "$0")/fetch-i386-packages.sh" "$dir" busybox-static:i386
[ -x "$dir/bin/busybox" ]

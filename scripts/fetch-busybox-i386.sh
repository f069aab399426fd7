#!/bin/bash
# Puts Debian's busybox-static:i386 at DIR/bin/busybox without installing it (installing would
# replace a native busybox): apt-get download, then dpkg -x. Needs the i386 architecture
# (scripts/install-deps.sh adds it). Idempotent.
# usage: scripts/fetch-busybox-i386.sh DIR
set -eu
dir=$1
[ -x "$dir/bin/busybox" ] && exit 0
mkdir -p "$dir"
download=$(mktemp -d)
trap 'rm -rf "$download"' EXIT
chmod 755 "$download"  # apt's _apt user writes the download here
(cd "$download" && apt-get download -qq busybox-static:i386)
dpkg -x "$download"/busybox-static_*_i386.deb "$dir"
[ -x "$dir/bin/busybox" ]

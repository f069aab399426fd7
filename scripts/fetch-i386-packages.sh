#!/bin/bash
# Unpacks Debian i386 packages into DIR without installing them (installing could replace
# native ones): apt-get download, then dpkg -x. Needs the i386 architecture
# (scripts/install-deps.sh adds it). Idempotent: DIR/.fetched names what is there.
# usage: scripts/fetch-i386-packages.sh DIR PACKAGE:i386...
set -eu
dir=$1
shift
wanted="$*"
[ -f "$dir/.fetched" ] && [ "$(cat "$dir/.fetched")" = "$wanted" ] && exit 0
mkdir -p "$dir"
download=$(mktemp -d)
trap 'rm -rf "$download"' EXIT
chmod 755 "$download"  # apt's _apt user writes the download here
(cd "$download" && apt-get download -qq "$@")
for deb in "$download"/*.deb; do dpkg -x "$deb" "$dir"; done
echo "$wanted" >"$dir/.fetched"

#!/usr/bin/env bash
# Installs every Debian 12 package syscompat needs to build and test. Idempotent.
set -uo pipefail

# gcc-multilib (the meta package) Conflicts with every cross gcc in Debian 12; gcc-12-multilib
# gives the same -m32/-mx32 support without that conflict.
packages=(
  build-essential cmake ninja-build pkg-config clang-format python3
  libboost1.81-dev librange-v3-dev catch2 libbenchmark-dev libfmt-dev libcli11-dev
  nlohmann-json3-dev libseccomp-dev libelf-dev
  gcc-12-multilib g++-12-multilib libc6-dev-x32
  gcc-arm-linux-gnueabihf gcc-aarch64-linux-gnu gcc-riscv64-linux-gnu gcc-mips-linux-gnu
  libc6-dev-armhf-cross libc6-dev-arm64-cross libc6-dev-riscv64-cross libc6-dev-mips-cross
  linux-libc-dev-armhf-cross linux-libc-dev-arm64-cross linux-libc-dev-riscv64-cross linux-libc-dev-mips-cross
  clang libclang-rt-14-dev qemu-user abigail-tools xz-utils hyperfine manpages-dev golang-go
  strace
  man-db
)

# run32's busybox suite downloads busybox-static:i386 (scripts/fetch-busybox-i386.sh), which
# needs the i386 architecture's index; nothing of it is installed.
need_update=0
if ! dpkg --print-foreign-architectures | grep -qx i386; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo dpkg --add-architecture i386
  need_update=1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((need_update)) && ! ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq || echo "apt-get update: status $? (continuing)" >&2
fi
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # The i386 index of the security suite has failed to fetch here (size mismatch) while all
  # else arrived: tolerate update's status and let the install itself say what is missing.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq || echo "apt-get update: status $? (continuing)" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    { echo "install-deps: apt-get install failed for: ${missing[*]}" >&2; exit 1; }
fi

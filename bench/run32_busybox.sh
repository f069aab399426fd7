#!/bin/bash
# Wall time of Debian's busybox-static:i386 workloads natively (the kernel's compat layer),
# under `syscompat run32` and under qemu-i386: sha256sum of 256 MiB, gzip -1 of 64 MiB, sort
# of 1M lines, find over 20k files, and start-up (`busybox true`, 200 times). The same binary
# and inputs each time; the best of RUNS runs. Prints a markdown table.
# usage: bench/run32_busybox.sh BUILD_DIR [RUNS]
set -eu
build=$1
runs=${2:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
busybox_dir=$build/tests/run32/busybox
bash "$here/scripts/fetch-busybox-i386.sh" "$busybox_dir" 2>/dev/null
bb=$busybox_dir/bin/busybox
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

head -c $((256 << 20)) /dev/urandom >"$work/random256"
head -c $((64 << 20)) "$work/random256" | base64 >"$work/text64"
head -c $((64 << 20)) "$work/text64" >"$work/text64.cut" && mv "$work/text64.cut" "$work/text64"
awk 'BEGIN { srand(1); for (i = 0; i < 1000000; i++) printf "%08d %d\n", int(rand() * 1e8), i }' >"$work/lines"
mkdir "$work/tree"
for d in $(seq 1 200); do
  mkdir "$work/tree/d$d"
  (cd "$work/tree/d$d" && touch $(seq -f "f%g" 1 100))
done

workloads=(
  "sha256sum 256 MiB|$bb sha256sum $work/random256"
  "gzip -1 64 MiB|$bb gzip -1 -c $work/text64"
  "sort 1M lines|$bb sort $work/lines"
  "find 20k files|$bb find $work/tree -type f"
  "start-up: 200 × busybox true|LOOP $bb true"
)

best_seconds() {  # best wall time of RUNS runs of COMMAND..., output discarded
  local best=""
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    if [ "$1" = LOOP ]; then
      shift
      for _ in $(seq 200); do "$@" >/dev/null; done
    else
      "$@" >/dev/null
    fi
    end=$(date +%s.%N)
    best=$(awk -v b="$best" -v t="$(echo "$end - $start" | bc)" 'BEGIN { print (b == "" || t < b) ? t : b }')
  done
  printf '%.3f' "$best"
}

echo "| workload | native i386 | run32 | qemu-i386 | run32 / native | qemu-i386 / run32 |"
echo "|---|---|---|---|---|---|"
for workload in "${workloads[@]}"; do
  name=${workload%%|*}
  read -r -a command <<<"${workload#*|}"
  if [ "${command[0]}" = LOOP ]; then
    native=$(best_seconds LOOP "${command[@]:1}")
    run32=$(best_seconds LOOP "$build/tools/syscompat" run32 "${command[@]:1}")
    qemu=$(best_seconds LOOP qemu-i386 "${command[@]:1}")
  else
    native=$(best_seconds "${command[@]}")
    run32=$(best_seconds "$build/tools/syscompat" run32 "${command[@]}")
    qemu=$(best_seconds qemu-i386 "${command[@]}")
  fi
  echo "| $name | $native s | $run32 s | $qemu s |" \
    "$(awk -v a="$run32" -v b="$native" 'BEGIN { printf "%.2f", a / b }')× |" \
    "$(awk -v a="$qemu" -v b="$run32" 'BEGIN { printf "%.2f", a / b }')× |"
done

#!/bin/bash
# Paired timings with ratios: A and B run in turn (A B A B ...), and the ratio A/B is taken
# pair by pair, so that a drift of the machine's speed during the measurement moves both
# sides of each ratio alike. Reports the median and the spread (min-max) of the pairwise
# ratios of cpu time (user + sys, the command's and its children's) and of wall time, and
# each side's median. Each command is split into words as the shell splits them (quotes
# kept) and run without a shell; its output is discarded; a run that fails or times out
# stops the measurement. Public tools only: bash's `time`, timeout, sort, awk.
# usage: bench/paired.sh [-n PAIRS] [--warmup RUNS] [--timeout SECONDS] --vs 'B' -- A...
set -eu
pairs=10 warmup=1 limit=600 baseline=
while [ $# -gt 0 ]; do
  case $1 in
    -n) pairs=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --timeout) limit=$2; shift 2 ;;
    --vs) baseline=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "paired.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
if [ -z "$baseline" ] || [ $# -eq 0 ]; then
  echo "usage: bench/paired.sh [-n PAIRS] [--warmup RUNS] [--timeout SECONDS] --vs 'B' -- A..." >&2
  exit 2
fi
eval "b_words=($baseline)"
a_words=("$@")

# One run: "wall cpu" in seconds.
measure() {
  local TIMEFORMAT='%R %U %S' times
  if ! times=$( { time timeout "$limit" "$@" >/dev/null 2>&1; } 2>&1); then
    echo "paired.sh: failed or timed out: $*" >&2
    exit 1
  fi
  awk '{ printf "%s %.6f\n", $1, $2 + $3 }' <<<"$times"
}
for ((i = 0; i < warmup; i++)); do measure "${a_words[@]}" >/dev/null; measure "${b_words[@]}" >/dev/null; done
rows=()
for ((i = 0; i < pairs; i++)); do
  a=$(measure "${a_words[@]}") || exit 1
  b=$(measure "${b_words[@]}") || exit 1
  rows+=("$a $b")
done
printf '%s\n' "${rows[@]}" | awk -v pairs="$pairs" '
  function median(values, count,   sorted, i, j, t) {
    for (i = 1; i <= count; i++) sorted[i] = values[i]
    for (i = 2; i <= count; i++)
      for (j = i; j > 1 && sorted[j - 1] > sorted[j]; j--) { t = sorted[j]; sorted[j] = sorted[j - 1]; sorted[j - 1] = t }
    return count % 2 ? sorted[(count + 1) / 2] : (sorted[count / 2] + sorted[count / 2 + 1]) / 2
  }
  function spread(values, count,   i, low, high) {
    low = high = values[1]
    for (i = 2; i <= count; i++) { if (values[i] < low) low = values[i]; if (values[i] > high) high = values[i] }
    return sprintf("%.3f-%.3f", low, high)
  }
  { n++; aw[n] = $1; ac[n] = $2; bw[n] = $3; bc[n] = $4
    rw[n] = $3 > 0 ? $1 / $3 : 0; rc[n] = $4 > 0 ? $2 / $4 : 0 }
  END {
    printf "A: wall %.4f s, cpu %.4f s (medians of %d runs)\n", median(aw, n), median(ac, n), n
    printf "B: wall %.4f s, cpu %.4f s (medians of %d runs)\n", median(bw, n), median(bc, n), n
    printf "A/B cpu  %.3fx (%s)\n", median(rc, n), spread(rc, n)
    printf "A/B wall %.3fx (%s)\n", median(rw, n), spread(rw, n)
  }'

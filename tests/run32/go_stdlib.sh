#!/bin/bash
# Go's own standard-library tests, built once for GOARCH=386 by Debian's golang-go (`go test
# -c`, offline, caches in the build tree), each test binary run natively (the kernel's compat
# layer: the oracle) and under RUNNER (`syscompat run32 --`), in its package's source
# directory as `go test` runs it, with -test.short -test.v and a fixed -test.run set (every
# top-level test the binary lists, minus the ones left out below). Passes when each package
# gives the same per-test PASS/FAIL/SKIP set (subtests included) and the same exit status.
# Go's runtime is a hard guest: a thread per P (clone), futexes, SIGURG preemption of running
# goroutines, signal-based profiling timers, the vDSO parsed by its own code.
# usage: go_stdlib.sh WORK_DIR PACKAGES RUNNER...   (PACKAGES: comma-separated import paths)
set -u
mkdir -p "$1" && work=$(cd "$1" && pwd) || exit 1
IFS=, read -r -a packages <<<"$2"
shift 2
runner=("$@")

# Tests left out, "package Test": reason.
declare -A left_out=(
  # Debian's golang-go ships no $GOROOT/lib/time/zoneinfo.zip, which the test reads: it
  # fails natively too.
  ["time TestLoadLocationFromTZData"]="needs \$GOROOT/lib/time/zoneinfo.zip, not in Debian's golang-go"
)

# Tests whose subtests' own result lines may be lost by the test itself, "package Test":
# only the test's own line is compared (its subtests' failures are in it: testing's Fail
# marks the parent first).
declare -A subtests_unreported=(
  # Go 1.19's TestNohup starts its subtests with `go t.Run(...)` and waits for them with a
  # WaitGroup whose Done each subtest defers inside its own body: TestNohup may return and
  # report (flushToParent, its output flushed once) before the last subtest reports, whose
  # "--- PASS" then goes into TestNohup's spent output buffer and is never printed. Natively
  # too; a slower exit of the subtest's goroutine (run32's, a loaded machine) makes it likely.
  ["os/signal TestNohup"]="its subtests report after it returns, racing its own report"
)

export GOARCH=386 CGO_ENABLED=0 GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-mod=mod GO111MODULE=on
export GOCACHE=$work/cache GOPATH=$work/path GOENV=off
goroot=$(go env GOROOT) || { echo "go env GOROOT failed"; exit 1; }
mkdir -p "$work/bin" "$work/out"

failed=0
for package in "${packages[@]}"; do
  name=${package//\//_}
  binary=$work/bin/$name.test
  # The time package's tests need America/Los_Angeles from Go's own zoneinfo.zip, which
  # Debian's golang-go does not ship: timetzdata embeds it (in that test binary only, so the
  # other packages share one build of the standard library).
  tags=()
  [ "$package" = time ] && tags=(-tags=timetzdata)
  if ! go test -c "${tags[@]}" -o "$binary" "$package" >"$work/out/$name.build" 2>&1; then
    echo "$package: go test -c failed:"
    head -5 "$work/out/$name.build"
    failed=1
    continue
  fi
  (cd "$goroot/src/$package" && "$binary" -test.list '.*') >"$work/out/$name.list" 2>&1
  selected=()
  while read -r test; do
    case $test in Test* | Example* | Fuzz*) ;; *) continue ;; esac
    [ -n "${left_out["$package $test"]+x}" ] && continue
    selected+=("$test")
  done <"$work/out/$name.list"
  if [ "${#selected[@]}" -eq 0 ]; then
    echo "$package: the test binary lists no tests"
    failed=1
    continue
  fi
  pattern="^($(IFS='|'; echo "${selected[*]}"))\$"
  flags=(-test.short -test.v -test.timeout 150s -test.count 1 -test.run "$pattern")
  (cd "$goroot/src/$package" && exec timeout 200 "$binary" "${flags[@]}") \
    >"$work/out/$name.native" 2>&1
  native_status=$?
  (cd "$goroot/src/$package" && exec timeout 200 "${runner[@]}" "$binary" "${flags[@]}") \
    >"$work/out/$name.run32" 2>&1
  run32_status=$?
  # Each "--- PASS: TestX/sub (0.01s)" line, as "TestX/sub PASS".
  results() { grep -oE '^ *--- (PASS|FAIL|SKIP): [^ ]+' "$1" | awk '{print $3, $2}' | tr -d : | sort; }
  unreported='^$'
  for key in "${!subtests_unreported[@]}"; do
    [ "${key%% *}" = "$package" ] && unreported="$unreported|^${key#* }/"
  done
  results "$work/out/$name.native" | grep -Ev "$unreported" >"$work/out/$name.native.results"
  results "$work/out/$name.run32" | grep -Ev "$unreported" >"$work/out/$name.run32.results"
  count=$(wc -l <"$work/out/$name.native.results")
  if [ "$native_status" -ne 0 ] || [ "$count" -eq 0 ]; then
    echo "$package: the native run failed (status $native_status, $count results): no oracle"
    grep -E -- '--- FAIL|^panic' "$work/out/$name.native" | head -5
    failed=1
    continue
  fi
  if [ "$run32_status" -ne "$native_status" ] ||
    ! cmp -s "$work/out/$name.native.results" "$work/out/$name.run32.results"; then
    echo "$package: status native $native_status, run32 $run32_status; results (native <, run32 >):"
    diff "$work/out/$name.native.results" "$work/out/$name.run32.results" | head -20
    tail -15 "$work/out/$name.run32"
    failed=1
    continue
  fi
  echo "$package: $count results, the same ($(grep -c ' PASS$' "$work/out/$name.native.results") PASS, $(grep -c ' SKIP$' "$work/out/$name.native.results") SKIP)"
done
exit "$failed"

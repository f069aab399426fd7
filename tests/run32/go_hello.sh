#!/bin/bash
# A GOARCH=386 Go program natively and under run32. Go's runtime parses the vDSO first
# (runtime.vdsoFindVersion, which died by SIGSEGV on an image without version tables), then
# starts threads. Passes when run32's run is the native one; until run32 serves threads
# (issue #11's threads part), also when the run stops exactly at the runtime's first thread
# creation (newosproc refused with ENOSYS), which comes after the vDSO was parsed. Anything
# else fails: a death by a signal, a stop anywhere else.
# usage: go_hello.sh SYSCOMPAT PROGRAM
set -u
syscompat=$1
program=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
timeout 60 "$program" >"$work/native.out" 2>"$work/native.err"
native_status=$?
timeout 60 "$syscompat" run32 -- "$program" >"$work/run32.out" 2>"$work/run32.err"
run32_status=$?
if [ "$native_status" -ne 0 ] || [ ! -s "$work/native.out" ]; then
  echo "the native run failed (status $native_status): no oracle"
  exit 1
fi
if [ "$run32_status" -eq "$native_status" ] && cmp -s "$work/native.out" "$work/run32.out"; then
  echo "same stdout and exit status as natively"
  exit 0
fi
# Go's fatal errors exit with status 2 and a traceback; the runtime's first thread is
# created from runtime.main, after the vDSO was parsed (runtime.args -> vdsoauxv).
if [ "$run32_status" -eq 2 ] &&
  grep -q 'runtime: failed to create new OS thread (have [0-9]* already; errno=38)' "$work/run32.err" &&
  grep -q '^runtime.newosproc' "$work/run32.err" && grep -q '^runtime.main' "$work/run32.err" &&
  ! grep -q 'vdso' "$work/run32.err"; then
  echo "past the vDSO (runtime.vdsoFindVersion); stopped at the first thread, which run32 refuses yet"
  exit 0
fi
echo "run32: status $run32_status (native $native_status)"
head -20 "$work/run32.err"
exit 1

#!/bin/bash
# A planted run32 bug for go_stdlib.sh: runs the test binary under run32 and turns its first
# "--- PASS" into "--- FAIL", as a run32 that broke one test would. go_stdlib.sh must see it.
# usage: go_planted_runner.sh SYSCOMPAT PROGRAM [ARGS...]
set -o pipefail
syscompat=$1
shift
"$syscompat" run32 -- "$@" 2>&1 | sed '0,/--- PASS/s//--- FAIL/'

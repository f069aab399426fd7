# `syscompat syscalls ABI --json` and `--since`: the documented shapes, real content.
set -eu
bin=$1
"$bin" syscalls i386 --json > "${TMPDIR:-/tmp}/syscompat-i386.json"
python3 - "${TMPDIR:-/tmp}/syscompat-i386.json" <<'PY'
import json, sys
calls = json.load(open(sys.argv[1]))
by = {c["name"]: c for c in calls}
for c in calls:
    assert set(c) >= {"nr", "name", "args", "ret", "since"}, c
    for a in c["args"]:
        assert set(a) == {"name", "type", "dir"}, a
r = by["read"]
assert r["nr"] == 3 and r["since"] and [a["name"] for a in r["args"]] == ["fd", "buf", "count"], r
assert r["args"][1]["dir"] == "out", r
assert by["socket"]["nr"] == 359 and by["socket"]["since"] == "4.3", by["socket"]
assert [c["nr"] for c in calls] == sorted(c["nr"] for c in calls)
PY
"$bin" syscalls i386 | tail -1 | grep -Eq "^i386: [0-9]+ entries, 0 opaque$"
"$bin" syscalls x86_64 | tail -1 | grep -Eq "^x86_64: [0-9]+ entries, 0 opaque$"
# a 4.19 kernel lacks statx? no (4.11); it lacks io_uring_setup (5.1) and clone3 (5.3)
out=$("$bin" syscalls --since 4.19 --abi x86_64)
printf '%s\n' "$out" | grep -q " clone3 " 
printf '%s\n' "$out" | grep -q " io_uring_setup "
! printf '%s\n' "$out" | grep -q " statx "
echo "syscalls json: ok"

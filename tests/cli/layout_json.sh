# `syscompat layout ABI STRUCT --json` prints the documented object, fields with their whole size.
set -eu
bin=$1
out=$("$bin" layout i386 itimerval --json)
python3 - "$out" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
assert set(d) == {"abi", "struct", "size", "align", "fields"}, d
assert d["abi"] == "i386" and d["struct"] == "itimerval" and d["size"] == 16 and d["align"] == 4, d
assert [f["name"] for f in d["fields"]] == ["it_interval", "it_value"], d
assert d["fields"][1] == {"name": "it_value", "offset": 8, "size": 8, "type": "timeval"}, d
PY
"$bin" layout --list | grep -q "^ABIs: i386 x86_64 x32 arm_eabi aarch64 riscv64 mips_o32$"
echo "layout json: ok"

#!/bin/bash
# Debian's busybox-static:i386, applet by applet: each command runs natively (the kernel's
# compat layer) and under `syscompat run32`, in fresh copies of the same fixture directory,
# through `busybox sh -c`; stdout and the exit status must be identical. No field is masked:
# commands whose output depends on the moment (df's free space, ps) are written to print only
# what is stable.
# RUN32_WRAP, when set, goes before the run32 command (the noia32 variant: `syscompat
# oldkernel --no-ia32=kill --`); the native runs stay without it.
# usage: busybox_suite.sh SYSCOMPAT SOURCE_DIR BUSYBOX_DIR
set -u
syscompat=$1
source_dir=$2
busybox_dir=$3
bash "$source_dir/scripts/fetch-busybox-i386.sh" "$busybox_dir" 2>/dev/null ||
  { echo "cannot fetch busybox-static:i386 (scripts/install-deps.sh adds the i386 architecture)"; exit 1; }
bb=$busybox_dir/bin/busybox
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The fixture: files with fixed contents, modes and times.
fixture=$work/fixture
mkdir -p "$fixture/tree/sub/deeper" "$fixture/empty"
seq 1 2000 >"$fixture/numbers"
printf 'banana\napple\ncherry\napple\ndate\n' >"$fixture/fruit"
printf 'one two three\nfour five\nsix\n' >"$fixture/words"
printf 'a:1:x\nb:2:y\nc:3:z\n' >"$fixture/table"
head -c 300000 /dev/zero | tr '\0' 'q' >"$fixture/big"
for i in $(seq 1 30); do echo "file $i" >"$fixture/tree/f$i.txt"; done
echo deep >"$fixture/tree/sub/deeper/leaf"
chmod 640 "$fixture/fruit"
find "$fixture" -exec touch -h -d "2021-02-03 04:05:06 UTC" {} +

commands=(
  'echo hello world'
  'cat fruit'
  'head -n 3 numbers'
  'tail -n 2 numbers'
  'wc -l numbers; wc -w words; wc -c big'
  'sort fruit'
  'sort -u fruit | uniq -c'
  'sort -rn numbers | head -n 3'
  'cut -d: -f2 table'
  'tr a-z A-Z < words'
  'sed -n "2,4p" numbers'
  'sed "s/apple/APPLE/g" fruit'
  'awk -F: "{ s += \$2 } END { print s }" table'
  'grep -n an fruit'
  'grep -c 1 numbers'
  'find tree -name "*.txt" | sort | head -n 5'
  'find tree -type d | sort'
  'du -s tree | cut -f2'
  'stat -c "%s %a %F %n" fruit words tree'
  'ls -l --full-time fruit table'
  'ls -1 tree | wc -l'
  'tar cf t.tar tree && tar tf t.tar | sort | head -n 5'
  'tar cf - tree | tar xf - -C empty && diff -r tree empty/tree && echo same'
  'gzip -c big > big.gz && gunzip -c big.gz | md5sum'
  'gzip -1 -c numbers | gzip -dc | tail -n 1'
  'md5sum fruit words'
  'sha256sum numbers'
  'sha1sum table'
  'seq 1 10 | xargs -n 3 echo'
  'timeout 1 sleep 5; echo "status $?"'
  'sleep 0.1 && echo slept'
  'sh -c "kill -TERM \$\$"; echo "killed: $?"'
  'sleep 5 & kill $!; wait $!; echo "wait: $?"'
  'expr 6 \* 7'
  'basename /a/b/c.txt .txt; dirname /a/b/c.txt'
  'printf "%05d|%-4s|%x\n" 42 ab 255'
  'test -d tree && test ! -e missing && echo tests'
  'false; echo "false: $?"; true; echo "true: $?"'
  'date -u -d @0 +%Y-%m-%dT%H:%M:%S'
  'od -c fruit | head -n 2'
  'hexdump -C table'
  'base64 words | base64 -d'
  'cmp fruit fruit && echo equal; cmp fruit words; echo "cmp: $?"'
  'mkdir -p a/b/c && rmdir a/b/c && ls a'
  'cp fruit copy && mv copy moved && cat moved && rm moved && ls moved; echo "$?"'
  'ln -s fruit link && readlink link && cat link | wc -l'
  'touch -d "2020-01-01 00:00:00" newfile && stat -c %Y newfile'
  'chmod 700 words && stat -c %a words'
  'env -i FOO=bar env'
  'id -u >/dev/null && echo has-uid'
  'echo a b c | (read x y z; echo "$z $y $x")'
  'x=1; (x=2; echo "inner $x"); echo "outer $x"'
  'trap "echo trapped" EXIT; echo before'
  'trap "echo got USR1" USR1; kill -USR1 $$; echo after'
  'yes | head -n 3'
  'rev words'
  'fold -w 5 words'
  'nl fruit'
  'paste -d, fruit fruit | head -n 2'
  'split -l 500 numbers part && ls part* && cat part* | wc -l'
  'dd if=numbers bs=100 count=2 2>/dev/null | wc -c'
  'realpath tree/sub/../sub/deeper'
  'for i in 1 2 3; do echo "loop $i"; done | tac'
  'echo $((1 << 20)) $((7 % 3))'
  'df -P / | tail -n 1 | awk "{ print \$1, \$2 }"'
  'tar czf t.tgz tree && mkdir x && tar xzf t.tgz -C x && diff -r tree x/tree && echo round-trip'
  'port=$((20000 + $$ % 20000)); httpd -f -p 127.0.0.1:$port -h . & sleep 0.5; wget -q -O - http://127.0.0.1:$port/fruit; kill $!'
  'uname -s -m'
  'ifconfig lo | grep -v -e packets -e bytes -e collisions'
  'ifconfig -a | grep -c Loopback'
  'ip -o addr show lo | awk "{ print \$2, \$3, \$4 }"'
  'lsattr fruit; chattr +A fruit && lsattr fruit; chattr -A fruit && lsattr fruit'
  'exit 3'
  'nonexistent-command'
  'cat missing-file'
)

passed=0
failed=0
for command in "${commands[@]}"; do
  for kind in native run32; do
    # The same path both times (realpath, pwd), a fresh copy each time.
    rm -rf "$work/run" && cp -a "$fixture" "$work/run"
    runner=()
    [ "$kind" = run32 ] && runner=(${RUN32_WRAP:-} "$syscompat" run32)
    (cd "$work/run" && exec timeout 60 "${runner[@]}" "$bb" sh -c "$command" >"$work/$kind.out" 2>"$work/$kind.err")
    echo $? >"$work/$kind.status"
  done
  if cmp -s "$work/native.out" "$work/run32.out" && cmp -s "$work/native.status" "$work/run32.status"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "DIFFERS: $command (status native $(cat "$work/native.status"), run32 $(cat "$work/run32.status"))"
    diff "$work/native.out" "$work/run32.out" | head -10
    head -5 "$work/run32.err"
  fi
done
echo "$passed/$((passed + failed)) busybox commands identical natively and under run32"
[ "$failed" -eq 0 ]

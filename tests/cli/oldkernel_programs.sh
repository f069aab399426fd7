# Real programs under `syscompat oldkernel`: Debian's coreutils (ls -l, stat, cp, mv, du),
# tar, find and python3 give the same output under 3.10, 4.4, 4.19 and 5.4 as without it;
# and oldkernel_demo (built on libsys: statx, openat2, close_range, clone3, faccessat2,
# renameat2, pipe2, getrandom) prints the same under every release from 3.10 to this kernel.
set -u
# Debian's own programs (coreutils, tar, findutils, python3), not whatever PATH finds first.
export PATH=/usr/bin:/bin
bin=$1
demo=$3
demo_shared=$5
fail() { echo "FAIL: $*" >&2; exit 1; }
scratch=$(mktemp -d /tmp/oldkernel-programs-XXXXXX)
trap 'rm -rf "$scratch"' EXIT

# A small tree: files, a directory, a symlink, a hard link, a FIFO-free everything tar knows.
base=$scratch/base
mkdir -p "$base/sub/deeper"
printf 'alpha\n' >"$base/a.txt"
head -c 100000 /dev/zero | tr '\0' 'z' >"$base/sub/big"
printf 'gamma\n' >"$base/sub/deeper/c"
ln -s a.txt "$base/link"
ln "$base/a.txt" "$base/hard"
chmod 0751 "$base/sub"
touch -d '2020-01-02 03:04:05' "$base"/a.txt "$base"/sub/big "$base"/sub/deeper/c
cat "$base"/a.txt "$base"/sub/big "$base"/sub/deeper/c >/dev/null  # settle atimes first

# Every program, prefixed by $@ (nothing, or the oldkernel command), in a fresh copy.
suite() {
  rm -rf "$scratch/work" && cp -a "$base" "$scratch/work" && cd "$scratch/work" || exit 1
  echo "== ls"; "$@" ls -l --time-style=+%F.%T . sub
  echo "== stat"; "$@" stat --format='%n %s %a %F %h %U %G %Y' a.txt link hard sub sub/big
  echo "== cp"; "$@" cp -a sub sub-copy && "$@" cp a.txt plain-copy && ls -lR --time-style=+X sub-copy plain-copy
  echo "== mv"; "$@" mv plain-copy moved && "$@" mv sub-copy sub-moved && ls -R .
  echo "== du"; "$@" du -a --apparent-size . | sort -k2
  echo "== tar"; "$@" tar -cf "$scratch/t.tar" --sort=name --mtime=2020-01-01 --owner=0 --group=0 sub a.txt link &&
    "$@" tar -tvf "$scratch/t.tar" && mkdir untar && "$@" tar -xf "$scratch/t.tar" -C untar && "$@" find untar | sort
  echo "== find"; "$@" find . -name '*.txt' -o -type l -printf '%p -> %l\n' | sort
  echo "== python"; "$@" python3 -c '
import os, subprocess, random, hashlib, tempfile, shutil
print(sorted(os.listdir(".")))
print(os.stat("a.txt").st_size, oct(os.lstat("link").st_mode))
print(subprocess.run(["cat", "a.txt"], capture_output=True).stdout)
random.seed(1); print(random.random())
print(hashlib.sha256(open("sub/big", "rb").read()).hexdigest())
with tempfile.TemporaryDirectory(dir=".") as d:
    shutil.copy("a.txt", d); print(os.listdir(d))
print(len(os.urandom(16)))'
  cd "$scratch" || exit 1
}

suite >"$scratch/native.txt" 2>&1
grep -q '== python' "$scratch/native.txt" || fail "the suite did not run"
for release in 3.10 4.4 4.19 5.4; do
  suite "$bin" oldkernel --release "$release" -- >"$scratch/old.txt" 2>&1
  diff -u "$scratch/native.txt" "$scratch/old.txt" >&2 || fail "output differs under --release $release"
done

# The comparison is trusted because it sees a difference where there is one: a program
# that prints whether statx exists differs between 4.10 and now.
probe='import ctypes; l = ctypes.CDLL(None); print(l.syscall(332, -100, b"/", 0, 0xfff, ctypes.create_string_buffer(256)))'
[ "$(python3 -c "$probe")" != "$("$bin" oldkernel --release 4.10 -- python3 -c "$probe")" ] ||
  fail "the filter made no visible difference"

# The libsys demo, under every X.Y from 3.10 to the running kernel.
mkdir -p "$scratch/demo"
"$demo" "$scratch/demo" >"$scratch/demo-native.txt" 2>"$scratch/demo-native.err" || fail "demo failed"
grep -q 'fallbacks taken: $' "$scratch/demo-native.err" || fail "native demo took a fallback"
running=$(uname -r | sed -E 's/^([0-9]+)\.([0-9]+).*/\1 \2/')
read -r run_major run_minor <<<"$running"
checked=0
for major in 3 4 5 6; do
  for minor in $(seq 0 20); do
    [ "$major" -eq 3 ] && [ "$minor" -lt 10 ] && continue
    [ "$major" -eq 3 ] && [ "$minor" -gt 19 ] && continue
    [ "$major" -eq 4 ] && [ "$minor" -gt 20 ] && continue
    [ "$major" -eq 5 ] && [ "$minor" -gt 19 ] && continue
    { [ "$major" -gt "$run_major" ] || { [ "$major" -eq "$run_major" ] && [ "$minor" -gt "$run_minor" ]; }; } && continue
    "$bin" oldkernel --release "$major.$minor" -- "$demo" "$scratch/demo" >"$scratch/demo-old.txt" 2>"$scratch/demo-old.err" ||
      fail "demo failed under $major.$minor"
    diff -u "$scratch/demo-native.txt" "$scratch/demo-old.txt" >&2 || fail "demo differs under $major.$minor"
    checked=$((checked + 1))
    if [ "$major.$minor" = 3.10 ]; then
      grep -q 'fallbacks taken: clone3,close_range,faccessat2,getrandom,openat2,renameat2,statx$' \
        "$scratch/demo-old.err" || fail "under 3.10 the demo took: $(cat "$scratch/demo-old.err")"
    fi
  done
done
# The demo built against libsys.so behaves the same, fallbacks included.
for release in 3.10 5.4; do
  "$bin" oldkernel --release "$release" -- "$demo_shared" "$scratch/demo" >"$scratch/demo-old.txt" \
    2>"$scratch/demo-old.err" || fail "shared demo failed under $release"
  diff -u "$scratch/demo-native.txt" "$scratch/demo-old.txt" >&2 || fail "shared demo differs under $release"
done
grep -q 'fallbacks taken: close_range,faccessat2,openat2$' "$scratch/demo-old.err" ||
  fail "shared demo under 5.4 took: $(cat "$scratch/demo-old.err")"
echo "oldkernel programs: ok ($checked releases for the demo)"

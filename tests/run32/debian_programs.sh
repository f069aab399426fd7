#!/bin/bash
# Debian's own multithreaded i386 programs, fetched into the build tree (apt-get download,
# dpkg -x: nothing installed) and run from there with the system's i386 libc (libc6-i386),
# natively (the kernel's compat layer: the oracle) and under `syscompat run32`: the same
# stdout and exit status. Python's threading.Thread and concurrent.futures' pool, xz -T4,
# zstd -T4 and pigz -p4 on inputs cut so that each thread gets blocks, and `git clone` over
# file:// (git-upload-pack and pack-objects/index-pack as i386 children, run32 again).
# Exits with 77 (ctest's SKIP_RETURN_CODE) only when the packages cannot be downloaded.
# usage: debian_programs.sh SYSCOMPAT SOURCE_DIR WORK_DIR
set -u
syscompat=$1
source_dir=$2
work=$3
root=$work/root
packages=(python3.11-minimal:i386 libpython3.11-minimal:i386 libpython3.11-stdlib:i386
  libexpat1:i386 zlib1g:i386 libffi8:i386 xz-utils:i386 liblzma5:i386 zstd:i386
  libzstd1:i386 liblz4-1:i386 pigz:i386 git:i386 libpcre2-8-0:i386)
if ! bash "$source_dir/scripts/fetch-i386-packages.sh" "$root" "${packages[@]}"; then
  echo "SKIP: cannot download the i386 packages (apt-get download; scripts/install-deps.sh adds the i386 architecture)"
  exit 77
fi
export LD_LIBRARY_PATH=$root/usr/lib/i386-linux-gnu:$root/lib/i386-linux-gnu
export PYTHONHOME=$root/usr PYTHONDONTWRITEBYTECODE=1
export GIT_EXEC_PATH=$root/usr/lib/git-core GIT_CONFIG_NOSYSTEM=1 HOME=$work
export GIT_AUTHOR_DATE="2026-01-01T00:00:00Z" GIT_COMMITTER_DATE="2026-01-01T00:00:00Z"
export GIT_AUTHOR_NAME=run32 GIT_AUTHOR_EMAIL=run32@example.org
export GIT_COMMITTER_NAME=run32 GIT_COMMITTER_EMAIL=run32@example.org
export PATH=$root/usr/bin:$PATH
bin=$root/usr/bin
data=$work/data
rm -rf "$data" && mkdir -p "$data"
seq 1 1000000 >"$data/input"  # 6.9 MB of text

# The source repository for the clones, made by the i386 git natively: 30 commits.
"$bin/git" init -q -b main "$data/origin"
for i in $(seq 1 30); do
  seq "$i" 5000 >"$data/origin/file$((i % 7))"
  "$bin/git" -C "$data/origin" add -A && "$bin/git" -C "$data/origin" commit -q -m "commit $i"
done

cat >"$data/threads.py" <<'EOF'
import concurrent.futures, hashlib, threading
lock = threading.Lock()
total = [0]
def work(n):
    s = sum(i * i for i in range(n * 2000))
    with lock:
        total[0] += s
threads = [threading.Thread(target=work, args=(k,)) for k in range(16)]
for t in threads: t.start()
for t in threads: t.join()
print("threading.Thread x16:", total[0])
with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
    digests = list(pool.map(lambda k: hashlib.sha256(str(k).encode()).hexdigest()[:12], range(40)))
print("ThreadPoolExecutor(4):", " ".join(digests))
print("threads left:", threading.active_count())
EOF

# Each case: a shell command line where "$RUN" prefixes every i386 program ("" natively).
cases=(
  "python3 threads|\$RUN $bin/python3.11 $data/threads.py"
  "xz -T4|\$RUN $bin/xz -T4 --block-size=1MiB -c $data/input >\$OUT.xz && \$RUN $bin/xz -T4 -dc \$OUT.xz | cmp - $data/input && sha256sum <\$OUT.xz"
  "zstd -T4|\$RUN $bin/zstd -q -T4 -B1MiB -c $data/input >\$OUT.zst && \$RUN $bin/zstd -q -T4 -dc \$OUT.zst | cmp - $data/input && sha256sum <\$OUT.zst"
  "pigz -p4|\$RUN $bin/pigz -p4 -c $data/input >\$OUT.gz && \$RUN $bin/pigz -p4 -dc \$OUT.gz | cmp - $data/input && sha256sum <\$OUT.gz"
  "git clone file://|rm -rf \$OUT.clone && \$RUN $bin/git clone -q --no-hardlinks file://$data/origin \$OUT.clone && \$RUN $bin/git -C \$OUT.clone log --format='%H %s' | head -3 && \$RUN $bin/git -C \$OUT.clone fsck --full && \$RUN $bin/git -C \$OUT.clone ls-files -s"
)

failed=0
for entry in "${cases[@]}"; do
  name=${entry%%|*}
  command=${entry#*|}
  RUN="" OUT=$data/native bash -c "$command" >"$data/native.out" 2>"$data/native.err"
  native_status=$?
  RUN="$syscompat run32 --" OUT=$data/run32 bash -c "$command" >"$data/run32.out" 2>"$data/run32.err"
  run32_status=$?
  if [ "$native_status" -ne 0 ] || [ ! -s "$data/native.out" ]; then
    echo "$name: the native run failed (status $native_status): no oracle"
    head -5 "$data/native.err"
    failed=1
  elif [ "$run32_status" -ne "$native_status" ] || ! cmp -s "$data/native.out" "$data/run32.out"; then
    echo "$name: status native $native_status, run32 $run32_status; stdout (native <, run32 >):"
    diff "$data/native.out" "$data/run32.out" | head -20
    head -10 "$data/run32.err"
    failed=1
  else
    echo "$name: same stdout ($(wc -l <"$data/native.out") lines) and exit status"
  fi
done
exit "$failed"

#!/bin/bash
# CPython's own regression tests (Debian's i386 python3.11 and its libpython3.11-testsuite)
# for the modules that exercise the kernel most: files, descriptors, mmap, ptys, select,
# poll and epoll, resources, processes, threads and their signals. Each runs natively (the
# kernel's compat layer: the oracle) and under `syscompat run32`, with `-j2` (worker
# processes talking over pipes); every test case that passes natively must pass under run32,
# and a case skipped natively must be skipped there too (python_regrtest_compare.py).
# --plant: the run32 side gets a sitecustomize that adds 1 to every st_size os.stat and
# os.fstat report, as a wrong stat conversion would, for the three modules that stat files
# most: the comparison must fail.
# Exits with 77 (ctest's SKIP_RETURN_CODE) only when the packages cannot be downloaded.
# usage: python_regrtest.sh SYSCOMPAT SOURCE_DIR WORK_DIR [--plant]
set -u
syscompat=$(realpath "$1")
source_dir=$2
work=$(realpath -m "$3")
plant=${4:-}
root=$work/root
packages=(python3.11-minimal:i386 libpython3.11-minimal:i386 libpython3.11-stdlib:i386
  libexpat1:i386 zlib1g:i386 libffi8:i386 libpython3.11-testsuite)
if ! bash "$source_dir/scripts/fetch-i386-packages.sh" "$root" "${packages[@]}"; then
  echo "SKIP: cannot download the i386 packages (apt-get download; scripts/install-deps.sh adds the i386 architecture)"
  exit 77
fi
export LD_LIBRARY_PATH=$root/usr/lib/i386-linux-gnu:$root/lib/i386-linux-gnu
export PYTHONHOME=$root/usr PYTHONDONTWRITEBYTECODE=1
python=$root/usr/bin/python3.11
modules=(test_fcntl test_select test_epoll test_mmap test_os test_posix test_resource test_pty
  test_fileio test_shutil test_tempfile test_subprocess test_thread test_threading
  test_threadsignals test_faulthandler)
[ -n "$plant" ] && modules=(test_os test_shutil test_tempfile)  # the ones that stat files
out=$work/out${plant:+-planted}
rm -rf "$out" && mkdir -p "$out/site"
if [ -n "$plant" ]; then
  cat >"$out/site/sitecustomize.py" <<'PLANT'
import os
def _off_by_one(real):
    def stat(*args, **kwargs):
        result = list(real(*args, **kwargs))
        result[6] += 1  # st_size
        return os.stat_result(result)
    return stat
os.stat, os.fstat, os.lstat = _off_by_one(os.stat), _off_by_one(os.fstat), _off_by_one(os.lstat)
PLANT
fi
# Both runs in a folder of their own; regrtest's own time limit per test file.
(cd "$out" && mkdir native && cd native &&
  "$python" -m test -j2 --timeout 240 --junit-xml "$out/native.xml" "${modules[@]}" >"$out/native.log" 2>&1)
(cd "$out" && mkdir run32 && cd run32 &&
  PYTHONPATH=${plant:+$out/site} "$syscompat" run32 -- "$python" -m test -j2 --timeout 240 \
    --junit-xml "$out/run32.xml" "${modules[@]}" >"$out/run32.log" 2>&1)
env -u PYTHONHOME -u LD_LIBRARY_PATH python3 "$source_dir/tests/run32/python_regrtest_compare.py" "$out/native.xml" "$out/run32.xml" ||
  { tail -40 "$out/run32.log"; exit 1; }

// A program as built against libsys 1.0: it passes the v1 layouts (syscompat/symver/v1.hpp)
// to the C entry points and is linked with the v1 library, so it needs __sys_stat@LIBSYS_1.0
// and friends. tests/cli/symver_old_binary.sh runs it against the current libsys.so.
//   old_program stat PATH           the four stat calls: ino, size, mtime, or the errno name
//   old_program time [--past-2038]  clock_gettime, clock_getres, gettimeofday; --past-2038
//                                   makes the kernel's answer 2^31 s later (a libsys layer)
//   old_program utimensat PATH SEC  sets PATH's atime and mtime to SEC
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string_view>
#include <type_traits>

#include "syscompat/libsys/dispatch.hpp"
#include "syscompat/libsys/entries.hpp"
#include "syscompat/symver/v1.hpp"

namespace v1 = syscompat::symver::v1;
namespace sys = syscompat::sys;

namespace {

// libsys 1.0's entry points took void* where today's libsys.h names its x86_64 structs: the
// old program's v1 buffers go through as the untyped pointers they were.
struct Untyped {
  void* pointer;
  template <class T>
  operator T*() const {
    return static_cast<T*>(pointer);
  }
};
template <class T>
Untyped untyped(T* pointer) {
  return {const_cast<std::remove_const_t<T>*>(pointer)};
}

void print_stat(const char* call, long result, const v1::stat& st) {
  if (result != 0)
    std::printf("%s error=%s\n", call, strerrorname_np(errno));
  else
    std::printf("%s ino=%lu size=%lu mtime=%lu\n", call,
                static_cast<unsigned long>(st.st_ino.get()),
                static_cast<unsigned long>(st.st_size.get()),
                static_cast<unsigned long>(st.st_mtime_sec.get()));
}

template <class T>
void print_time(const char* call, long result, const T& value, long fraction) {
  if (result != 0)
    std::printf("%s error=%s\n", call, strerrorname_np(errno));
  else
    std::printf("%s sec=%ld frac=%ld\n", call, static_cast<long>(value.tv_sec.get()), fraction);
}

// A layer below the program: the kernel's time, 2^31 seconds later (past 2038 for time32).
long later(const sys::Handler& self, const sys::Call& call) {
  const long result = (*self.next)(call);
  const int buffer_arg = call.nr == sys::nr::gettimeofday ? 0 : 1;
  if (result == 0 && call.args[buffer_arg] != 0)
    *reinterpret_cast<std::int64_t*>(call.args[buffer_arg]) += std::int64_t{1} << 31;
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view mode = argc > 1 ? argv[1] : "";
  if (mode == "stat" && argc == 3) {
    v1::stat st{};
    print_stat("stat", __sys_stat(argv[2], untyped(&st)), st);
    print_stat("lstat", __sys_lstat(argv[2], untyped(&st)), st);
    print_stat("newfstatat", __sys_newfstatat(AT_FDCWD, argv[2], untyped(&st), 0), st);
    const int fd = open(argv[2], O_RDONLY);
    print_stat("fstat", __sys_fstat(fd, untyped(&st)), st);
    return 0;
  }
  if (mode == "time" && (argc == 2 || (argc == 3 && std::string_view(argv[2]) == "--past-2038"))) {
    if (argc == 3) {
      sys::install_layer(sys::nr::clock_gettime, later, nullptr);
      sys::install_layer(sys::nr::gettimeofday, later, nullptr);
    }
    v1::timespec ts{};
    long result = __sys_clock_gettime(CLOCK_REALTIME, untyped(&ts));
    print_time("clock_gettime", result, ts, ts.tv_nsec.get());
    result = __sys_clock_getres(CLOCK_MONOTONIC, untyped(&ts));
    print_time("clock_getres", result, ts, ts.tv_nsec.get());
    v1::timeval tv{};
    result = __sys_gettimeofday(untyped(&tv), nullptr);
    print_time("gettimeofday", result, tv, tv.tv_usec.get());
    return 0;
  }
  if (mode == "utimensat" && argc == 4) {
    v1::timespec times[2]{};
    for (auto& t : times) t.tv_sec.set(static_cast<std::int32_t>(std::atol(argv[3])));
    const long result = __sys_utimensat(AT_FDCWD, argv[2], untyped(times), 0);
    std::printf("utimensat %s\n", result == 0 ? "ok" : strerrorname_np(errno));
    return result == 0 ? 0 : 1;
  }
  std::fprintf(stderr, "usage: old_program stat PATH | time [--past-2038] | utimensat PATH SEC\n");
  return 2;
}

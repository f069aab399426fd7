// The compat stubs of the current libsys.so, reached as an old binary reaches them
// (dlvsym __sys_<name>@LIBSYS_1.0): the v1 layout of the same values, and EOVERFLOW when an
// inode, a size or a time does not fit it. The kernel's answer is altered by a libsys layer
// below the stub, so the values past the limits need no special file system or clock.
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdint>
#include <ctime>

#include "syscompat/libsys/dispatch.hpp"
#include "syscompat/libsys/entries.hpp"
#include "syscompat/symver/v1.hpp"

namespace sys = syscompat::sys;
namespace v1 = syscompat::symver::v1;
namespace current = syscompat::symver::current;

namespace {

template <class Fn>
Fn* compat(const char* name) {
  void* symbol = dlvsym(RTLD_DEFAULT, name, "LIBSYS_1.0");
  REQUIRE(symbol != nullptr);
  REQUIRE(symbol != dlsym(RTLD_DEFAULT, name));  // the default is the current layout
  return reinterpret_cast<Fn*>(symbol);
}
using StatFn = long(const char*, void*);
using ClockFn = long(std::int32_t, void*);

// What the layer writes into the kernel's (native) answer.
struct Plant {
  std::uint64_t ino = 0, size = 0, mtime = 0;
  std::int64_t clock_sec = 0;
};
Plant plant;

long plant_stat(const sys::Handler& self, const sys::Call& call) {
  const long result = sys::call_next(self, call);
  auto* st = reinterpret_cast<current::stat*>(call.args[1]);
  if (plant.ino) st->st_ino.set(plant.ino);
  if (plant.size) st->st_size.set(static_cast<std::int64_t>(plant.size));
  if (plant.mtime) st->st_mtime_sec.set(plant.mtime);
  return result;
}
long plant_clock(const sys::Handler& self, const sys::Call& call) {
  const long result = sys::call_next(self, call);
  reinterpret_cast<current::timespec*>(call.args[1])->tv_sec.set(plant.clock_sec);
  return result;
}

// stat of this test's own executable through the compat stub, with `with` planted.
long compat_stat(const Plant& with, v1::stat& out) {
  plant = with;
  const auto* layer = sys::install_layer(sys::nr::stat, plant_stat, nullptr);
  errno = 0;
  const long result = compat<StatFn>("__sys_stat")("/proc/self/exe", &out);
  sys::remove_layer(sys::nr::stat, layer);
  return result;
}

}  // namespace

TEST_CASE("symver: __sys_stat@LIBSYS_1.0 gives the v1 layout of the native values", "[symver]") {
  struct stat native {};
  REQUIRE(stat("/proc/self/exe", &native) == 0);
  v1::stat old{};
  REQUIRE(compat<StatFn>("__sys_stat")("/proc/self/exe", &old) == 0);
  CHECK(old.st_ino.get() == native.st_ino);
  CHECK(old.st_size.get() == static_cast<std::uint64_t>(native.st_size));
  CHECK(old.st_mtime_sec.get() == static_cast<std::uint64_t>(native.st_mtim.tv_sec));
  CHECK(old.st_mode.get() == native.st_mode);
  // A native error stays the kernel's: -1 and its errno.
  errno = 0;
  CHECK(compat<StatFn>("__sys_stat")("/nonexistent/symver", &old) == -1);
  CHECK(errno == ENOENT);
}

TEST_CASE("symver: the v1 stat refuses an inode, a size or a time it cannot hold", "[symver]") {
  v1::stat old{};
  // The largest values that fit pass through unchanged.
  REQUIRE(compat_stat({.ino = 0xffffffff, .size = 0x7fffffff, .mtime = 0xffffffff}, old) == 0);
  CHECK(old.st_ino.get() == 0xffffffff);
  CHECK(old.st_size.get() == 0x7fffffff);
  CHECK(old.st_mtime_sec.get() == 0xffffffff);
  // One past: EOVERFLOW, as the kernel's cp_compat_stat (size: MAX_NON_LFS).
  for (const Plant& too_big :
       {Plant{.ino = 0x100000000}, Plant{.size = 0x80000000}, Plant{.mtime = 0x100000000}}) {
    CHECK(compat_stat(too_big, old) == -1);
    CHECK(errno == EOVERFLOW);
  }
}

TEST_CASE("symver: __sys_clock_gettime@LIBSYS_1.0 holds times up to 2038 and refuses later",
          "[symver]") {
  v1::timespec old{};
  for (const std::int64_t sec : {std::int64_t{0x7fffffff}, std::int64_t{0x80000000}}) {
    plant.clock_sec = sec;
    const auto* layer = sys::install_layer(sys::nr::clock_gettime, plant_clock, nullptr);
    errno = 0;
    const long result = compat<ClockFn>("__sys_clock_gettime")(CLOCK_REALTIME, &old);
    sys::remove_layer(sys::nr::clock_gettime, layer);
    if (sec == 0x7fffffff) {
      CHECK(result == 0);
      CHECK(old.tv_sec.get() == 0x7fffffff);
    } else {
      CHECK(result == -1);
      CHECK(errno == EOVERFLOW);
    }
  }
}

TEST_CASE("symver: __sys_utimensat@LIBSYS_1.0 widens 32-bit times, UTIME_OMIT included",
          "[symver]") {
  char name[] = "/tmp/symver-utimensat-XXXXXX";
  const int fd = mkstemp(name);
  REQUIRE(fd >= 0);
  close(fd);
  using UtimensatFn = long(std::int32_t, const char*, const void*, std::int32_t);
  v1::timespec times[2]{};
  times[0].tv_nsec.set(UTIME_OMIT);  // atime untouched
  times[1].tv_sec.set(-86400);       // a negative (pre-1970) mtime, sign kept when widened
  CHECK(compat<UtimensatFn>("__sys_utimensat")(AT_FDCWD, name, times, 0) == 0);
  struct stat st {};
  REQUIRE(stat(name, &st) == 0);
  CHECK(st.st_mtim.tv_sec == -86400);
  CHECK(st.st_atim.tv_sec > 0);
  unlink(name);
}

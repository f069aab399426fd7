// libsys's compat stubs: the LIBSYS_1.0 entry points of the calls a transition moved
// (versions.hpp). Each makes the current call on native layouts and converts with
// translators::convert under v1::narrowing: EOVERFLOW when a value does not fit, never a
// truncated value. The .symver directives binding them to __sys_<name>@LIBSYS_1.0 are
// generated (compat_symvers.inc), as is the version script.
#include <cerrno>
#include <cstring>

#include "syscompat/libsys/entries.hpp"
#include "syscompat/symver/v1.hpp"
#include "syscompat/translators/convert.hpp"

namespace sys = syscompat::sys;
namespace v1 = syscompat::symver::v1;
namespace current = syscompat::symver::current;
using syscompat::translators::convert;

namespace {

long fail(int error) {
  sys::detail::set_errno(error);
  return -1;
}

// Runs `call` on a native Native, then hands its value to the caller as Old (when `out`
// is not null; the kernel's own checks decide what a null pointer means).
template <class Old, class Native, class Call>
long call_out(void* out, Call&& call) {
  Native native{};
  const auto result = call(out ? static_cast<void*>(&native) : nullptr);
  if (!result) return fail(result.error());
  if (out) {
    Old old{};
    if (const int error = convert(native, old, v1::narrowing)) return fail(error);
    std::memcpy(out, &old, sizeof old);
  }
  return result.value();
}

}  // namespace

// Exported (libsys's core is built with hidden visibility) under the names the generated
// .symver directives bind.
#define COMPAT_STUB SYSCOMPAT_LIBSYS_API long

extern "C" {

COMPAT_STUB __sys_stat_LIBSYS_1_0(const char* filename, void* statbuf) {
  return call_out<v1::stat, current::stat>(statbuf,
                                           [&](void* buf) { return sys::stat(filename, buf); });
}
COMPAT_STUB __sys_lstat_LIBSYS_1_0(const char* filename, void* statbuf) {
  return call_out<v1::stat, current::stat>(statbuf,
                                           [&](void* buf) { return sys::lstat(filename, buf); });
}
COMPAT_STUB __sys_fstat_LIBSYS_1_0(std::int32_t fd, void* statbuf) {
  return call_out<v1::stat, current::stat>(statbuf, [&](void* buf) { return sys::fstat(fd, buf); });
}
COMPAT_STUB __sys_newfstatat_LIBSYS_1_0(std::int32_t dfd, const char* filename, void* statbuf,
                                        std::int32_t flag) {
  return call_out<v1::stat, current::stat>(
      statbuf, [&](void* buf) { return sys::newfstatat(dfd, filename, buf, flag); });
}
COMPAT_STUB __sys_clock_gettime_LIBSYS_1_0(std::int32_t which_clock, void* tp) {
  return call_out<v1::timespec, current::timespec>(
      tp, [&](void* buf) { return sys::clock_gettime(which_clock, buf); });
}
COMPAT_STUB __sys_clock_getres_LIBSYS_1_0(std::int32_t which_clock, void* tp) {
  return call_out<v1::timespec, current::timespec>(
      tp, [&](void* buf) { return sys::clock_getres(which_clock, buf); });
}
COMPAT_STUB __sys_gettimeofday_LIBSYS_1_0(void* tv, void* tz) {
  // struct timezone has the same layout in both: it passes through.
  return call_out<v1::timeval, current::timeval>(
      tv, [&](void* buf) { return sys::gettimeofday(buf, tz); });
}
COMPAT_STUB __sys_utimensat_LIBSYS_1_0(std::int32_t dfd, const char* filename, const void* utimes,
                                       std::int32_t flags) {
  // The times go in: widening always fits (UTIME_NOW and UTIME_OMIT included).
  if (!utimes) return __sys_utimensat(dfd, filename, nullptr, flags);
  v1::timespec old[2];
  current::timespec native[2];
  std::memcpy(old, utimes, sizeof old);
  for (int i = 0; i < 2; ++i)
    if (const int error = convert(old[i], native[i], v1::narrowing)) return fail(error);
  // The description's x86_64 timespec and libsys.h's struct are one layout (both checked).
  static_assert(sizeof native[0] == sizeof(libsys_timespec));
  return __sys_utimensat(dfd, filename, reinterpret_cast<const libsys_timespec*>(native), flags);
}

}  // extern "C"

#include SYSCOMPAT_COMPAT_SYMVERS

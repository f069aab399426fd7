// errno for the C API without depending on a libc: the libc's __errno_location when one is
// linked (a weak reference: libsys.so has no DT_NEEDED on libc, and a freestanding static
// program has none), else the location a runtime without libc names with
// libsys_set_errno_location. With neither, the C API still returns -1 and the error is lost;
// the C++ API (Result) and libsys_dispatch return it as a value and never need errno.
#include <atomic>

#include "syscompat/libsys/dispatch.hpp"

extern "C" int* __errno_location() __attribute__((weak));

namespace {
constinit std::atomic<int* (*)()> errno_hook{nullptr};
}  // namespace

namespace syscompat::sys::detail {

void set_errno(int error) {
  if (auto* hook = errno_hook.load(std::memory_order_relaxed))
    *hook() = error;
  else if (&__errno_location != nullptr)
    *__errno_location() = error;
}

}  // namespace syscompat::sys::detail

extern "C" SYSCOMPAT_LIBSYS_API void libsys_set_errno_location(int* (*location)()) {
  errno_hook.store(location, std::memory_order_relaxed);
}

// An installed libsys, used from another project: both APIs and a fallback's presence.
#include <unistd.h>

#include <cstdio>

#include "syscompat/libsys/entries.hpp"
#include "syscompat/libsys/fallbacks.hpp"

int main() {
  const auto ppid = syscompat::sys::getppid();
  const bool ok = ppid.ok() && ppid.value() == getppid() && __sys_getpid() == getpid() &&
                  syscompat::sys::find_fallback(syscompat::sys::nr::statx) != nullptr;
  std::puts(ok ? "libsys consumer: ok" : "libsys consumer: FAILED");
  return ok ? 0 : 1;
}

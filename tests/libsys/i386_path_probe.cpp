// Makes three calls through the i386 entry path (int $0x80 from this 64-bit process), with
// the i386 numbers from the description, and prints the errno of each: statx and the direct
// socket call (both refused by an old release's filter) and socketcall (never refused).
// Arguments are zero: the point is ENOSYS versus any other answer.
#include <cstdio>
#include <cstring>

#include "syscompat/abi/syscalls.hpp"

namespace abi = syscompat::abi;

namespace {
long int80(unsigned number) {
  long result;
  __asm__ volatile("int $0x80"
                   : "=a"(result)
                   : "a"(number), "b"(0), "c"(0), "d"(0), "S"(0), "D"(0)
                   : "memory");
  return result;
}
}  // namespace

int main() {
  for (const char* name : {"statx", "socket", "socketcall", "close_range"}) {
    const auto* call = abi::find_syscall(abi::Abi::i386, name);
    if (call == nullptr) return 2;
    const long r = static_cast<int>(int80(call->number));
    std::printf("%s=%s\n", name, r < 0 ? strerrorname_np(static_cast<int>(-r)) : "ok");
  }
  return 0;
}

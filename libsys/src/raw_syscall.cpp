// The one place libsys executes the `syscall` instruction.
#include "syscompat/libsys/dispatch.hpp"

namespace syscompat::sys {

long raw_syscall(const Call& call) {
  long result;
  register long r10 __asm__("r10") = static_cast<long>(call.args[3]);
  register long r8 __asm__("r8") = static_cast<long>(call.args[4]);
  register long r9 __asm__("r9") = static_cast<long>(call.args[5]);
  // rcx and r11 are clobbered by the instruction itself (return address and rflags).
  __asm__ volatile("syscall"
                   : "=a"(result)
                   : "a"(static_cast<long>(call.nr)), "D"(call.args[0]), "S"(call.args[1]),
                     "d"(call.args[2]), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return result;
}

}  // namespace syscompat::sys

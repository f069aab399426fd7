// raw_syscall: syscall_instruction (dispatch.hpp, the one place with the instruction) out of
// line, for the kernel handler and the layers' own I/O.
#include "syscompat/libsys/dispatch.hpp"

namespace syscompat::sys {

long raw_syscall(const Call& call) {
  return syscall_instruction(call);
}

}  // namespace syscompat::sys

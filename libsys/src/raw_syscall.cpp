// raw_syscall: syscall_instruction (dispatch.hpp, the one place with the instruction) out of
// line, in libsys_text, for the kernel handler, the layers' own I/O and the core's own calls.
#include "syscompat/libsys/dispatch.hpp"

namespace syscompat::sys {

SYSCOMPAT_LIBSYS_TEXT long raw_syscall(const Call& call) {
  return syscall_instruction(call);
}

}  // namespace syscompat::sys

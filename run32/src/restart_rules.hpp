// Which interrupted guest calls the kernel makes again after an SA_RESTART handler: the ones
// that answer ERESTARTSYS. The rest answer EINTR whenever a handler runs (signal(7),
// "Interruption of system calls and library functions by signal handlers").
#pragma once

#include <array>
#include <cstdint>

#include "syscompat/translators/guest_memory.hpp"

namespace syscompat::run32 {

// Whether the i386 call `number` with these argument registers, interrupted by a handler
// with SA_RESTART, is restarted by the kernel. Reads the socketcall multiplexer's
// arguments from guest memory and the socket's timeouts from the kernel.
bool kernel_restarts(std::uint32_t number, const std::array<std::uint32_t, 6>& arguments,
                     const translators::GuestMemory& memory);

}  // namespace syscompat::run32

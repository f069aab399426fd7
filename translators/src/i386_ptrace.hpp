// ptrace for an i386 tracer: arch/x86/kernel/ptrace.c's compat_arch_ptrace (ia32_arch_ptrace)
// and kernel/ptrace.c's compat_ptrace_request, made of the native x86_64 requests.
#pragma once

#include <cstdint>
#include <span>

#include "syscompat/abi/syscall_args.hpp"
#include "syscompat/translators/guest_memory.hpp"

namespace syscompat::translators::i386_ptrace {

// ptrace(request, pid, addr, data) with the i386 entry's decoded arguments: the result, or
// -errno.
std::int32_t translate(const GuestMemory& memory, std::span<const abi::ArgValue> args);

}  // namespace syscompat::translators::i386_ptrace

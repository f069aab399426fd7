// The i386 calls served by the process owner: argument decoding here, the work in
// ProcessHooks (see process_hooks.hpp for the contract).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "i386_plans.hpp"
#include "syscompat/abi/syscall_args.hpp"
#include "syscompat/translators/guest_memory.hpp"
#include "syscompat/translators/i386.hpp"
#include "syscompat/translators/process_hooks.hpp"

namespace syscompat::translators::i386_hooks {

using Handler = HookHandler;

// The decoding handlers by i386 number, null for those the owner takes whole with the
// guest's registers (ProcessHooks::owner_call). Built while i386_hooks.cpp compiles, as are
// the two tables below.
extern const i386_plan_table::ByNumber<Handler> handlers;

// A call translated here whose sub-operations the owner may serve (seccomp's filters,
// prctl's PR_SET_SECCOMP): the owner is null for a translator without one (ENOSYS then).
using OwnerOptional = OwnerOptionalHandler;
extern const i386_plan_table::ByNumber<OwnerOptional> owner_optional;

// For a call the owner takes whole: what the kernel refuses before any process-level work
// (the arguments it checks first), as -errno, or 0 to hand the call on. Null when the
// owner checks everything itself.
using Refusal = RefusalCheck;
extern const i386_plan_table::ByNumber<Refusal> refusals;

// ipc()'s SHMAT sub-call, the one part of the multiplexer that places memory.
bool is_ipc_shmat(const abi::Syscall& call, std::uint32_t first_register);
std::int32_t ipc_shmat(const GuestMemory& memory, ProcessHooks& hooks,
                       const std::array<std::uint32_t, 6>& registers);

}  // namespace syscompat::translators::i386_hooks

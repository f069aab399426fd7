// The hand-written i386 handlers: calls whose description cannot say how to translate them.
// Each says which kernel function it mirrors.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "syscompat/abi/syscall_args.hpp"
#include "syscompat/translators/guest_memory.hpp"

namespace syscompat::translators::i386_special {

using Handler = std::int32_t (*)(const GuestMemory& memory, std::span<const abi::ArgValue> args);

// The handler for an i386 call by name, or null.
Handler find(std::string_view name);

using translators::poisoned_pointer;  // guest_memory.hpp

// The native x86_64 call by its description name (no number is written in the translators):
// the result, or -errno.
long native(std::string_view name, std::uint64_t a = 0, std::uint64_t b = 0, std::uint64_t c = 0,
            std::uint64_t d = 0, std::uint64_t e = 0, std::uint64_t f = 0);

}  // namespace syscompat::translators::i386_special

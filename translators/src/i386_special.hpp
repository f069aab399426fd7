// The hand-written i386 handlers: calls whose description cannot say how to translate them.
// Each says which kernel function it mirrors.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "i386_plans.hpp"
#include "syscompat/abi/syscall_args.hpp"
#include "syscompat/abi/syscall_rows.hpp"
#include "syscompat/translators/guest_memory.hpp"
#include "syscompat/translators/i386.hpp"
#include "syscompat/translators/native_call.h"

namespace syscompat::translators::i386_special {

using Handler = SpecialHandler;

// The handlers by the i386 number of the call they serve (null: none), built while
// i386_special.cpp compiles.
extern const i386_plan_table::ByNumber<Handler> handlers;

using translators::poisoned_pointer;  // guest_memory.hpp

// The x86_64 number of a call, resolved while this compiles: for the handlers that choose
// between calls (readv or writev).
consteval std::uint32_t native_number(std::string_view name) {
  return abi::syscall_number(abi::Abi::x86_64, name);
}

// The native x86_64 call by its number, through syscompat_native_call, which keeps a runner's
// signal protocol (native_call.h): the result, or -errno.
inline long native(std::uint32_t number, std::uint64_t a = 0, std::uint64_t b = 0,
                   std::uint64_t c = 0, std::uint64_t d = 0, std::uint64_t e = 0,
                   std::uint64_t f = 0) {
  return syscompat_native_call(static_cast<long>(number), static_cast<long>(a),
                               static_cast<long>(b), static_cast<long>(c), static_cast<long>(d),
                               static_cast<long>(e), static_cast<long>(f));
}

// The native x86_64 call by its description name, typed by the description while this
// compiles: its number is a constant of the template (none is written in the translators, and
// none is looked up when the call is made), and it takes as many arguments as the signature
// has (gcc checks; clang 14 cannot run the parser at compile time, syscall_rows_check.hpp).
template <abi::CallName name, typename... Args>
long native(Args... args) {
  static_assert(sizeof...(Args) <= 6, "a syscall takes at most six arguments");
#ifndef __clang__
  static_assert(sizeof...(Args) == abi::syscall_arg_count(abi::Abi::x86_64, name.view()),
                "native<name>(...): the description gives this call another number of arguments");
#endif
  return native(native_number(name.view()), static_cast<std::uint64_t>(args)...);
}

}  // namespace syscompat::translators::i386_special

// An i386 call's number, resolved from the description while the shim compiles: a name the
// description does not give i386 is a compile error, and none is looked up at run time.
#pragma once

#include <cstdint>
#include <string_view>

#include "syscompat/abi/syscall_rows.hpp"

namespace syscompat::run32 {

consteval std::uint32_t i386_number(std::string_view name) {
  return abi::syscall_number(abi::Abi::i386, name);
}

}  // namespace syscompat::run32

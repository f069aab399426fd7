// Where a UAPI header does not describe what the kernel really reads or writes. The
// description follows the kernel; the layout checker reports these as known differences
// (never as passes) and fails if one of them stops occurring, so the list stays true.
#pragma once

#include <array>
#include <string_view>

#include "syscompat/abi/models.hpp"

namespace syscompat::abi {

struct HeaderDifference {
  Abi abi;
  std::string_view struct_name;
  std::string_view reason;
};

inline constexpr std::array header_differences{
    HeaderDifference{
        Abi::x32, "statfs",
        "asm-generic/statfs.h makes __statfs_word __u32 because __BITS_PER_LONG is 32 on x32, "
        "but x32 calls the native x86_64 statfs/fstatfs and the kernel writes 64-bit words "
        "(glibc's x32 struct statfs agrees with the kernel)"},
};

}  // namespace syscompat::abi

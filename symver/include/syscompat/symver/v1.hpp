// The layouts libsys's LIBSYS_1.0 entry points read and write: what a program built against
// libsys 1.0 passes to __sys_stat, __sys_clock_gettime, ... (the "v1 headers"). Each is a
// described struct at i386 widths, so the compat stubs convert to and from the native
// layouts with translators::convert, member by member, under one declared policy.
#pragma once

#include "syscompat/abi/models.hpp"
#include "syscompat/abi/structs/file.hpp"
#include "syscompat/abi/structs/time.hpp"

namespace syscompat::symver::v1 {

// stat v1: 32-bit inode, size (at most 2^31 - 1, as the kernel's cp_compat_stat) and times.
using stat = abi::stat_i386<abi::I386>;
// time32: a 32-bit signed time_t.
using timespec = abi::timespec<abi::I386>;
using timeval = abi::timeval<abi::I386>;

// A value that does not fit the old layout is an error, never a truncated value.
inline constexpr abi::Narrowing narrowing = abi::Narrowing::eoverflow;

}  // namespace syscompat::symver::v1

namespace syscompat::symver::current {

using stat = abi::stat_x86_64<abi::X86_64>;
using timespec = abi::timespec<abi::X86_64>;
using timeval = abi::timeval<abi::X86_64>;

}  // namespace syscompat::symver::current

// Fallbacks: what libsys does when the running kernel lacks a call, or a filter refuses it.
//
// Every slot's bottom handler is a probe: it makes the native call, and if that returns
// ENOSYS and the call has a fallback, it swaps its own function to the fallback for the rest
// of the process and returns the fallback's result. Later calls never probe again.
//
// EPERM (docs/libsys.md, "EPERM"): the kernel answers EPERM for some of these calls itself
// (openat2 with O_NOATIME on another's file, clone3 of a namespace without the capability).
// Only an EPERM that a filter gave counts as "missing": the probe then asks once more with
// `invalid_args`, which the kernel refuses with EINVAL (or EFAULT) before any permission
// check. EPERM again means the call never reached the kernel's code: a filter, so fall
// back. Anything else means the kernel has the call and the first EPERM was its own: kept.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "syscompat/libsys/dispatch.hpp"

namespace syscompat::sys {

// Computes the call's result without the native syscall (the kernel convention, -errno).
using FallbackFn = long (*)(const Call& call);

struct Fallback {
  std::string_view name;  // the native call, as the description names it
  FallbackFn fn;
  std::uint32_t nr;         // the native call's x86_64 number
  std::string_view via;     // what it is built from
  std::string_view limits;  // what it cannot do: the documented scope
  // Arguments the kernel refuses before any permission check (EINVAL, EFAULT): the
  // filter test under EPERM. Harmless: the call does nothing with them.
  std::uint64_t invalid_args[6];
};

// Every fallback libsys has, in name order.
SYSCOMPAT_LIBSYS_API std::span<const Fallback> fallbacks();
SYSCOMPAT_LIBSYS_API const Fallback* find_fallback(std::uint32_t nr);

// Whether slot `nr` has switched to its fallback in this process.
SYSCOMPAT_LIBSYS_API bool fallback_active(std::uint32_t nr);
// Back to probing (for tests that run native and forced-fallback cases in one process).
SYSCOMPAT_LIBSYS_API void reset_probe(std::uint32_t nr);

}  // namespace syscompat::sys

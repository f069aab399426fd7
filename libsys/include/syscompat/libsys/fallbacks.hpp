// ENOSYS fallbacks: what libsys does when the running kernel lacks a call.
//
// Every slot's bottom handler is a probe: it makes the native call, and if that returns
// ENOSYS and the call has a fallback, it swaps its own function to the fallback for the rest
// of the process and returns the fallback's result. Later calls never probe again.
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
  std::string_view via;     // what it is built from
  std::string_view limits;  // what it cannot do: the documented scope
};

// Every fallback libsys has, in name order.
std::span<const Fallback> fallbacks();
const Fallback* find_fallback(std::uint32_t nr);

// Whether slot `nr` has switched to its fallback in this process.
bool fallback_active(std::uint32_t nr);
// Back to probing (for tests that run native and forced-fallback cases in one process).
void reset_probe(std::uint32_t nr);

}  // namespace syscompat::sys

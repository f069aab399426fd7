// How the i386 translators serve each described ioctl request (abi/ioctls.hpp): derived from
// the description while the translators compile (i386_plans.cpp), listed by `syscompat
// translate --coverage` and docs/ioctls.md.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "syscompat/abi/ioctls.hpp"

namespace syscompat::translators {

struct StructConverter;
class GuestMemory;
struct IoctlPlan;
// A hand-written request's handler (i386_ioctl.cpp), kept in its plan.
using IoctlHandler = std::int32_t (*)(const GuestMemory& memory, const IoctlPlan& plan,
                                      std::uint64_t fd, std::uint64_t arg);

enum class IoctlHandling {
  passthrough,   // the argument has the same bytes on both sides (or is a value)
  converted,     // the argument converts through its struct description or scalar sizes
  hand_written,  // the argument holds pointers in a union, or the kernel does more
  left_out,      // not translated: answered as an unknown request, with why
};
std::string_view ioctl_handling_name(IoctlHandling handling);

struct IoctlPlan {
  const abi::Ioctl* guest = nullptr;   // the i386 request
  const abi::Ioctl* native = nullptr;  // the x86_64 request of the same name
  IoctlHandling handling = IoctlHandling::left_out;
  std::string_view how;  // the kernel function a hand-written handler mirrors, or why left out
  const StructConverter* converter = nullptr;  // converted structs
  IoctlHandler handler = nullptr;              // hand-written requests
};

// Every described i386 request, in abi::ioctls(Abi::i386) order.
std::span<const IoctlPlan> i386_ioctl_plans();

}  // namespace syscompat::translators

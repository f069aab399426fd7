// i386 -> x86_64 syscall translation: one i386 syscall (number and six registers) in, the
// value for the guest's eax out. Derived from the description: the i386 entry's signature
// decodes the registers, the native counterpart's signature says what x86_64 takes, and the
// struct descriptions convert what the two disagree on.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syscompat/abi/syscalls.hpp"
#include "syscompat/translators/guest_memory.hpp"
#include "syscompat/translators/process_hooks.hpp"

namespace syscompat::translators {

// How a call is served.
enum class Handling {
  generic,  // derived from the signatures alone
  special,  // needs hand-written translation (multiplexers, ioctl, repacking, signals)
  hook,     // needs the process owner (run32): clone, execve, brk, mmap placement, exit
  refused,  // the x86_64 kernel does not serve it for i386 either
};
std::string_view handling_name(Handling handling);

struct CallPlan {
  const abi::Syscall* guest = nullptr;
  const abi::Syscall* native = nullptr;  // the x86_64 call that serves it, if generic
  Handling handling = Handling::special;
  std::string reason;   // for special, hook and refused
  bool served = false;  // generic, special with its handler written, or hook (owner's contract)
  // Generic calls: each struct argument's converter, found once here, not per call.
  std::array<const struct StructConverter*, 6> converters{};
};

// How every i386 syscall is served, in number order.
const std::vector<CallPlan>& i386_plans();
const CallPlan* i386_plan(std::uint32_t number);

// The generic path for one planned call; and a call by name, including those i386 reaches
// only through socketcall. For the hand-written handlers, which delegate.
std::int32_t translate_generic(const GuestMemory& memory, const CallPlan& plan,
                               const std::array<std::uint32_t, 6>& registers);
std::int32_t translate_named(const GuestMemory& memory, std::string_view name,
                             const std::array<std::uint32_t, 6>& registers);

class I386Translator {
 public:
  // Without hooks, the calls the process owner serves answer -ENOSYS.
  explicit I386Translator(const GuestMemory& memory, ProcessHooks* hooks = nullptr)
      : memory_(memory), hooks_(hooks) {}

  // eax for the guest: the result, or -errno. An unknown number, a refused call, and a hook
  // call without an owner answer -ENOSYS.
  std::int32_t translate(std::uint32_t number, const std::array<std::uint32_t, 6>& registers);

 private:
  std::int32_t translate_checked(std::uint32_t number,
                                 const std::array<std::uint32_t, 6>& registers);
  const GuestMemory& memory_;
  ProcessHooks* hooks_;
};

}  // namespace syscompat::translators

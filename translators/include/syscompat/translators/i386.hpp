// i386 -> x86_64 syscall translation: one i386 syscall (number and six registers) in, the
// value for the guest's eax out. Derived from the description: the i386 entry's signature
// decodes the registers, the native counterpart's signature says what x86_64 takes, and the
// struct descriptions convert what the two disagree on.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "syscompat/abi/syscall_args.hpp"
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

// The hand-written code that serves a call (i386_special, i386_hooks): each file keeps its
// handlers in a table indexed by the i386 number, built while it compiles.
using SpecialHandler = std::int32_t (*)(const GuestMemory& memory,
                                        std::span<const abi::ArgValue> args);
using HookHandler = std::int32_t (*)(const GuestMemory& memory, ProcessHooks& hooks,
                                     std::span<const abi::ArgValue> args);
// A call translated here whose sub-operations the owner may serve: hooks may be null.
using OwnerOptionalHandler = std::int32_t (*)(const GuestMemory& memory, ProcessHooks* hooks,
                                              std::span<const abi::ArgValue> args);
// What the kernel refuses before an owner's call does any process-level work: -errno, or 0.
using RefusalCheck = std::int32_t (*)(const GuestMemory& memory,
                                      std::span<const abi::ArgValue> args);

// How one call is served: compile-time data (i386_plans.cpp derives every plan from the
// description while it compiles; nothing is built or looked up when a program starts).
struct CallPlan {
  const abi::Syscall* guest = nullptr;
  const abi::Syscall* native = nullptr;  // the x86_64 call that serves it, if generic
  Handling handling = Handling::special;
  std::string_view reason;  // for special, hook and refused
  // Generic calls whose arguments are all values or addresses (getppid, close, kill): no
  // guest memory to check or carry, so they take translate_generic's short way.
  bool values_only = false;
  // Generic calls: each struct argument's converter.
  std::array<const struct StructConverter*, 6> converters{};
};

// What the plans are derived from besides the signatures (i386_plans.cpp): the calls they
// cannot serve, with why and who does; and the i386 calls an x86_64 call of another name
// serves with the same arguments.
struct PlanRule {
  std::string_view name;
  Handling handling;
  std::string_view reason;
};
std::span<const PlanRule> i386_plan_rules();
struct RenamedCall {
  std::string_view guest, native;
};
std::span<const RenamedCall> i386_renamed_calls();

// Whether the call is translated: generic, hook (the owner's contract), or special with its
// handler written.
bool plan_served(const CallPlan& plan);

// How every i386 syscall is served, in number order; and one call's plan, found by its number
// as an index.
std::span<const CallPlan> i386_plans();
const CallPlan* i386_plan(std::uint32_t number);

// A call by name, including those i386 reaches only through socketcall (accept, send, recv:
// x86_64's row read with i386's data model), or null: a search, for tools and tests. The
// hand-written handlers name their sub-calls at compile time instead (i386_plans.hpp).
const CallPlan* find_named_plan(std::string_view name);
// Serves a planned call without an owner, as translate_named does.
std::int32_t translate_planned(const GuestMemory& memory, const CallPlan& plan,
                               const std::array<std::uint32_t, 6>& registers);

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

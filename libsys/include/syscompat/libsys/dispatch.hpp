// Replaceable dispatch: every libsys entry point calls through a per-syscall slot.
//
// A slot is an atomic pointer to a Handler, indexed by the x86_64 syscall number. A layer
// (trace, record, deny, ...) is a Handler whose `next` is what the slot held before, so
// layers stack; installing and removing are atomic exchanges, safe while other threads call.
// A Handler's function is itself atomic: a probe swaps its own function to the fallback on
// the first ENOSYS, so later calls reach the fallback with no failing probe.
//
// Below the slots' chains sits a second table, the kernel slots: the handler that finally
// enters the kernel. Layers installed there see what really reaches the kernel (a probe's
// failing attempt included) rather than what the program asked for.
//
// The untouched state is all zeros: a null slot is the slot's probe, a null probe function
// is `probe`, a null kernel slot is the kernel handler. So the tables live in .bss: nothing
// for the dynamic linker to relocate and no page to copy when a program starts.
#pragma once

// What libsys.so exports: the core is built with hidden visibility, and the version script
// (generated) names the nodes. Everything else in it stays inside the library.
#define SYSCOMPAT_LIBSYS_API __attribute__((visibility("default")))
// The section that holds every syscall instruction of libsys itself, so that pinning
// (libsys_pin, docs/libsys.md) can name it as the one range allowed to enter the kernel.
#define SYSCOMPAT_LIBSYS_TEXT __attribute__((section("libsys_text")))

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>

namespace syscompat::sys {

// Slots cover x86_64 numbers below this (the table's highest is in the 400s).
inline constexpr std::uint32_t slot_count = 512;

// One call as it travels through the layers: number and six raw argument registers.
struct Call {
  std::uint32_t nr = 0;
  std::uint64_t args[6] = {};
};

struct Handler;
// Returns the kernel's convention: a value, or -errno.
using HandlerFn = long (*)(const Handler& self, const Call& call);

namespace detail {
SYSCOMPAT_LIBSYS_API long probe(const Handler& self, const Call& call);
}  // namespace detail

struct Handler {
  std::atomic<HandlerFn> fn;      // null: detail::probe (a probe nobody has switched)
  const Handler* next = nullptr;  // the handler this one wraps (null for the kernel)
  void* context = nullptr;        // the layer's state

  constexpr Handler() : fn(nullptr) {}
  constexpr Handler(HandlerFn f, const Handler* n, void* ctx) : fn(f), next(n), context(ctx) {}
  long operator()(const Call& call) const {
    const HandlerFn f = fn.load(std::memory_order_acquire);
    return (f != nullptr ? f : detail::probe)(*this, call);
  }
};

// The out-of-line kernel entry, in libsys_text: what the kernel handler, the layers' own
// I/O and the core's own calls use (raw_syscall.cpp).
SYSCOMPAT_LIBSYS_API long raw_syscall(const Call& call);

// The one place libsys executes the `syscall` instruction: inline, so the untouched fast
// path below has no call at all. rcx and r11 are clobbered by the instruction itself.
// Inside the core, only code placed in libsys_text inlines it (the generated entry points,
// raw_syscall); the rest of the core (SYSCOMPAT_LIBSYS_OUTLINE) calls raw_syscall.
#ifdef SYSCOMPAT_LIBSYS_OUTLINE
inline long syscall_instruction(const Call& call) {
  return raw_syscall(call);
}
#else
// The instruction itself, on argument words already in hand (the entry points' fast path
// passes its arguments straight here, without building a Call in memory).
inline long syscall_words(long nr, std::uint64_t a0 = 0, std::uint64_t a1 = 0, std::uint64_t a2 = 0,
                          std::uint64_t a3 = 0, std::uint64_t a4 = 0, std::uint64_t a5 = 0) {
  long result;
  register std::uint64_t r10 __asm__("r10") = a3;
  register std::uint64_t r8 __asm__("r8") = a4;
  register std::uint64_t r9 __asm__("r9") = a5;
  __asm__ volatile("syscall"
                   : "=a"(result)
                   : "a"(nr), "D"(a0), "S"(a1), "d"(a2), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return result;
}
inline long syscall_instruction(const Call& call) {
  // Every load from `call` happens before the register variables are bound: instrumentation
  // (TSan's __tsan_read8) between a binding and the asm would clobber r10, r8 or r9.
  const std::uint64_t a0 = call.args[0], a1 = call.args[1], a2 = call.args[2], a3 = call.args[3],
                      a4 = call.args[4], a5 = call.args[5];
  return syscall_words(static_cast<long>(call.nr), a0, a1, a2, a3, a4, a5);
}
#endif

namespace detail {
SYSCOMPAT_LIBSYS_API extern std::array<std::atomic<const Handler*>, slot_count> slots;
SYSCOMPAT_LIBSYS_API extern std::array<std::atomic<const Handler*>, slot_count> kernel_slots;
SYSCOMPAT_LIBSYS_API extern std::array<Handler, slot_count> probes;
SYSCOMPAT_LIBSYS_API extern const Handler kernel_handler;
// After the fast path's ENOSYS or EPERM: what the probe would do with it (switch to a
// fallback when the call is missing or filtered; docs/libsys.md, "EPERM").
SYSCOMPAT_LIBSYS_API long probe_failed(const Call& call, long result);
// The errno of the C API: the libc's when one is linked, else the runtime's hook (errno.cpp).
void set_errno(int error);
}  // namespace detail

namespace detail {
// The call through its slot's handler chain (the probe when the slot is null): what a
// touched slot does, with no syscall instruction of its own.
inline long through_slot(const Call& call) {
  const Handler* handler = slots[call.nr].load(std::memory_order_acquire);
  return (*(handler != nullptr ? handler : &probes[call.nr]))(call);
}
// A slot nobody has touched: no layer on it or on its kernel slot, its probe unswitched
// (all three null). Such a call may go straight to the kernel.
inline bool untouched(std::uint32_t nr) {
  return slots[nr].load(std::memory_order_acquire) == nullptr &&
         probes[nr].fn.load(std::memory_order_relaxed) == nullptr &&
         kernel_slots[nr].load(std::memory_order_relaxed) == nullptr;
}
}  // namespace detail

// What every entry point does: the slot's handler, or ENOSYS for a number out of range.
// A slot nobody has touched (its probe unswitched, no layer on it or on its kernel slot: all
// three null) goes straight to the kernel: the same result, without two indirect calls.
inline long dispatch(const Call& call) {
  if (call.nr >= slot_count) return -ENOSYS;
  if (detail::untouched(call.nr)) {
    const long result = syscall_instruction(call);
    return result == -ENOSYS || result == -EPERM ? detail::probe_failed(call, result) : result;
  }
  return detail::through_slot(call);
}

// Where a layer goes: on top of what the program calls, or just above the kernel.
enum class Level { top, kernel };

// Wraps slot `nr` with a handler running `fn(self, call)`; `self.next` is the previous
// handler. Returns the new handler (to pass to remove_layer). Handlers are never freed: a
// thread may still be inside one after it has been removed.
SYSCOMPAT_LIBSYS_API const Handler* install_layer(std::uint32_t nr, HandlerFn fn, void* context,
                                                  Level level = Level::top);
// Unwraps `layer` if it is the slot's outermost handler (layers come off in reverse order);
// returns whether it did.
SYSCOMPAT_LIBSYS_API bool remove_layer(std::uint32_t nr, const Handler* layer,
                                       Level level = Level::top);

// Calls the next handler below `self`.
inline long call_next(const Handler& self, const Call& call) {
  return (*self.next)(call);
}

}  // namespace syscompat::sys

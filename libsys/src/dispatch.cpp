// Slots, probes and layer installation: part of libsys's freestanding core (no libc, no
// allocation from a C++ runtime: handlers come from pages libsys maps itself).
#include "syscompat/libsys/dispatch.hpp"

#include <sys/mman.h>

#include <cerrno>
#include <new>
#include <utility>

#include "internal.hpp"
#include "syscompat/libsys/entries.hpp"
#include "syscompat/libsys/fallbacks.hpp"

namespace syscompat::sys {

namespace {

long enter_kernel(const Handler&, const Call& call) {
  return raw_syscall(call);
}
long run_fallback(const Handler&, const Call& call) {
  const Fallback* fallback = find_fallback(call.nr);
  return fallback ? fallback->fn(call) : -ENOSYS;
}

}  // namespace

namespace detail {

constinit const Handler kernel_handler{enter_kernel, nullptr, nullptr};

// The bottom of every slot: the kernel (through its kernel slot, where layers may watch),
// and on the first ENOSYS of a call that has a fallback, the fallback from then on.
// The kernel slot's handler (null: the kernel itself).
const Handler& kernel_slot(std::uint32_t nr) {
  const Handler* handler = kernel_slots[nr].load(std::memory_order_acquire);
  return handler != nullptr ? *handler : kernel_handler;
}

long probe(const Handler&, const Call& call) {
  const long result = kernel_slot(call.nr)(call);
  return result == -ENOSYS || result == -EPERM ? probe_failed(call, result) : result;
}

// ENOSYS: the kernel lacks the call. EPERM: only if a filter gave it (fallbacks.hpp): the
// call again with arguments the kernel refuses before any permission check; EPERM once
// more means the kernel's code never ran. The test goes through the kernel slot, so the
// layers there see it, as they see the failing call.
long probe_failed(const Call& call, long result) {
  const Fallback* fallback = find_fallback(call.nr);
  if (fallback == nullptr) return result;
  if (result == -EPERM) {
    Call test{call.nr, {}};
    for (int i = 0; i < 6; ++i) test.args[i] = fallback->invalid_args[i];
    if (kernel_slot(call.nr)(test) != -EPERM)
      return result;  // the kernel's own EPERM: kept, never widened by a fallback
  }
  probes[call.nr].fn.store(run_fallback, std::memory_order_release);
  return run_fallback(probes[call.nr], call);
}

}  // namespace detail

namespace {

// Handlers come from pages mapped here and are never freed (another thread may still be
// running a removed one): a bump allocator under a spin lock, no C++ runtime.
Handler* new_handler(HandlerFn fn, const Handler* next, void* context) {
  static constinit std::atomic_flag lock = ATOMIC_FLAG_INIT;
  static constinit unsigned char* page = nullptr;
  static constinit std::size_t used = 0;
  constexpr std::size_t page_size = 4096;
  while (lock.test_and_set(std::memory_order_acquire)) {
  }
  if (page == nullptr || used + sizeof(Handler) > page_size) {
    const long mapped =
        raw_syscall(Call{nr::mmap,
                         {0, page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                          static_cast<std::uint64_t>(-1), 0}});
    if (mapped < 0 && mapped >= -4095) {
      lock.clear(std::memory_order_release);
      return nullptr;
    }
    page = reinterpret_cast<unsigned char*>(mapped);
    used = 0;
  }
  auto* handler = new (page + used) Handler(fn, next, context);
  used += (sizeof(Handler) + alignof(Handler) - 1) / alignof(Handler) * alignof(Handler);
  lock.clear(std::memory_order_release);
  return handler;
}

std::atomic<const Handler*>& slot_at(std::uint32_t nr, Level level) {
  return level == Level::top ? detail::slots[nr] : detail::kernel_slots[nr];
}
// What a null slot stands for.
const Handler* untouched(std::uint32_t nr, Level level) {
  return level == Level::top ? &detail::probes[nr] : &detail::kernel_handler;
}

}  // namespace

namespace detail {
// All zeros (dispatch.hpp): .bss.
constinit std::array<Handler, slot_count> probes{};
constinit std::array<std::atomic<const Handler*>, slot_count> slots{};
constinit std::array<std::atomic<const Handler*>, slot_count> kernel_slots{};
}  // namespace detail

const Handler* install_layer(std::uint32_t nr, HandlerFn fn, void* context, Level level) {
  if (nr >= slot_count) return nullptr;
  auto& slot = slot_at(nr, level);
  const Handler* seen = slot.load(std::memory_order_acquire);
  auto* layer = new_handler(fn, nullptr, context);
  if (layer == nullptr) return nullptr;
  do layer->next = seen != nullptr ? seen : untouched(nr, level);
  while (!slot.compare_exchange_weak(seen, layer, std::memory_order_acq_rel));
  return layer;
}

bool remove_layer(std::uint32_t nr, const Handler* layer, Level level) {
  if (nr >= slot_count || layer == nullptr) return false;
  const Handler* expected = layer;
  // Back to null when nothing is left, so the fast path takes the slot again.
  const Handler* below = layer->next == untouched(nr, level) ? nullptr : layer->next;
  if (!slot_at(nr, level).compare_exchange_strong(expected, below, std::memory_order_acq_rel))
    return false;
  return true;
}

namespace detail {
// The kernel handler of a pinned process: the same entry, another object, so that the inline
// fast path (which compares with kernel_handler) is not taken and every call, the C++ API's
// inline ones included, enters the kernel from raw_syscall in libsys_text.
constinit const Handler pinned_kernel_handler{enter_kernel, nullptr, nullptr};

void pin_slots(bool pinned) {
  for (auto& slot : kernel_slots) {
    const Handler* expected = pinned ? nullptr : &pinned_kernel_handler;
    slot.compare_exchange_strong(expected, pinned ? &pinned_kernel_handler : nullptr,
                                 std::memory_order_acq_rel);
  }
}
}  // namespace detail

bool fallback_active(std::uint32_t nr) {
  return nr < slot_count && detail::probes[nr].fn.load(std::memory_order_acquire) == run_fallback;
}

void reset_probe(std::uint32_t nr) {
  if (nr < slot_count) detail::probes[nr].fn.store(nullptr, std::memory_order_release);
}

}  // namespace syscompat::sys

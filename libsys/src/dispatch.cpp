#include "syscompat/libsys/dispatch.hpp"

#include <cerrno>
#include <mutex>
#include <utility>
#include <vector>

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
long probe(const Handler&, const Call& call) {
  const long result = (*detail::kernel_slots[call.nr].load(std::memory_order_acquire))(call);
  return result == -ENOSYS ? probe_failed(call) : result;
}

long probe_failed(const Call& call) {
  if (find_fallback(call.nr) == nullptr) return -ENOSYS;
  probes[call.nr].fn.store(run_fallback, std::memory_order_release);
  return run_fallback(probes[call.nr], call);
}

}  // namespace detail

namespace {

template <std::size_t... I>
constexpr std::array<Handler, sizeof...(I)> make_probes(std::index_sequence<I...>) {
  return {{Handler((static_cast<void>(I), detail::probe), nullptr, nullptr)...}};
}

template <std::size_t... I>
constexpr std::array<std::atomic<const Handler*>, sizeof...(I)> make_slots(
    std::index_sequence<I...>) {
  return {{&detail::probes[I]...}};
}
template <std::size_t... I>
constexpr std::array<std::atomic<const Handler*>, sizeof...(I)> make_kernel_slots(
    std::index_sequence<I...>) {
  return {{(static_cast<void>(I), &detail::kernel_handler)...}};
}

// Removed handlers are kept here rather than freed: another thread may still be running one.
void retire(const Handler* handler) {
  static std::mutex mutex;
  static auto* retired = new std::vector<const Handler*>;  // never destroyed, like them
  const std::lock_guard lock(mutex);
  retired->push_back(handler);
}

std::atomic<const Handler*>& slot_at(std::uint32_t nr, Level level) {
  return level == Level::top ? detail::slots[nr] : detail::kernel_slots[nr];
}

}  // namespace

namespace detail {
constinit std::array<Handler, slot_count> probes =
    make_probes(std::make_index_sequence<slot_count>());
constinit std::array<std::atomic<const Handler*>, slot_count> slots =
    make_slots(std::make_index_sequence<slot_count>());
constinit std::array<std::atomic<const Handler*>, slot_count> kernel_slots =
    make_kernel_slots(std::make_index_sequence<slot_count>());
}  // namespace detail

const Handler* install_layer(std::uint32_t nr, HandlerFn fn, void* context, Level level) {
  if (nr >= slot_count) return nullptr;
  auto& slot = slot_at(nr, level);
  auto* layer = new Handler(fn, slot.load(std::memory_order_acquire), context);
  while (!slot.compare_exchange_weak(layer->next, layer, std::memory_order_acq_rel)) {
  }
  return layer;
}

bool remove_layer(std::uint32_t nr, const Handler* layer, Level level) {
  if (nr >= slot_count || layer == nullptr) return false;
  const Handler* expected = layer;
  if (!slot_at(nr, level).compare_exchange_strong(expected, layer->next, std::memory_order_acq_rel))
    return false;
  retire(layer);
  return true;
}

bool fallback_active(std::uint32_t nr) {
  return nr < slot_count && detail::probes[nr].fn.load(std::memory_order_acquire) == run_fallback;
}

void reset_probe(std::uint32_t nr) {
  if (nr < slot_count) detail::probes[nr].fn.store(detail::probe, std::memory_order_release);
}

}  // namespace syscompat::sys

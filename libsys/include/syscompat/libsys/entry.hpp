// What the generated entry points share: argument registers from typed values, and the
// two result conventions. Internal to libsys's entries.cpp.
#pragma once

#include <cerrno>
#include <cstdint>
#include <type_traits>

#include "syscompat/libsys/dispatch.hpp"

namespace syscompat::sys::detail {

template <typename T>
std::uint64_t word(T value) {
  if constexpr (std::is_pointer_v<T>) {
    return reinterpret_cast<std::uintptr_t>(value);
  } else if constexpr (std::is_signed_v<T>) {
    return static_cast<std::uint64_t>(static_cast<std::int64_t>(value));  // sign-extended
  } else {
    return static_cast<std::uint64_t>(value);
  }
}

// Always inlined: each entry point (in libsys_text) must hold its own syscall instruction,
// never share an out-of-line copy in .text that pinning would trap.
template <typename... Args>
[[gnu::always_inline]] inline long call(std::uint32_t nr, Args... args) {
  static_assert(sizeof...(Args) <= 6);
#ifndef SYSCOMPAT_LIBSYS_OUTLINE
  // The untouched fast path with the arguments straight in registers: no Call in memory
  // unless a probe, a layer or a fallback needs one.
  if (nr < slot_count && untouched(nr)) {
    const long result = syscall_words(static_cast<long>(nr), word(args)...);
    if (result != -ENOSYS && result != -EPERM) return result;
    return probe_failed(Call{nr, {word(args)...}}, result);
  }
  // Touched: through the slot, so the only syscall instruction here is the one above (in
  // libsys's entry points, all in libsys_text).
  if (nr < slot_count) return through_slot(Call{nr, {word(args)...}});
  return -ENOSYS;
#else
  Call c{nr, {word(args)...}};
  return dispatch(c);
#endif
}

inline long to_libc(long raw) {
  if (raw < 0 && raw >= -4095) {
    set_errno(static_cast<int>(-raw));
    return -1;
  }
  return raw;
}

}  // namespace syscompat::sys::detail

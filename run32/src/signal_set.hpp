// A host sigset_t as the kernel's 64-bit signal set (bit signal-1). glibc's sigaddset and
// sigismember refuse its internal signals 32 and 33, which are ordinary signals to an i386
// guest (its own libc's SIGCANCEL and SIGSETXID), so the shim reads and writes the bits.
#pragma once

#include <signal.h>

#include <cstdint>
#include <cstring>

namespace syscompat::run32 {

constexpr std::uint64_t signal_bit(int signal) {
  return std::uint64_t{1} << (signal - 1);
}

inline std::uint64_t signal_bits(const sigset_t& set) {
  std::uint64_t bits;
  std::memcpy(&bits, &set, sizeof bits);
  return bits;
}

inline void set_signal_bits(sigset_t& set, std::uint64_t bits) {
  std::memcpy(&set, &bits, sizeof bits);
}

inline bool has_signal(const sigset_t& set, int signal) {
  return (signal_bits(set) & signal_bit(signal)) != 0;
}

inline void add_signal(sigset_t& set, int signal) {
  set_signal_bits(set, signal_bits(set) | signal_bit(signal));
}

// Every signal, 32 and 33 included (glibc's sigfillset leaves them out).
inline sigset_t every_signal() {
  sigset_t set;
  sigemptyset(&set);
  set_signal_bits(set, ~std::uint64_t{0});
  return set;
}

}  // namespace syscompat::run32

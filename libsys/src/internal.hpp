// What the core's sources share and nobody outside libsys sees: copies from and to the
// caller's memory that are EFAULT rather than a crash, text into a fixed buffer, and the
// pieces of pinning other sources call.
#pragma once

#include <sys/uio.h>

#include <cerrno>
#include <cstdint>

#include "syscompat/libsys/entries.hpp"

namespace syscompat::sys::detail {

// Copies to and from the caller's memory as the kernel does: a bad address is EFAULT, not a
// crash. process_vm_{read,write}v on this process (since 3.2) checks the address for us.
inline long copy_out(void* to, const void* from, std::size_t size) {
  const iovec local{const_cast<void*>(from), size};
  const iovec remote{to, size};
  const auto r =
      sys::process_vm_writev(static_cast<int>(sys::getpid().value()), &local, 1, &remote, 1, 0);
  return r.ok() && r.value() == static_cast<long>(size) ? 0 : -EFAULT;
}
inline long copy_in(void* to, const void* from, std::size_t size) {
  const iovec local{to, size};
  const iovec remote{const_cast<void*>(from), size};
  const auto r =
      sys::process_vm_readv(static_cast<int>(sys::getpid().value()), &local, 1, &remote, 1, 0);
  return r.ok() && r.value() == static_cast<long>(size) ? 0 : -EFAULT;
}

// Text into a fixed buffer, always terminated; `ok` turns false if anything did not fit.
struct Text {
  char* data;
  std::size_t capacity, size = 0;
  bool ok = true;
  Text& operator<<(const char* text) {
    for (; *text != '\0'; ++text) put(*text);
    return *this;
  }
  Text& operator<<(std::uint64_t value) {
    char digits[20];
    int n = 0;
    do digits[n++] = static_cast<char>('0' + value % 10);
    while ((value /= 10) != 0);
    while (n > 0) put(digits[--n]);
    return *this;
  }
  Text& hex(std::uint64_t value) {
    *this << "0x";
    for (int shift = 60; shift >= 0; shift -= 4)
      if ((value >> shift) != 0 || shift == 0) put("0123456789abcdef"[(value >> shift) & 15]);
    return *this;
  }
  void put(char ch) {
    if (size + 1 >= capacity) {
      ok = false;
      return;
    }
    data[size++] = ch;
    data[size] = '\0';
  }
};

// Pinning (pin.cpp): the kernel slots switched away from the inline fast path and back
// (dispatch.cpp), and a new thread re-armed (runtime.cpp).
void pin_slots(bool pinned);
void pin_new_thread();

// Each x86_64 syscall's name by number ("" for gaps), generated with the entry points.
extern const char syscall_name_text[];
extern const std::uint16_t syscall_name_at[slot_count];
inline const char* syscall_name(std::uint32_t nr) {
  return nr < slot_count ? syscall_name_text + syscall_name_at[nr] : "";
}

}  // namespace syscompat::sys::detail

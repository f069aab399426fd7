// The four memory functions a compiler may call on its own, for the freestanding core, under
// libsys's own names (freestanding.hpp renames the calls; hidden, so libsys.so exports none
// and a static program keeps its libc's). Built with -fno-tree-loop-distribute-patterns, or
// each loop would become a call to itself.
#include <cstddef>

#define SYSCOMPAT_LIBSYS_MEMORY extern "C" __attribute__((visibility("hidden")))

SYSCOMPAT_LIBSYS_MEMORY void* __libsys_memcpy(void* to, const void* from, std::size_t size) {
  auto* d = static_cast<unsigned char*>(to);
  const auto* s = static_cast<const unsigned char*>(from);
  while (size-- != 0) *d++ = *s++;
  return to;
}

SYSCOMPAT_LIBSYS_MEMORY void* __libsys_memmove(void* to, const void* from, std::size_t size) {
  auto* d = static_cast<unsigned char*>(to);
  const auto* s = static_cast<const unsigned char*>(from);
  if (d < s) {
    while (size-- != 0) *d++ = *s++;
  } else {
    while (size-- != 0) d[size] = s[size];
  }
  return to;
}

SYSCOMPAT_LIBSYS_MEMORY void* __libsys_memset(void* to, int value, std::size_t size) {
  auto* d = static_cast<unsigned char*>(to);
  while (size-- != 0) *d++ = static_cast<unsigned char>(value);
  return to;
}

SYSCOMPAT_LIBSYS_MEMORY int __libsys_memcmp(const void* a, const void* b, std::size_t size) {
  const auto* x = static_cast<const unsigned char*>(a);
  const auto* y = static_cast<const unsigned char*>(b);
  for (; size != 0; --size, ++x, ++y)
    if (*x != *y) return *x < *y ? -1 : 1;
  return 0;
}

// Included first in every source of libsys's freestanding core (-include, CMakeLists.txt):
// the memory functions the compiler may call on its own (struct copies, zeroing, and
// std::memcpy) are renamed to libsys's own (memory.cpp), so the core needs no libc and
// never takes a program's memcpy away from it (a weak memcpy in libsys.a would).
#pragma once

#include <cstddef>

extern "C" {
void* memcpy(void* __restrict to, const void* __restrict from, std::size_t size) noexcept
    __asm__("__libsys_memcpy");
void* memmove(void* to, const void* from, std::size_t size) noexcept __asm__("__libsys_memmove");
void* memset(void* to, int value, std::size_t size) noexcept __asm__("__libsys_memset");
int memcmp(const void* a, const void* b, std::size_t size) noexcept __asm__("__libsys_memcmp");
}

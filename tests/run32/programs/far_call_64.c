// Nothing keeps an i386 program in 32-bit mode: a far call to the 64-bit code selector (0x33)
// runs 64-bit code, natively and under run32 alike (docs/run32.md, "What run32 is not": a
// guest can reach all of the shim's memory this way; run32 is not a sandbox).
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

int main(void) {
  // movabs $0x123456789abcdef0, %rax; shr $32, %rax; lret (32-bit operands: eip, cs)
  static const uint8_t code64[] = {0x48, 0xb8, 0xf0, 0xde, 0xbc, 0x9a, 0x78, 0x56,
                                   0x34, 0x12, 0x48, 0xc1, 0xe8, 0x20, 0xcb};
  uint8_t* page =
      mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (page == MAP_FAILED) return 1;
  memcpy(page, code64, sizeof code64);
  struct __attribute__((packed)) {
    uint32_t offset;
    uint16_t selector;
  } target = {(uint32_t)(uintptr_t)page, 0x33};
  uint32_t high;
  __asm__ volatile("lcall *%1" : "=a"(high) : "m"(target) : "memory");
  printf("the high half of a 64-bit register, from 64-bit code: %#x\n", high);
  return 0;
}

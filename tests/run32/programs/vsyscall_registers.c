// The AT_SYSINFO entry (__kernel_vsyscall natively) keeps every register but eax: xmm0-7,
// ecx, edx, esi, edi and the direction flag's caller-visible state, as glibc's inline
// syscalls assume.
#pragma GCC target("sse2")  // xmm registers named in the asm
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  // xmm0-7's values, then room for what they hold after the call (one base register: i386
  // has few to spare).
  static float values[64];
  for (int i = 0; i < 32; ++i) values[i] = (float)i * 1.25f + 0.5f;
  unsigned ecx = 0x11111111, edx = 0x22222222, esi = 0x33333333, edi = 0x44444444;
  long result;  // in eax, which is also the call's number
  __asm__ volatile(
      "movups 0(%[base]), %%xmm0\n\tmovups 16(%[base]), %%xmm1\n\t"
      "movups 32(%[base]), %%xmm2\n\tmovups 48(%[base]), %%xmm3\n\t"
      "movups 64(%[base]), %%xmm4\n\tmovups 80(%[base]), %%xmm5\n\t"
      "movups 96(%[base]), %%xmm6\n\tmovups 112(%[base]), %%xmm7\n\t"
      "call *%%gs:0x10\n\t"
      "movups %%xmm0, 128(%[base])\n\tmovups %%xmm1, 144(%[base])\n\t"
      "movups %%xmm2, 160(%[base])\n\tmovups %%xmm3, 176(%[base])\n\t"
      "movups %%xmm4, 192(%[base])\n\tmovups %%xmm5, 208(%[base])\n\t"
      "movups %%xmm6, 224(%[base])\n\tmovups %%xmm7, 240(%[base])\n\t"
      : "=a"(result), "+c"(ecx), "+d"(edx), "+S"(esi), "+D"(edi)
      : "a"(SYS_getppid), [base] "b"(values)
      : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "memory");
  printf("getppid through AT_SYSINFO is getppid(): %d\n", result == getppid());
  printf("xmm0-7 kept: %d\n", memcmp(values, values + 32, 32 * sizeof(float)) == 0);
  printf("ecx %x edx %x esi %x edi %x\n", ecx, edx, esi, edi);
  return 0;
}

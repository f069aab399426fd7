/* Writes this i386 process's vDSO image (from AT_SYSINFO_EHDR to the end of its section
 * headers) to stdout: natively, the kernel's vdso32, the oracle of vdso_test.cpp. */
#include <elf.h>
#include <stdio.h>
#include <sys/auxv.h>

int main(void) {
  const Elf32_Ehdr *header = (const Elf32_Ehdr *)getauxval(AT_SYSINFO_EHDR);
  if (!header) return 1;
  size_t size = header->e_shoff + (size_t)header->e_shnum * header->e_shentsize;
  return fwrite(header, 1, size, stdout) == size ? 0 : 1;
}

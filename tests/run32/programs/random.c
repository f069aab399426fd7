// getrandom, /dev/urandom, and AT_RANDOM's stack protector canary being set (nonzero).
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/random.h>
#include <unistd.h>

int main(void) {
  unsigned char bytes[64];
  printf("getrandom: %zd\n", getrandom(bytes, sizeof bytes, 0));
  int fd = open("/dev/urandom", O_RDONLY);
  printf("urandom read: %zd\n", read(fd, bytes, sizeof bytes));
  const unsigned char* at_random = (const unsigned char*)getauxval(AT_RANDOM);
  int nonzero = 0;
  for (int i = 0; at_random && i < 16; ++i) nonzero |= at_random[i];
  printf("AT_RANDOM present and not all zero: %d\n", at_random && nonzero);
  printf("AT_PAGESZ %lu AT_SECURE %lu\n", getauxval(AT_PAGESZ), getauxval(AT_SECURE));
  printf("AT_PHNUM matches the headers: %d\n", getauxval(AT_PHNUM) > 0);
  printf("AT_HWCAP %#lx AT_HWCAP2 %#lx AT_MINSIGSTKSZ %lu AT_CLKTCK %lu\n", getauxval(AT_HWCAP),
         getauxval(AT_HWCAP2), getauxval(AT_MINSIGSTKSZ), getauxval(AT_CLKTCK));
  // The vDSO: an ELF image the program may read and hand to a syscall.
  const char* vdso = (const char*)getauxval(AT_SYSINFO_EHDR);
  printf("vDSO is an ELF image: %d\n", vdso && memcmp(vdso, "\177ELF", 4) == 0);
  fflush(stdout);
  printf(" <- written from the vDSO: %zd\n", write(1, vdso + 1, 3));
  printf("AT_UID family: %d\n", getauxval(AT_UID) == getuid() && getauxval(AT_EUID) == geteuid() &&
                                    getauxval(AT_GID) == getgid() && getauxval(AT_EGID) == getegid());
  return 0;
}

/* The vDSO as glibc's dynamic linker sees it: found by its soname, its __kernel_* symbols
 * found by version (LINUX_2.5) through its hash tables, __kernel_vsyscall the AT_SYSINFO
 * entry, and listed by dl_iterate_phdr. (A static program has no dynamic linker to ask: it
 * prints what its dlopen answers, natively too.) */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

static int vdso_listed;

static int each_object(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size, (void)data;
  if (info->dlpi_addr == getauxval(AT_SYSINFO_EHDR) ||
      (info->dlpi_phnum && (unsigned long)info->dlpi_phdr - getauxval(AT_SYSINFO_EHDR) < 4096))
    vdso_listed = 1;
  return 0;
}

int main(void) {
  printf("AT_SYSINFO_EHDR set: %d, AT_SYSINFO set: %d\n", getauxval(AT_SYSINFO_EHDR) != 0,
         getauxval(AT_SYSINFO) != 0);
  void *vdso = dlopen("linux-gate.so.1", RTLD_NOW | RTLD_NOLOAD);
  printf("dlopen(linux-gate.so.1, RTLD_NOLOAD): %s\n", vdso ? "found" : "not found");
  if (vdso) {
    void *vsyscall = dlvsym(vdso, "__kernel_vsyscall", "LINUX_2.5");
    printf("__kernel_vsyscall@LINUX_2.5 is AT_SYSINFO: %d\n",
           vsyscall && (unsigned long)vsyscall == getauxval(AT_SYSINFO));
    printf("__kernel_sigreturn@LINUX_2.5 found: %d\n",
           dlvsym(vdso, "__kernel_sigreturn", "LINUX_2.5") != NULL);
    printf("__kernel_rt_sigreturn@LINUX_2.5 found: %d\n",
           dlvsym(vdso, "__kernel_rt_sigreturn", "LINUX_2.5") != NULL);
    printf("__kernel_vsyscall@LINUX_2.6 found: %d\n",
           dlvsym(vdso, "__kernel_vsyscall", "LINUX_2.6") != NULL);
    printf("no_such_symbol found: %d\n", dlsym(vdso, "no_such_symbol") != NULL);
  }
  dl_iterate_phdr(each_object, NULL);
  printf("listed by dl_iterate_phdr: %d\n", vdso_listed);
  return 0;
}

/* A regular file opened without O_LARGEFILE, as an i386 program built without
 * _FILE_OFFSET_BITS=64 opens it: the kernel's compat open does not force the flag
 * (do_sys_open's force_o_largefile is for 64-bit callers), so writes that would pass 2 GiB
 * are cut there or EFBIG (generic_write_check_limits), and F_GETFL does not show the flag,
 * through dup too. A second descriptor opened with O_LARGEFILE sees none of it. Raw int $0x80
 * with i386's numbers (asm/unistd_32.h); O_LARGEFILE is i386's 0100000. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum {
  nr_exit = 1,
  nr_read = 3,
  nr_write = 4,
  nr_open = 5,
  nr_close = 6,
  nr_unlink = 10,
  nr_lseek = 19,
  nr_dup = 41,
  nr_dup2 = 63,
  nr_ftruncate = 93,
  nr_llseek = 140,
  nr_writev = 146,
  nr_pread64 = 180,
  nr_pwrite64 = 181,
  nr_sendfile = 187,
  nr_ftruncate64 = 194,
  nr_fcntl64 = 221,
  nr_sendfile64 = 239,
  nr_fallocate = 324,
  nr_dup3 = 330,
  nr_pwritev = 334,
  nr_copy_file_range = 377,
  nr_pwritev2 = 379,
};
enum { o_rdwr = 02, o_creat = 0100, o_append = 02000, o_largefile = 0100000 };
enum { f_dupfd = 0, f_getfl = 3, f_setfl = 4, f_dupfd_cloexec = 1030 };

static long sys(long number, long a, long b, long c, long d, long e, long f) {
  long result;
  __asm__ volatile(
      "push %%ebp\n\t"
      "mov %7, %%ebp\n\t"
      "int $0x80\n\t"
      "pop %%ebp"
      : "=a"(result)
      : "a"(number), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e), "m"(f)
      : "memory");
  return result;
}
static long call(long n, long a, long b, long c) {
  return sys(n, a, b, c, 0, 0, 0);
}

static const int64_t two_gib = (int64_t)1 << 31;

/* The descriptor's position, through _llseek (which has room for it). */
static int64_t position(long fd) {
  int64_t at = -1;
  long r = sys(nr_llseek, fd, 0, 0, (long)&at, 1 /* SEEK_CUR */, 0);
  return r < 0 ? r : at;
}
static long seek(long fd, int64_t to) {
  int64_t at = -1;
  return sys(nr_llseek, fd, (long)(to >> 32), (long)(uint32_t)to, (long)&at, 0, 0);
}

static void writes(const char* what, long fd) {
  printf("%s: F_GETFL has O_LARGEFILE: %d\n", what,
         !!(call(nr_fcntl64, fd, f_getfl, 0) & o_largefile));
  char bytes[16] = "0123456789abcdef";
  seek(fd, two_gib - 4);
  long r = call(nr_write, fd, (long)bytes, 16);
  printf("  write across 2 GiB: %ld, now at %lld\n", r, (long long)position(fd));
  printf("  write at 2 GiB: %ld\n", call(nr_write, fd, (long)bytes, 16));
  struct {
    void* base;
    uint32_t length;
  } vector[2] = {{bytes, 8}, {bytes + 8, 8}};
  seek(fd, two_gib - 2);
  printf("  writev across 2 GiB: %ld\n", call(nr_writev, fd, (long)vector, 2));
  /* pwrite64's offset is the pair (low, high) in esi, edi. */
  printf("  pwrite64 at 3 GiB: %ld\n",
         sys(nr_pwrite64, fd, (long)bytes, 4, (long)0xc0000000u, 0, 0));
  printf("  pwrite64 across 2 GiB: %ld\n",
         sys(nr_pwrite64, fd, (long)bytes, 8, (long)(uint32_t)(two_gib - 3), 0, 0));
  printf("  pwritev across 2 GiB: %ld\n",
         sys(nr_pwritev, fd, (long)vector, 2, (long)(uint32_t)(two_gib - 5), 0, 0));
  printf("  pwritev2 at 2 GiB: %ld\n",
         sys(nr_pwritev2, fd, (long)vector, 2, (long)(uint32_t)two_gib, 0, 0));
  printf("  pwrite64 below 2 GiB: %ld\n", sys(nr_pwrite64, fd, (long)bytes, 4, 4096, 0, 0));
  char back[8] = {0};
  printf("  pread64 at 2 GiB - 4: %ld\n",
         sys(nr_pread64, fd, (long)back, 8, (long)(uint32_t)(two_gib - 4), 0, 0));
  printf("  ftruncate64 to 3 GiB: %ld\n", sys(nr_ftruncate64, fd, (long)0xc0000000u, 0, 0, 0, 0));
  printf("  ftruncate to 1 GiB: %ld\n", call(nr_ftruncate, fd, 1 << 30, 0));
  printf("  fallocate past 2 GiB: %ld\n",
         sys(nr_fallocate, fd, 0, (long)(uint32_t)(two_gib - 4096), 0, 8192, 0));
  printf("  lseek to the end: %ld\n", call(nr_lseek, fd, 0, 2 /* SEEK_END */));
  int64_t end = -1;
  r = sys(nr_llseek, fd, 0, 0, (long)&end, 2 /* SEEK_END */, 0);
  printf("  _llseek to the end: %ld at %lld\n", r, (long long)end);
  seek(fd, two_gib - 2);
  printf("  read across 2 GiB: %ld\n", call(nr_read, fd, (long)back, 8));
}

int main(void) {
  const char name[] = "non_lfs.bin";
  long plain = call(nr_open, (long)name, o_rdwr | o_creat, 0600);
  long large = call(nr_open, (long)name, o_rdwr | o_largefile, 0);
  printf("open: %d %d\n", plain >= 0, large >= 0);
  writes("without O_LARGEFILE", plain);
  writes("with O_LARGEFILE", large);
  call(nr_ftruncate, large, 0, 0);

  long copies[] = {call(nr_dup, plain, 0, 0), call(nr_dup2, plain, 20, 0),
                   sys(nr_dup3, plain, 21, 02000000 /* O_CLOEXEC */, 0, 0, 0),
                   call(nr_fcntl64, plain, f_dupfd, 30),
                   call(nr_fcntl64, plain, f_dupfd_cloexec, 40)};
  for (int i = 0; i < 5; ++i) {
    char what[32];
    snprintf(what, sizeof what, "copy %d", i);
    seek(copies[i], two_gib - 1);
    printf("%s: F_GETFL has O_LARGEFILE: %d, write across 2 GiB: %ld\n", what,
           !!(call(nr_fcntl64, copies[i], f_getfl, 0) & o_largefile),
           call(nr_write, copies[i], (long)"xy", 2));
  }
  printf("F_SETFL with O_LARGEFILE: %ld, then F_GETFL has it: %d\n",
         call(nr_fcntl64, plain, f_setfl, o_largefile),
         !!(call(nr_fcntl64, plain, f_getfl, 0) & o_largefile));
  /* The descriptor number reused by an O_LARGEFILE open is large again. */
  call(nr_close, copies[0], 0, 0);
  long again = call(nr_open, (long)name, o_rdwr | o_largefile, 0);
  seek(again, two_gib - 1);
  printf("reused number %d: write across 2 GiB: %ld\n", again == copies[0],
         call(nr_write, again, (long)"xy", 2));
  /* O_APPEND: the position is the end. */
  call(nr_ftruncate, large, 0, 0);
  long append = call(nr_open, (long)name, o_rdwr | o_append, 0);
  sys(nr_ftruncate64, large, (long)(uint32_t)(two_gib - 3), 0, 0, 0, 0);
  printf("append across 2 GiB: %ld\n", call(nr_write, append, (long)"abcdef", 6));
  /* sendfile and copy_file_range into the file without O_LARGEFILE. */
  long source = call(nr_open, (long)"/proc/self/exe", 0, 0);
  int64_t from = 0;
  seek(plain, two_gib - 2);
  printf("sendfile64 across 2 GiB: %ld\n", sys(nr_sendfile64, plain, source, (long)&from, 8, 0, 0));
  int64_t to = two_gib - 2;
  from = 0;
  printf("copy_file_range across 2 GiB: %ld\n",
         sys(nr_copy_file_range, source, (long)&from, plain, (long)&to, 8, 0));
  /* A file already past 2 GiB: the open without O_LARGEFILE is EOVERFLOW. */
  sys(nr_ftruncate64, large, (long)(uint32_t)two_gib, 0, 0, 0, 0);
  printf("open past 2 GiB: %ld\n", call(nr_open, (long)name, o_rdwr, 0));
  call(nr_unlink, (long)name, 0, 0);
  fflush(stdout);
  call(nr_exit, 0, 0, 0);
  return 0;
}

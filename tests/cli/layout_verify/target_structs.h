/* Target structs written the way an emulator writes them (QEMU linux-user's syscall_defs.h
 * style): prefixed names, abi_long typedefs, explicit padding, per-ABI #ifs, 64-bit types
 * with the target's alignment. Correct on all 7 ABIs as it stands; tests/cli/layout_verify.sh
 * plants one bug at a time with -D PLANT_...: `syscompat layout --verify` must catch each. */
#include <stdint.h>

#if (defined(__x86_64__) && !defined(__ILP32__)) || defined(__aarch64__) || \
    (defined(__riscv) && __riscv_xlen == 64)
typedef int64_t abi_long;
typedef uint64_t abi_ulong;
#else
typedef int32_t abi_long;
typedef uint32_t abi_ulong;
#endif

/* The kernel's long (__kernel_long_t): 64-bit on x32 too, where pointers are 32-bit. */
#if (defined(__x86_64__) && defined(__ILP32__))
typedef int64_t abi_klong;
#else
typedef abi_long abi_klong;
#endif

/* i386 aligns 64-bit members to 4; everyone else to 8 (PLANT_ALIGN: arm EABI taken for i386). */
#if defined(__i386__) || (defined(PLANT_ALIGN) && defined(__arm__))
#define ABI_LLONG_ALIGNMENT 4
#else
#define ABI_LLONG_ALIGNMENT 8
#endif
typedef uint64_t abi_ullong __attribute__((aligned(ABI_LLONG_ALIGNMENT)));
typedef int64_t abi_llong __attribute__((aligned(ABI_LLONG_ALIGNMENT)));

struct target_timespec {
  abi_klong tv_sec;
#ifdef PLANT_SIZE /* tv_nsec as a 32-bit int everywhere */
  int32_t tv_nsec;
#else
  abi_long tv_nsec; /* a long, unlike tv_sec: 4 bytes on x32 */
#endif
};

struct target_iovec {
  abi_ulong iov_base; /* a guest pointer */
  abi_ulong iov_len;
};

typedef struct target_sigaltstack {
  abi_ulong ss_sp;
#if defined(__mips__) && !defined(PLANT_OFFSET) /* mips puts ss_size before ss_flags */
  abi_ulong ss_size;
  int32_t ss_flags;
#else
  int32_t ss_flags;
  abi_ulong ss_size;
#endif
} target_stack_t;

struct target_epoll_event {
  uint32_t events;
#if defined(__arm__) || defined(__aarch64__) || defined(__mips__) || defined(__riscv)
  uint32_t __pad;
#endif
  abi_ullong data;
}
#if defined(__x86_64__)
__attribute__((packed))
#endif
;

#if defined(__i386__) || defined(__arm__)
struct target_stat64 {
  abi_ullong st_dev;
#if !(defined(PLANT_NO_PAD) && defined(__i386__)) /* PLANT_NO_PAD: i386 loses it */
  unsigned char __pad0[4];
#endif
  abi_ulong __st_ino;
  unsigned int st_mode;
  unsigned int st_nlink;
  abi_ulong st_uid;
  abi_ulong st_gid;
  abi_ullong st_rdev;
  unsigned char __pad3[4];
#ifdef PLANT_SIGN /* st_size unsigned */
  abi_ullong st_size;
#else
  abi_llong st_size;
#endif
  abi_ulong st_blksize;
#if defined(__arm__)
  unsigned int __pad4; /* EABI aligns st_blocks to 8 */
#endif
  abi_ullong st_blocks;
  abi_ulong target_st_atime;
  abi_ulong target_st_atime_nsec;
  abi_ulong target_st_mtime;
  abi_ulong target_st_mtime_nsec;
  abi_ulong target_st_ctime;
  abi_ulong target_st_ctime_nsec;
  abi_ullong st_ino;
};
#elif defined(__mips__)
struct target_stat64 {
  abi_ulong st_dev;
  abi_ulong st_pad0[3];
  abi_ullong st_ino;
  unsigned int st_mode;
  unsigned int st_nlink;
  unsigned int st_uid;
  unsigned int st_gid;
  abi_ulong st_rdev;
  abi_ulong st_pad1[3];
  abi_llong st_size;
  abi_long target_st_atime;
  abi_ulong target_st_atime_nsec;
  abi_long target_st_mtime;
  abi_ulong target_st_mtime_nsec;
  abi_long target_st_ctime;
  abi_ulong target_st_ctime_nsec;
  abi_ulong st_blksize;
  abi_ulong st_pad2;
  abi_llong st_blocks;
};
#endif

/* No entry of the description: listed, not compared. */
struct target_cpu_state {
  abi_ulong regs[32];
};

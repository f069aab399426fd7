// Where a UAPI header does not describe what the kernel really reads or writes. The
// description follows the kernel; the layout checker reports these as known differences
// (never as passes) and fails if one of them stops occurring, so the list stays true.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "syscompat/abi/models.hpp"

namespace syscompat::abi {

struct HeaderDifference {
  std::optional<Abi> abi;    // nullopt: on every ABI
  std::string_view subject;  // "statfs" (the whole struct) or "msghdr.msg_flags" (one field)
  std::string_view reason;

  constexpr bool covers(Abi a, std::string_view mismatch_subject) const {
    if (abi && *abi != a) return false;
    return mismatch_subject == subject ||
           (mismatch_subject.size() > subject.size() && mismatch_subject.starts_with(subject) &&
            mismatch_subject[subject.size()] == '.');
  }
};

inline constexpr std::array header_differences{
    HeaderDifference{
        Abi::x32, "statfs",
        "asm-generic/statfs.h makes __statfs_word __u32 because __BITS_PER_LONG is 32 on x32, "
        "but x32 calls the native x86_64 statfs/fstatfs and the kernel writes 64-bit words "
        "(glibc's x32 struct statfs agrees with the kernel)"},
    HeaderDifference{
        Abi::x32, "shmid64_ds.shm_segsz",
        "x86's asm/shmbuf.h makes shm_segsz __kernel_size_t, 4 bytes on x32, but x32 calls the "
        "native x86_64 shmctl and the kernel writes an 8-byte size_t (the next member is "
        "8-aligned, so only this field's width differs)"},
    HeaderDifference{
        Abi::x32, "sigset",
        "x86's asm/signal.h makes sigset_t an unsigned long, 4 bytes on x32, but x32 has no "
        "one-word-mask calls: its rt_sigprocmask/rt_sigpending/rt_sigsuspend are the native "
        "x86_64 ones and read an 8-byte set"},
    HeaderDifference{
        Abi::x32, "sigaction",
        "x32's rt_sigaction (512) is compat_sys_rt_sigaction, which reads struct "
        "compat_sigaction with an 8-byte packed compat_sigset_t sa_mask (20 bytes); the header "
        "declares a 4-byte unsigned long sa_mask"},
    // The kernel's user_msghdr and ucred are not in the UAPI headers; glibc's declarations,
    // which the probe reads instead, have the same bytes but other signedness.
    HeaderDifference{std::nullopt, "msghdr.msg_namelen",
                     "the kernel's user_msghdr has int msg_namelen; glibc declares socklen_t"},
    HeaderDifference{std::nullopt, "msghdr.msg_flags",
                     "the kernel's user_msghdr has unsigned int msg_flags; glibc declares int"},
    HeaderDifference{std::nullopt, "ucred.pid",
                     "the kernel's struct ucred has __u32 pid; glibc declares pid_t"},
};

}  // namespace syscompat::abi

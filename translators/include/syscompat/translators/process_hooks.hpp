// The process owner's half of i386 translation: the calls whose meaning is the guest process
// itself (its memory map, its threads, its signal handlers, its exit), which no translation of
// arguments can serve on its own.
//
// The contract. The translators decode and check every argument they can (old_mmap's block in
// guest memory, mmap2's page offset, old sigaction layouts, sigsetsize) and call the hook
// with values in i386 terms; the hook does the process-level work and answers what the
// guest's eax gets: a result, or -errno. A translator without an owner (a test, a tool)
// answers -ENOSYS for these calls, never passes them to the kernel.
//
// The owner (run32) also keeps the GuestMemory declarations current for every mapping its
// hooks make or remove, so that later calls check guest pointers against the real map.
#pragma once

#include <array>
#include <cerrno>
#include <cstdint>
#include <vector>

#include "syscompat/abi/structs/socket.hpp"
#include "syscompat/translators/guest_memory.hpp"

namespace syscompat::translators {

struct CallPlan;

// mmap, mmap2 and old_mmap, decoded: offset in bytes whichever call the guest used.
struct MapRequest {
  GuestAddress address;
  std::uint32_t length;
  int protection;
  int flags;
  int fd;
  std::uint64_t offset;
};

// One signal's disposition as the i386 kernel keeps it (k_sigaction): handler, flags, the
// restorer the guest's libc supplies, and the full 64-signal mask.
struct GuestSigaction {
  GuestAddress handler = 0;
  std::uint32_t flags = 0;
  GuestAddress restorer = 0;
  std::uint64_t mask = 0;
};

// seccomp(2)'s SET_MODE_STRICT / SET_MODE_FILTER and prctl(PR_SET_SECCOMP), decoded: the
// guest's compat sock_fprog read and its instructions copied. What reading them met is the
// owner's to answer in the kernel's order (seccomp_set_mode_filter checks the flags first,
// then seccomp_prepare_filter reads the sock_fprog — EFAULT, and EINVAL for an empty
// program or one past BPF_MAXINSNS — then checks the permission, then copies the
// instructions: EFAULT).
struct SeccompRequest {
  bool strict = false;         // SECCOMP_MODE_STRICT: read, write, exit, sigreturn only
  std::uint32_t flags = 0;     // SECCOMP_FILTER_FLAG_*, checked by the owner
  int fprog_error = 0;         // reading the sock_fprog: EFAULT or EINVAL (its length)
  int instructions_error = 0;  // reading its instructions: EFAULT
  std::vector<abi::sock_filter<abi::X86_64>> program;  // one layout on every ABI
};

class ProcessHooks {
 public:
  virtual ~ProcessHooks() = default;

  // Memory placement below 4 GB and off the owner's reserved ranges. map answers the guest
  // address (as an unsigned 32-bit value in eax) or -errno. io_setup uses map and protect
  // too: it reserves a range with map, moves the kernel's aio ring onto it, then declares it
  // readable and writable with protect.
  virtual std::int32_t map(const MapRequest& request) = 0;
  virtual std::int32_t unmap(GuestAddress address, std::uint32_t length) = 0;
  virtual std::int32_t protect(GuestAddress address, std::uint32_t length, int protection) = 0;
  virtual std::int32_t remap(GuestAddress address, std::uint32_t old_length,
                             std::uint32_t new_length, int flags, GuestAddress new_address) = 0;
  virtual std::int32_t brk(GuestAddress address) = 0;
  // shmat's placement; the address, or -errno.
  virtual std::int32_t shm_attach(int id, GuestAddress address, int flags) = 0;

  // The disposition of a signal (signal, sigaction, rt_sigaction all come here): set it
  // from `action` when that is not null, report the previous one in `previous` when that is
  // not null. The signal number is checked by the owner, as the kernel's do_sigaction.
  virtual std::int32_t sigaction(int signal, const GuestSigaction* action,
                                 GuestSigaction* previous) = 0;

  // A seccomp filter or strict mode for the guest. The filter judges the guest's syscalls
  // (AUDIT_ARCH_I386 and i386 numbers in its seccomp_data), so only the owner, which sees
  // each of them, can apply it: installed natively it would judge the shim's own x86_64
  // calls. An owner that does not evaluate guest filters answers EINVAL, the answer of a
  // kernel built without CONFIG_SECCOMP_FILTER.
  virtual std::int32_t seccomp(const SeccompRequest&) { return -EINVAL; }

  // A call made through the kernel's own i386 entry (the guest's registers), for the calls
  // whose compat meaning the kernel keeps in an object the call creates or uses:
  // io_uring_setup from a compat task makes a compat ring (ctx->compat), which reads compat
  // iovecs and msghdrs from its submissions and its registrations, as for an i386 process.
  // Only called when has_compat_entry(); without one the translators make native calls.
  virtual bool has_compat_entry() const { return false; }
  virtual std::int32_t compat_entry(std::uint32_t /*number*/,
                                    const std::array<std::uint32_t, 6>& /*registers*/) {
    return -ENOSYS;
  }

  // Everything else the owner serves whole, with the guest's registers (ebx, ecx, edx, esi,
  // edi, ebp): exit, exit_group, fork, vfork, clone, clone3, execve, execveat,
  // set_thread_area, get_thread_area, modify_ldt, sigreturn, rt_sigreturn.
  virtual std::int32_t owner_call(const CallPlan& plan,
                                  const std::array<std::uint32_t, 6>& registers) = 0;
};

}  // namespace syscompat::translators

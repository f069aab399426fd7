// The i386 calls the process owner serves: their arguments decoded and checked here, the
// process-level work handed to ProcessHooks. Each mirrors the kernel function named with it.
#include "i386_hooks.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "i386_special.hpp"
#include "syscompat/abi/catalog.hpp"
#include "syscompat/translators/i386.hpp"

namespace syscompat::translators::i386_hooks {

namespace {

using abi::I386;
using Args = std::span<const abi::ArgValue>;

constexpr std::uint32_t page_size = 4096;     // i386's, and mmap2's offset unit
constexpr std::uint32_t ipc_shmat_call = 21;  // SHMAT in linux/ipc.h's ipc() call numbers

// The length of the mapping that starts at `address`, from /proc/self/maps; 0 if none.
std::uint64_t ring_length(std::uint64_t address) {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    std::uint64_t start = 0, end = 0;
    if (std::sscanf(line.c_str(), "%lx-%lx", &start, &end) == 2 && start == address)
      return end - start;
  }
  return 0;
}

// old_mmap (arch/x86's sys_old_mmap before 2.6.32, now mm/mmap.c's old_mmap): the six
// arguments in a block in guest memory; the offset in bytes, page-aligned.
std::int32_t old_mmap(const GuestMemory& memory, ProcessHooks& hooks, Args a) {
  abi::mmap_arg_struct<I386> block{};
  if (memory.copy_in(&block, static_cast<GuestAddress>(a[0].value), sizeof block)) return -EFAULT;
  if (block.offset.get() % page_size) return -EINVAL;
  return hooks.map({block.addr.get(), block.len.get(), static_cast<int>(block.prot.get()),
                    static_cast<int>(block.flags.get()), static_cast<int>(block.fd.get()),
                    block.offset.get()});
}

// mmap2 (ksys_mmap_pgoff): the offset in 4096-byte units, whatever the page size.
std::int32_t mmap2(const GuestMemory&, ProcessHooks& hooks, Args a) {
  return hooks.map({static_cast<GuestAddress>(a[0].value), static_cast<std::uint32_t>(a[1].value),
                    static_cast<int>(a[2].value), static_cast<int>(a[3].value),
                    static_cast<int>(a[4].value), a[5].value * page_size});
}

std::int32_t munmap(const GuestMemory&, ProcessHooks& hooks, Args a) {
  return hooks.unmap(static_cast<GuestAddress>(a[0].value), static_cast<std::uint32_t>(a[1].value));
}
std::int32_t mprotect(const GuestMemory&, ProcessHooks& hooks, Args a) {
  return hooks.protect(static_cast<GuestAddress>(a[0].value),
                       static_cast<std::uint32_t>(a[1].value), static_cast<int>(a[2].value));
}
std::int32_t mremap(const GuestMemory&, ProcessHooks& hooks, Args a) {
  return hooks.remap(static_cast<GuestAddress>(a[0].value), static_cast<std::uint32_t>(a[1].value),
                     static_cast<std::uint32_t>(a[2].value), static_cast<int>(a[3].value),
                     static_cast<GuestAddress>(a[4].value));
}
std::int32_t brk(const GuestMemory&, ProcessHooks& hooks, Args a) {
  return hooks.brk(static_cast<GuestAddress>(a[0].value));
}
std::int32_t shmat(const GuestMemory&, ProcessHooks& hooks, Args a) {
  return hooks.shm_attach(static_cast<int>(a[0].value), static_cast<GuestAddress>(a[1].value),
                          static_cast<int>(a[2].value));
}

// signal (kernel/signal.c's sys_signal): a one-shot handler that does not mask itself; the
// old handler, or the error.
std::int32_t signal(const GuestMemory&, ProcessHooks& hooks, Args a) {
  GuestSigaction action{static_cast<GuestAddress>(a[1].value), SA_RESETHAND | SA_NODEFER, 0, 0};
  GuestSigaction previous;
  const std::int32_t error = hooks.sigaction(static_cast<int>(a[0].value), &action, &previous);
  return error ? error : static_cast<std::int32_t>(previous.handler);
}

// sigaction (compat_sys_sigaction): old_sigaction with a one-word mask; the new action is
// read whole before anything changes, the old one written only on success.
std::int32_t sigaction(const GuestMemory& memory, ProcessHooks& hooks, Args a) {
  GuestSigaction action, previous;
  if (a[1].value) {
    abi::sigaction_old<I386> guest{};
    if (memory.copy_in(&guest, static_cast<GuestAddress>(a[1].value), sizeof guest)) return -EFAULT;
    GuestAddress handler;  // _u's _sa_handler and _sa_sigaction are one 32-bit pointer
    std::memcpy(&handler, guest._u.bytes, sizeof handler);
    action = {handler, guest.sa_flags.get(), guest.sa_restorer.get(), guest.sa_mask.get()};
  }
  if (std::int32_t error =
          hooks.sigaction(static_cast<int>(a[0].value), a[1].value ? &action : nullptr,
                          a[2].value ? &previous : nullptr))
    return error;
  if (a[2].value) {
    abi::sigaction_old<I386> guest{};
    std::memcpy(guest._u.bytes, &previous.handler, sizeof previous.handler);
    guest.sa_flags.set(previous.flags);
    guest.sa_restorer.set(previous.restorer);
    guest.sa_mask.set(static_cast<std::uint32_t>(previous.mask));
    if (memory.copy_out(static_cast<GuestAddress>(a[2].value), &guest, sizeof guest))
      return -EFAULT;
  }
  return 0;
}

// rt_sigaction (compat_sys_rt_sigaction): compat_sigaction, and sigsetsize must be 8.
std::int32_t rt_sigaction(const GuestMemory& memory, ProcessHooks& hooks, Args a) {
  if (a[3].value != sizeof(std::uint64_t)) return -EINVAL;
  GuestSigaction action, previous;
  if (a[1].value) {
    abi::compat_sigaction<I386> guest{};
    if (memory.copy_in(&guest, static_cast<GuestAddress>(a[1].value), sizeof guest)) return -EFAULT;
    action = {guest.handler.get(), guest.sa_flags.get(), guest.sa_restorer.get(),
              guest.sa_mask[0].get() | std::uint64_t{guest.sa_mask[1].get()} << 32};
  }
  if (std::int32_t error =
          hooks.sigaction(static_cast<int>(a[0].value), a[1].value ? &action : nullptr,
                          a[2].value ? &previous : nullptr))
    return error;
  if (a[2].value) {
    abi::compat_sigaction<I386> guest{};
    guest.handler.set(previous.handler);
    guest.sa_flags.set(previous.flags);
    guest.sa_restorer.set(previous.restorer);
    guest.sa_mask[0].set(static_cast<std::uint32_t>(previous.mask));
    guest.sa_mask[1].set(static_cast<std::uint32_t>(previous.mask >> 32));
    if (memory.copy_out(static_cast<GuestAddress>(a[2].value), &guest, sizeof guest))
      return -EFAULT;
  }
  return 0;
}

// io_setup(nr_events, ctx32p) (compat_sys_io_setup): the context id is the address of the
// ring the kernel maps in the caller, which the guest reads directly (libaio reaps events
// from it), so the ring must lie below 4 GB. It is made natively, then moved with mremap
// (the kernel follows its ring: aio_ring_mremap) onto a range the owner places.
std::int32_t io_setup(const GuestMemory& memory, ProcessHooks& hooks, Args a) {
  std::uint32_t context;
  if (memory.copy_in(&context, static_cast<GuestAddress>(a[1].value), sizeof context))
    return -EFAULT;
  if (context != 0 || a[0].value == 0) return -EINVAL;
  std::uint64_t native_context = 0;
  if (long error = i386_special::native<"io_setup">(
          a[0].value, reinterpret_cast<std::uint64_t>(&native_context));
      error < 0)
    return static_cast<std::int32_t>(error);
  auto destroy = [&](std::int32_t error) {
    i386_special::native<"io_destroy">(native_context);
    return error;
  };
  const std::uint64_t length = ring_length(native_context);
  if (!length) return destroy(-ENOMEM);
  const std::int32_t place = hooks.map(
      {0, static_cast<std::uint32_t>(length), PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0});
  if (place < 0 && place > -4096) return destroy(place);
  const auto guest_ring = static_cast<GuestAddress>(place);
  const long moved =
      i386_special::native<"mremap">(native_context, length, length, MREMAP_MAYMOVE | MREMAP_FIXED,
                                     reinterpret_cast<std::uint64_t>(memory.host(guest_ring)));
  if (moved < 0) {
    hooks.unmap(guest_ring, static_cast<std::uint32_t>(length));
    return destroy(static_cast<std::int32_t>(moved));
  }
  // the ring is readable and writable where the owner reserved nothing accessible
  hooks.protect(guest_ring, static_cast<std::uint32_t>(length), PROT_READ | PROT_WRITE);
  native_context = reinterpret_cast<std::uint64_t>(memory.host(guest_ring));
  if (memory.copy_out(static_cast<GuestAddress>(a[1].value), &guest_ring, sizeof guest_ring))
    return destroy(-EFAULT);
  return 0;
}

// execveat(dirfd, path, argv, envp, flags): what fs/exec.c refuses before the owner runs
// anything, in its order: the path (getname_flags: EFAULT, ENAMETOOLONG, ENOENT for an
// empty one without AT_EMPTY_PATH), the flags (do_open_execat: EINVAL), the directory
// descriptor wherever the path is resolved from it (EBADF).
std::int32_t execveat_refusal(const GuestMemory& memory, Args a) {
  const auto directory = static_cast<std::int32_t>(a[0].value);
  const auto flags = static_cast<std::uint32_t>(a[4].value);
  std::string path;
  if (int error = memory.read_string(static_cast<GuestAddress>(a[1].value), 4096, path))
    return -error;
  if (path.empty() && !(flags & AT_EMPTY_PATH)) return -ENOENT;
  if (flags & ~static_cast<std::uint32_t>(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return -EINVAL;
  if ((path.empty() || path[0] != '/') && directory != AT_FDCWD &&
      i386_special::native<"fcntl">(static_cast<std::uint64_t>(directory), F_GETFD, 0) < 0)
    return -EBADF;
  return 0;
}

// ---- seccomp (kernel/seccomp.c) ---------------------------------------------------------

constexpr std::uint64_t bpf_maxinsns = 4096;

// seccomp_prepare_user_filter over get_compat_sock_fprog: the guest's program read whole,
// what it met kept for the owner (SeccompRequest).
void read_program(const GuestMemory& memory, std::uint64_t address, SeccompRequest& request) {
  abi::sock_fprog<I386> guest{};
  if (memory.copy_in(&guest, static_cast<GuestAddress>(address), sizeof guest)) {
    request.fprog_error = EFAULT;
    return;
  }
  const std::uint64_t length = guest.len.get();
  if (length == 0 || length > bpf_maxinsns) {
    request.fprog_error = EINVAL;
    return;
  }
  request.program.resize(length);
  request.instructions_error = memory.copy_in(request.program.data(), guest.filter.get(),
                                              length * sizeof(abi::sock_filter<I386>));
}

const SeccompRequest strict_mode = [] {
  SeccompRequest request;
  request.strict = true;
  return request;
}();

std::int32_t to_owner(ProcessHooks* hooks, const SeccompRequest& request) {
  return hooks ? hooks->seccomp(request) : -ENOSYS;
}

// seccomp(op, flags, uargs): do_seccomp. Strict mode and filters are the owner's; the
// queries (SECCOMP_GET_ACTION_AVAIL's u32, SECCOMP_GET_NOTIF_SIZES's three u16) have one
// layout and go to the kernel.
std::int32_t seccomp(const GuestMemory& memory, ProcessHooks* hooks, Args a) {
  constexpr std::uint64_t set_mode_strict = 0, set_mode_filter = 1;
  const std::uint64_t op = a[0].value & 0xffffffffu, flags = a[1].value & 0xffffffffu;
  if (op == set_mode_strict) {
    if (flags != 0 || a[2].value != 0) return -EINVAL;
    return to_owner(hooks, strict_mode);
  }
  if (op == set_mode_filter) {
    SeccompRequest request;
    request.flags = static_cast<std::uint32_t>(flags);
    read_program(memory, a[2].value, request);
    return to_owner(hooks, request);
  }
  return static_cast<std::int32_t>(i386_special::native<"seccomp">(
      op, flags,
      a[2].value
          ? reinterpret_cast<std::uint64_t>(memory.host(static_cast<GuestAddress>(a[2].value)))
          : 0));
}

// prctl(option, arg2, arg3, arg4, arg5): kernel/sys.c. PR_SET_SECCOMP (prctl_set_seccomp:
// arg2 the mode, arg3 the program) is the owner's; every other option takes values the
// native call reads as the compat one does.
std::int32_t prctl(const GuestMemory& memory, ProcessHooks* hooks, Args a) {
  constexpr std::uint64_t pr_set_seccomp = 22, mode_strict = 1, mode_filter = 2;
  if ((a[0].value & 0xffffffffu) == pr_set_seccomp) {
    if (a[1].value == mode_strict) return to_owner(hooks, strict_mode);
    if (a[1].value != mode_filter) return -EINVAL;
    SeccompRequest request;
    read_program(memory, a[2].value, request);
    return to_owner(hooks, request);
  }
  return static_cast<std::int32_t>(
      i386_special::native<"prctl">(a[0].value, a[1].value, a[2].value, a[3].value, a[4].value));
}

// ---- io_uring (io_uring/io_uring.c, io_uring/register.c, io_uring/rsrc.c) ----------------
//
// A ring made through the owner's i386 entry is a compat ring (io_uring_create's
// ctx->compat = in_compat_syscall()): the kernel reads the compat iovecs of READV/WRITEV
// submissions, the compat msghdrs of SENDMSG/RECVMSG, and the compat iovecs of
// IORING_REGISTER_BUFFERS, BUFFERS2 and BUFFERS_UPDATE itself, whenever it reads them
// (SQPOLL's thread included). Without an owner, a native ring: i386_special's handler.

std::array<std::uint32_t, 6> registers_of(Args a) {
  std::array<std::uint32_t, 6> registers{};
  for (std::size_t i = 0; i < a.size() && i < registers.size(); ++i)
    registers[i] = static_cast<std::uint32_t>(a[i].value);
  return registers;
}

// io_uring_setup(entries, params): the params (io_uring_params, one layout) written back.
std::int32_t io_uring_setup(const GuestMemory& memory, ProcessHooks* hooks, Args a) {
  if (!memory.accessible(static_cast<GuestAddress>(a[1].value), sizeof(abi::io_uring_params<I386>),
                         GuestMemory::readable | GuestMemory::writable))
    return -EFAULT;
  if (hooks && hooks->has_compat_entry())
    return hooks->compat_entry(abi::syscall_number(abi::Abi::i386, "io_uring_setup"),
                               registers_of(a));
  return static_cast<std::int32_t>(i386_special::native<"io_uring_setup">(
      a[0].value,
      reinterpret_cast<std::uint64_t>(memory.host(static_cast<GuestAddress>(a[1].value)))));
}

// io_uring_register(fd, opcode, arg, nr_args) on the owner's compat ring: io_sqe_buffers_register
// reads the compat iovecs of IORING_REGISTER_BUFFERS, each of which must lie in the guest's
// memory (io_buffer_validate pins them: none may name the shim's).
std::int32_t io_uring_register(const GuestMemory& memory, ProcessHooks* hooks, Args a) {
  if (!hooks || !hooks->has_compat_entry()) {
    // i386_special's handler, at the index the compiler put in
    return i386_special::handlers[abi::syscall_number(abi::Abi::i386, "io_uring_register")](memory,
                                                                                            a);
  }
  constexpr std::uint64_t register_buffers = 0, max_buffers = 1u << 14;  // IORING_MAX_REG_BUFFERS
  const auto count = static_cast<std::uint32_t>(a[3].value);
  if ((a[1].value & 0xffffffffu) == register_buffers && count && count <= max_buffers) {
    for (std::uint32_t i = 0; i < count; ++i) {
      abi::iovec<I386> guest{};
      if (memory.copy_in(&guest, static_cast<GuestAddress>(a[2].value + i * sizeof guest),
                         sizeof guest))
        return -EFAULT;
      const std::uint32_t length = guest.iov_len.get();
      if (length && !memory.accessible(guest.iov_base.get(), length,
                                       GuestMemory::readable | GuestMemory::writable))
        return -EFAULT;
    }
  }
  return hooks->compat_entry(abi::syscall_number(abi::Abi::i386, "io_uring_register"),
                             registers_of(a));
}

constexpr i386_plan_table::Named<OwnerOptional> named_owner_optional[] = {
    {"seccomp", seccomp},
    {"prctl", prctl},
    {"io_uring_setup", io_uring_setup},
    {"io_uring_register", io_uring_register},
};

constexpr i386_plan_table::Named<Refusal> named_refusals[] = {
    {"execveat", execveat_refusal},
};

constexpr i386_plan_table::Named<Handler> named_handlers[] = {
    {"mmap", old_mmap},       {"mmap2", mmap2},
    {"munmap", munmap},       {"mprotect", mprotect},
    {"mremap", mremap},       {"brk", brk},
    {"shmat", shmat},         {"signal", signal},
    {"sigaction", sigaction}, {"rt_sigaction", rt_sigaction},
    {"io_setup", io_setup},
};

}  // namespace

bool is_ipc_shmat(const abi::Syscall& call, std::uint32_t first_register) {
  return (first_register & 0xffff) == ipc_shmat_call &&
         call.number == abi::syscall_number(abi::Abi::i386, "ipc");
}

// compat_ksys_ipc's SHMAT: version 1 (iBCS2) refused; the address written to `third`.
std::int32_t ipc_shmat(const GuestMemory& memory, ProcessHooks& hooks,
                       const std::array<std::uint32_t, 6>& r) {
  if (r[0] >> 16 == 1) return -EINVAL;
  const std::int32_t address =
      hooks.shm_attach(static_cast<int>(r[1]), r[4], static_cast<int>(r[2]));
  if (address < 0 && address > -4096) return address;
  const auto value = static_cast<std::uint32_t>(address);
  return memory.copy_out(r[3], &value, sizeof value) ? -EFAULT : 0;
}

constexpr i386_plan_table::ByNumber<OwnerOptional> owner_optional =
    i386_plan_table::by_number(named_owner_optional);
constexpr i386_plan_table::ByNumber<Refusal> refusals = i386_plan_table::by_number(named_refusals);
constexpr i386_plan_table::ByNumber<Handler> handlers = i386_plan_table::by_number(named_handlers);

}  // namespace syscompat::translators::i386_hooks

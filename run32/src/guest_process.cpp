#include "guest_process.hpp"

#include <fcntl.h>
#include <linux/sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "elf_loader.hpp"
#include "guest_tls.hpp"
#include "guest_trace.hpp"
#include "i386_numbers.hpp"
#include "signals.hpp"
#include "syscall_capture.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "syscompat/run32/run32.hpp"
#include "threads.hpp"

namespace syscompat::run32 {

namespace {

GuestProcess* the_process = nullptr;

bool failed(std::int32_t result) {
  return result < 0 && result > -4096;
}

std::uint64_t page_up(std::uint64_t length) {
  return (length + GuestProcess::page_size - 1) & ~std::uint64_t{GuestProcess::page_size - 1};
}

// Whether [address, address + length) reaches past the i386 TASK_SIZE, which the x86_64
// calls the shim makes do not check: the shim does, with the errors the i386 kernel gives.
bool past_task_size(std::uint64_t address, std::uint64_t length) {
  return address + length > GuestProcess::task_size;
}

// A kernel answer (-1 and errno) as eax.
std::int32_t eax_of(long result) {
  return result == -1 ? -errno : static_cast<std::int32_t>(result);
}

// argv and envp of a guest execve: NULL-terminated arrays of 32-bit pointers to strings.
int read_string_vector(const translators::GuestMemory& memory, GuestAddress at,
                       std::vector<std::string>& out) {
  constexpr std::size_t most = 1 << 17;  // the kernel's MAX_ARG_STRINGS is larger; enough
  for (out.clear(); at; at += 4) {
    if (out.size() == most) return E2BIG;
    GuestAddress pointer;
    if (memory.copy_in(&pointer, at, sizeof pointer)) return EFAULT;
    if (!pointer) return 0;
    std::string text;
    if (int error = memory.read_string(pointer, 1 << 17, text)) return error;
    out.push_back(std::move(text));
  }
  return 0;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (auto& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

}  // namespace

// What execve passed on (flush_signal_handlers): a signal the exec'ing process ignored stays
// ignored, every other is back to its default. The host's dispositions are those; the
// guest's start as them (nohup's SIGHUP, a shell's `trap '' INT`).
GuestProcess::GuestProcess() {
  for (std::size_t signal = 1; signal < guest_signal_count; ++signal) {
    struct sigaction inherited {};
    if (::sigaction(static_cast<int>(signal), nullptr, &inherited) == 0 &&
        inherited.sa_handler == SIG_IGN)
      dispositions_[signal].handler = reinterpret_cast<std::uintptr_t>(SIG_IGN);
  }
}

GuestProcess& guest_process() {
  return *the_process;
}
void set_guest_process(GuestProcess* process) {
  the_process = process;
}

// Under the Change that also covers the kernel call, so that no other thread's copy falls
// between the two.
void GuestProcess::declare(translators::GuestMemory::Change& change, GuestAddress address,
                           std::uint64_t length, int protection) {
  // x86 pages that can be written or executed can be read.
  const int access = (protection & (PROT_READ | PROT_WRITE | PROT_EXEC) ? memory_.readable : 0) |
                     (protection & PROT_WRITE ? memory_.writable : 0);
  if (access)
    change.map(address, page_up(length), access);
  else
    change.unmap(address, page_up(length));
}

// The guest's mappings are placed by the shim (guest_memory_map.hpp) and made with x86_64
// calls: the i386 entry may not exist (ia32_emulation=0). Under the Change, which also keeps
// the placement map.
std::int32_t GuestProcess::map(const translators::MapRequest& request) {
  if (request.offset % page_size) return -EINVAL;
  // get_unmapped_area: ENOMEM for a fixed range past TASK_SIZE; a hint there is dropped.
  const bool fixed = request.flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);
  const std::uint64_t length = page_up(request.length);
  const bool out_of_range = past_task_size(request.address, length);
  if (fixed && out_of_range) return -ENOMEM;
  if (request.length == 0) return -EINVAL;
  // MAP_32BIT means nothing to the i386 kernel.
  const int flags = request.flags & ~MAP_32BIT;
  auto change = memory_.change();
  const auto call = [&](std::uint64_t address, int with) {
    return ::syscall(SYS_mmap, address, request.length, request.protection, with, request.fd,
                     request.offset);
  };
  long result;
  if (fixed) {
    result = call(request.address, flags);
  } else {
    // A range the map thought free but the kernel did not (mapped behind the shim's back):
    // the map read again, once.
    for (int attempt = 0;; ++attempt) {
      const auto at = address_space_.place(out_of_range ? 0 : request.address, length);
      if (!at) return -ENOMEM;
      result = call(*at, flags | MAP_FIXED_NOREPLACE);
      if (result != -1 || errno != EEXIST || attempt) break;
      address_space_.reload();
    }
    // A file whose get_unmapped_area takes no address (io_uring_get_unmapped_area: its rings
    // are placed by the kernel alone) is placed by the x86_64 kernel below 2 GB (MAP_32BIT),
    // where the i386 kernel would place it below the stack: the guest sees a lower address.
    if (result == -1 && errno == EINVAL && !(flags & MAP_ANONYMOUS)) {
      result = call(0, flags | MAP_32BIT);
      if (result != -1 && past_task_size(static_cast<std::uint64_t>(result), length)) {
        ::munmap(reinterpret_cast<void*>(result), length);
        return -ENOMEM;
      }
    }
  }
  if (result == -1) return -errno;
  address_space_.taken(static_cast<std::uint64_t>(result), length);
  declare(change, static_cast<GuestAddress>(result), request.length, request.protection);
  return static_cast<std::int32_t>(result);
}

std::int32_t GuestProcess::unmap(GuestAddress address, std::uint32_t length) {
  if (past_task_size(address, page_up(length))) return -EINVAL;
  auto change = memory_.change();
  if (::munmap(memory_.host(address), length) == -1) return -errno;
  address_space_.released(address, page_up(length));
  change.unmap(address, page_up(length));
  return 0;
}

std::int32_t GuestProcess::protect(GuestAddress address, std::uint32_t length, int protection) {
  if (past_task_size(address, page_up(length))) return -ENOMEM;  // no mapping of the guest's
  auto change = memory_.change();
  if (::mprotect(memory_.host(address), length, protection) == -1) return -errno;
  // PROT_GROWSDOWN/UP extend the range to the mapping's edge; the declarations keep the
  // range asked for, which is what a guest relying on them touches.
  declare(change, address, length, protection);
  return 0;
}

std::int32_t GuestProcess::remap(GuestAddress address, std::uint32_t old_length,
                                 std::uint32_t new_length, int flags, GuestAddress new_address) {
  // mremap_to's EINVAL for a target past TASK_SIZE; a range growing in place past it cannot
  // (the shim's reserved pages are mapped there), so it moves or fails as natively.
  if (past_task_size(address, page_up(old_length)) ||
      ((flags & MREMAP_FIXED) && past_task_size(new_address, page_up(new_length))))
    return -EINVAL;
  auto change = memory_.change();
  const int access = change.accessible(address, old_length, memory_.writable)   ? PROT_WRITE
                     : change.accessible(address, old_length, memory_.readable) ? PROT_READ
                                                                                : PROT_NONE;
  const auto call = [&](int with, std::uint64_t to) {
    return ::syscall(SYS_mremap, memory_.host(address), old_length, new_length, with, to);
  };
  long result = -1;
  // The x86_64 kernel would move the range anywhere: first in place, then to a range the
  // shim chose (MREMAP_DONTUNMAP always moves).
  if ((flags & MREMAP_FIXED) || !(flags & MREMAP_MAYMOVE)) {
    result = call(flags, new_address);
  } else {
    if (!(flags & MREMAP_DONTUNMAP)) result = call(flags & ~MREMAP_MAYMOVE, 0);
    if (result == -1 && (flags & MREMAP_DONTUNMAP || errno == ENOMEM)) {
      const auto at = address_space_.place(0, page_up(new_length));
      if (!at) return -ENOMEM;
      result = call(flags | MREMAP_FIXED, *at);
    }
  }
  if (result == -1) return -errno;
  // MREMAP_DONTUNMAP leaves the old range mapped (and empty).
  if (!(flags & MREMAP_DONTUNMAP)) {
    address_space_.released(address, page_up(old_length));
    change.unmap(address, page_up(old_length));
  }
  address_space_.taken(static_cast<std::uint64_t>(result), page_up(new_length));
  declare(change, static_cast<GuestAddress>(result), new_length, access);
  return static_cast<std::int32_t>(result);
}

// The heap: anonymous pages from the end of the program up, grown and shrunk a page at a
// time; as the kernel's brk, a failure answers the current break.
std::int32_t GuestProcess::brk(GuestAddress address) {
  if (address < brk_start_) return static_cast<std::int32_t>(brk_current_);
  const auto new_end = static_cast<GuestAddress>(page_up(address));
  if (new_end > brk_mapped_end_) {
    const std::int32_t result =
        map({brk_mapped_end_, new_end - brk_mapped_end_, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0});
    if (failed(result)) return static_cast<std::int32_t>(brk_current_);
  } else if (new_end < brk_mapped_end_) {
    unmap(new_end, brk_mapped_end_ - new_end);
  }
  brk_mapped_end_ = new_end;
  brk_current_ = address;
  return static_cast<std::int32_t>(brk_current_);
}

// do_shmat with the address the shim placed (the segment's size from IPC_STAT; the kernel's
// own answer when that fails).
std::int32_t GuestProcess::shm_attach(int id, GuestAddress address, int flags) {
  if (address && past_task_size(address, page_size)) return -EINVAL;
  if (!address && (flags & SHM_REMAP)) return -EINVAL;  // do_shmat: nothing to replace
  auto change = memory_.change();
  shmid_ds segment{};
  const bool sized = ::shmctl(id, IPC_STAT, &segment) == 0;
  const std::uint64_t length = page_up(segment.shm_segsz);
  long result = -1;
  if (address || !sized) {
    result = reinterpret_cast<long>(::shmat(id, address ? memory_.host(address) : nullptr, flags));
    if (result != -1 && !address) {  // placed by the x86_64 kernel: not the guest's
      ::shmdt(reinterpret_cast<void*>(result));
      return -ENOMEM;
    }
  } else {
    for (int attempt = 0;; ++attempt) {
      const auto at = address_space_.place(0, length);
      if (!at) return -ENOMEM;
      result = reinterpret_cast<long>(::shmat(id, reinterpret_cast<void*>(*at), flags));
      if (result != -1 || errno != EINVAL || attempt) break;
      address_space_.reload();
    }
  }
  if (result == -1) return -errno;
  if (address && past_task_size(static_cast<std::uint64_t>(result), length)) {
    ::shmdt(reinterpret_cast<void*>(result));
    return -EINVAL;
  }
  address_space_.taken(static_cast<std::uint64_t>(result), length);
  declare(change, static_cast<GuestAddress>(result), segment.shm_segsz,
          flags & SHM_RDONLY ? PROT_READ : PROT_READ | PROT_WRITE);
  return static_cast<std::int32_t>(result);
}

// do_sigaction on the calling thread's group's dispositions (a process's threads share them;
// a child on this memory without CLONE_SIGHAND has its own).
std::int32_t GuestProcess::seccomp(const translators::SeccompRequest& request) {
  return set_guest_seccomp(request);
}

std::int32_t GuestProcess::compat_entry(std::uint32_t number,
                                        const std::array<std::uint32_t, 6>& r) {
  // Without the kernel's i386 entry no compat object can be made, and a native one would
  // read the guest's 32-bit structures as 64-bit ones: ENOSYS, as a kernel without the call.
  if (!has_i386_entry()) return -ENOSYS;
  return run32_int80(number, r[0], r[1], r[2], r[3], r[4], r[5]);
}

std::int32_t GuestProcess::sigaction(int signal, const translators::GuestSigaction* action,
                                     translators::GuestSigaction* previous) {
  if (signal < 1 || signal >= static_cast<int>(guest_signal_count)) return -EINVAL;
  if (action && (signal == SIGKILL || signal == SIGSTOP)) return -EINVAL;
  std::lock_guard lock(dispositions_lock_);
  translators::GuestSigaction* dispositions = this_thread().dispositions;
  if (previous) *previous = dispositions[signal];
  if (action) {
    if (int error = install_guest_disposition(signal, *action)) return -error;
    dispositions[signal] = *action;
  }
  return 0;
}

translators::GuestSigaction GuestProcess::disposition(int signal) const {
  std::lock_guard lock(dispositions_lock_);
  return this_thread().dispositions[signal];
}

bool GuestProcess::is_own_executable_link(std::string_view path) const {
  if (path == "/proc/self/exe" || path == "/proc/thread-self/exe") return true;
  // /proc/PID/exe with this process's PID, which is asked for only when the path has that
  // shape: every readlink comes here, and nothing on the way allocates.
  constexpr std::string_view prefix = "/proc/", suffix = "/exe";
  if (path.size() <= prefix.size() + suffix.size() || !path.starts_with(prefix) ||
      !path.ends_with(suffix))
    return false;
  std::array<char, 16> pid;
  const auto written = std::to_chars(pid.data(), pid.data() + pid.size(), ::getpid());
  return path.substr(prefix.size(), path.size() - prefix.size() - suffix.size()) ==
         std::string_view(pid.data(), static_cast<std::size_t>(written.ptr - pid.data()));
}

std::string GuestProcess::resolve_own_executable(const std::string& path) const {
  return is_own_executable_link(path) ? program_path_ : path;
}

std::int32_t GuestProcess::read_own_executable_link(GuestAddress buffer, std::uint32_t size) {
  if (static_cast<std::int32_t>(size) <= 0) return -EINVAL;
  const std::uint32_t length =
      std::min<std::uint32_t>(size, static_cast<std::uint32_t>(program_path_.size()));
  if (memory_.copy_out(buffer, program_path_.data(), length)) return -EFAULT;
  return static_cast<std::int32_t>(length);
}

std::int32_t GuestProcess::owner_call(const translators::CallPlan& plan,
                                      const std::array<std::uint32_t, 6>& r) {
  // The call's number, matched against numbers the compiler put in: no name compared.
  switch (plan.guest->number) {
    case i386_number("exit"):
      exit_thread(static_cast<int>(r[0]));
    case i386_number("exit_group"):
      exit_group(static_cast<int>(r[0]));
    case i386_number("set_thread_area"):
      return guest_set_thread_area(memory_, r[0]);
    case i386_number("get_thread_area"):
      return guest_get_thread_area(memory_, r[0]);
    case i386_number("modify_ldt"):
      if (!memory_.accessible(r[1], r[2],
                              r[0] == 1 || r[0] == 0x11 ? memory_.readable : memory_.writable))
        return -EFAULT;
      return eax_of(::syscall(SYS_modify_ldt, r[0], memory_.host(r[1]), r[2]));
    case i386_number("fork"):
      return clone_guest(*this, {.exit_signal = SIGCHLD});
    case i386_number("vfork"):
      return clone_guest(*this, {.flags = CLONE_VM | CLONE_VFORK, .exit_signal = SIGCHLD});
    case i386_number("clone"):
      return clone(r);
    case i386_number("clone3"):
      return clone3_guest(*this, r[0], r[1]);
    case i386_number("set_tid_address"):
      return set_tid_address(r[0]);
    case i386_number("set_robust_list"):
      return set_robust_list(*this, r[0], r[1]);
    case i386_number("get_robust_list"):
      return get_robust_list(*this, static_cast<int>(r[0]), r[1], r[2]);
    case i386_number("rseq"):
      return guest_rseq(*this, r[0], r[1], r[2], r[3]);
    case i386_number("execve"):
      return execve(r);
    case i386_number("execveat"):
      return execveat(r);
    case i386_number("sigreturn"):
      return signal_return(*this, false);
    case i386_number("rt_sigreturn"):
      return signal_return(*this, true);
    default:
      return -ENOSYS;
  }
}

// i386 clone (CLONE_BACKWARDS): ebx flags and the exit signal, ecx the child's stack, edx
// parent_tid (or the pidfd's slot with CLONE_PIDFD), esi tls (a user_desc), edi child_tid.
std::int32_t GuestProcess::clone(const std::array<std::uint32_t, 6>& r) {
  CloneRequest request;
  request.flags = r[0] & ~std::uint32_t{CSIGNAL};
  request.exit_signal = static_cast<int>(r[0] & CSIGNAL);
  request.stack = r[1];
  request.parent_tid = r[2];
  request.tls = r[3];
  request.child_tid = r[4];
  if (request.flags & CLONE_PIDFD) {
    // kernel_clone: the one slot cannot take both.
    if (request.flags & CLONE_PARENT_SETTID) return -EINVAL;
    request.pidfd = r[2];
  }
  return clone_guest(*this, request);
}

std::int32_t GuestProcess::execve(const std::array<std::uint32_t, 6>& r) {
  std::string path;
  if (int error = memory_.read_string(r[0], 4096, path)) return -error;
  return execute(path, r[1], r[2]);
}

// execveat (dirfd, path, argv, envp, flags): the path made absolute through /proc/self/fd,
// then as execve.
std::int32_t GuestProcess::execveat(const std::array<std::uint32_t, 6>& r) {
  const auto directory = static_cast<int>(r[0]);
  const auto flags = static_cast<int>(r[4]);
  if (flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW)) return -EINVAL;
  std::string path;
  if (int error = memory_.read_string(r[1], 4096, path)) return -error;
  const std::string descriptor = "/proc/self/fd/" + std::to_string(directory);
  if (path.empty()) {
    if (!(flags & AT_EMPTY_PATH)) return -ENOENT;
    path = descriptor;
  } else if (path[0] != '/' && directory != AT_FDCWD) {
    path = descriptor + "/" + path;
  }
  struct stat st {};
  if ((flags & AT_SYMLINK_NOFOLLOW) && ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
    return -ELOOP;
  return execute(path, r[2], r[3]);
}

// An i386 ELF program runs under run32 again (shim_program_: syscompat-run32, or this shim's
// own /proc/self/exe); anything else is the kernel's to execute.
std::int32_t GuestProcess::execute(std::string path, GuestAddress argv, GuestAddress envp) {
  std::vector<std::string> arguments, environment;
  path = resolve_own_executable(path);
  if (int error = read_string_vector(memory_, argv, arguments)) return -error;
  if (int error = read_string_vector(memory_, envp, environment)) return -error;
  auto environment_pointers = c_strings(environment);
  if (classify_elf(path) == ElfKind::i386 && ::access(path.c_str(), X_OK) == 0) {
    // A descriptor's path (fexecve) as the file's own: the descriptor may close on exec.
    char resolved[PATH_MAX];
    if (path.starts_with("/proc/self/fd/") && ::realpath(path.c_str(), resolved)) path = resolved;
    std::vector<std::string> shim{"syscompat", "run32"};
    for (auto& option : trace_options_for_exec()) shim.push_back(std::move(option));
    int seccomp_fd;
    if (const std::int32_t error = seccomp_for_shim_execve(seccomp_fd)) return error;
    if (seccomp_fd >= 0)
      shim.push_back(std::string(seccomp_fd_option) + "=" + std::to_string(seccomp_fd));
    if (!arguments.empty()) shim.push_back(std::string(argv0_option) + "=" + arguments[0]);
    shim.push_back("--");
    // execve takes a name without a slash as relative, where run32 would search PATH.
    shim.push_back(path.find('/') == std::string::npos ? "./" + path : path);
    for (std::size_t i = 1; i < arguments.size(); ++i) shim.push_back(arguments[i]);
    auto shim_pointers = c_strings(shim);
    keep_trace_over_exec(true);
    stop_capturing_syscalls();
    enter_guest_mask_call();  // the mask and pending signals, SIGSYS's too, survive execve
    ::execve(shim_program_.c_str(), shim_pointers.data(), environment_pointers.data());
    const int error = errno;
    leave_guest_mask_call();
    capture_syscalls_after_fork();
    keep_trace_over_exec(false);
    if (seccomp_fd >= 0) ::close(seccomp_fd);
    return -error;
  }
  auto argument_pointers = c_strings(arguments);
  stop_capturing_syscalls();
  enter_guest_mask_call();
  // The guest's filters judge the native program's x86_64 calls from here, in the kernel
  // (execve the first of them).
  if (const std::int32_t error = seccomp_for_native_execve()) {
    leave_guest_mask_call();
    capture_syscalls_after_fork();
    return error;
  }
  // One that will fail for want of the file keeps its line open for its error, as strace's.
  if (::access(path.c_str(), X_OK) == 0) trace_untraced_exec();
  ::execve(path.c_str(), argument_pointers.data(), environment_pointers.data());
  const int error = errno;
  leave_guest_mask_call();
  capture_syscalls_after_fork();
  return -error;
}

}  // namespace syscompat::run32

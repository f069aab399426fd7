#include "guest_process.hpp"

#include <fcntl.h>
#include <linux/sched.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "elf_loader.hpp"
#include "signals.hpp"
#include "syscall_capture.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "threads.hpp"

namespace syscompat::run32 {

namespace {

GuestProcess* the_process = nullptr;

// The i386 number of a call, from the description.
std::uint32_t i386_number(std::string_view name) {
  return abi::find_syscall(abi::Abi::i386, name)->number;
}

bool failed(std::int32_t result) {
  return result < 0 && result > -4096;
}

std::uint64_t page_up(std::uint64_t length) {
  return (length + GuestProcess::page_size - 1) & ~std::uint64_t{GuestProcess::page_size - 1};
}

// Whether [address, address + length) reaches past the i386 TASK_SIZE. The kernel checks
// that only for a task that is itself 32-bit, not for the shim's int $0x80 from 64-bit code,
// so the shim checks it, with the errors the i386 kernel gives.
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

std::int32_t GuestProcess::map(const translators::MapRequest& request) {
  if (request.offset % page_size) return -EINVAL;
  // get_unmapped_area: ENOMEM for a fixed range past TASK_SIZE; a hint there is dropped.
  const bool fixed = request.flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);
  const bool out_of_range = past_task_size(request.address, page_up(request.length));
  if (fixed && out_of_range) return -ENOMEM;
  static const std::uint32_t mmap2 = i386_number("mmap2");
  auto change = memory_.change();
  const std::int32_t result =
      run32_int80(mmap2, out_of_range ? 0 : request.address, request.length,
                  static_cast<std::uint32_t>(request.protection),
                  static_cast<std::uint32_t>(request.flags), static_cast<std::uint32_t>(request.fd),
                  static_cast<std::uint32_t>(request.offset / page_size));
  if (!failed(result))
    declare(change, static_cast<GuestAddress>(result), request.length, request.protection);
  return result;
}

std::int32_t GuestProcess::unmap(GuestAddress address, std::uint32_t length) {
  if (past_task_size(address, page_up(length))) return -EINVAL;
  static const std::uint32_t munmap = i386_number("munmap");
  auto change = memory_.change();
  const std::int32_t result = run32_int80(munmap, address, length, 0, 0, 0, 0);
  if (!failed(result)) change.unmap(address, page_up(length));
  return result;
}

std::int32_t GuestProcess::protect(GuestAddress address, std::uint32_t length, int protection) {
  if (past_task_size(address, page_up(length))) return -ENOMEM;  // no mapping of the guest's
  static const std::uint32_t mprotect = i386_number("mprotect");
  auto change = memory_.change();
  const std::int32_t result =
      run32_int80(mprotect, address, length, static_cast<std::uint32_t>(protection), 0, 0, 0);
  // PROT_GROWSDOWN/UP extend the range to the mapping's edge; the declarations keep the
  // range asked for, which is what a guest relying on them touches.
  if (!failed(result)) declare(change, address, length, protection);
  return result;
}

std::int32_t GuestProcess::remap(GuestAddress address, std::uint32_t old_length,
                                 std::uint32_t new_length, int flags, GuestAddress new_address) {
  // mremap_to's EINVAL for a target past TASK_SIZE; a range growing in place past it cannot
  // (the shim's reserved pages are mapped there), so it moves or fails as natively.
  if (past_task_size(address, page_up(old_length)) ||
      ((flags & MREMAP_FIXED) && past_task_size(new_address, page_up(new_length))))
    return -EINVAL;
  static const std::uint32_t mremap = i386_number("mremap");
  auto change = memory_.change();
  const int access = change.accessible(address, old_length, memory_.writable)   ? PROT_WRITE
                     : change.accessible(address, old_length, memory_.readable) ? PROT_READ
                                                                                : PROT_NONE;
  const std::int32_t result = run32_int80(mremap, address, old_length, new_length,
                                          static_cast<std::uint32_t>(flags), new_address, 0);
  if (failed(result)) return result;
  // MREMAP_DONTUNMAP leaves the old range mapped (and empty).
  if (!(flags & MREMAP_DONTUNMAP)) change.unmap(address, page_up(old_length));
  declare(change, static_cast<GuestAddress>(result), new_length, access);
  return result;
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

std::int32_t GuestProcess::shm_attach(int id, GuestAddress address, int flags) {
  if (address && past_task_size(address, page_size)) return -EINVAL;
  static const std::uint32_t shmat = i386_number("shmat");
  auto change = memory_.change();
  const std::int32_t result = run32_int80(shmat, static_cast<std::uint32_t>(id), address,
                                          static_cast<std::uint32_t>(flags), 0, 0, 0);
  if (failed(result)) return result;
  shmid_ds segment{};
  if (::shmctl(id, IPC_STAT, &segment) == 0)
    declare(change, static_cast<GuestAddress>(result), segment.shm_segsz,
            flags & SHM_RDONLY ? PROT_READ : PROT_READ | PROT_WRITE);
  return result;
}

// do_sigaction on the calling thread's group's dispositions (a process's threads share them;
// a child on this memory without CLONE_SIGHAND has its own).
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

bool GuestProcess::is_own_executable_link(const std::string& path) const {
  return path == "/proc/self/exe" || path == "/proc/thread-self/exe" ||
         path == "/proc/" + std::to_string(::getpid()) + "/exe";
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

std::int32_t GuestProcess::set_thread_area(GuestAddress descriptor) {
  // The GDT TLS entries 32-bit code loads into %gs. x86_64's own set_thread_area answers
  // ENOSYS here (kernel 6.18), so the i386 call through the compat entry: it reads and
  // writes the very struct user_desc the guest passed.
  static const std::uint32_t number = i386_number("set_thread_area");
  if (!memory_.accessible(descriptor, 16, memory_.readable | memory_.writable)) return -EFAULT;
  return run32_int80(number, descriptor, 0, 0, 0, 0, 0);
}

std::int32_t GuestProcess::owner_call(const translators::CallPlan& plan,
                                      const std::array<std::uint32_t, 6>& r) {
  const std::string_view name = plan.guest->name;
  if (name == "exit") exit_thread(static_cast<int>(r[0]));
  if (name == "exit_group") {
    for (;;) ::syscall(SYS_exit_group, static_cast<int>(r[0]));
  }
  if (name == "set_thread_area") return set_thread_area(r[0]);
  if (name == "get_thread_area") {
    if (!memory_.accessible(r[0], 16, memory_.readable | memory_.writable)) return -EFAULT;
    return run32_int80(plan.guest->number, r[0], 0, 0, 0, 0, 0);
  }
  if (name == "modify_ldt") {
    if (!memory_.accessible(r[1], r[2],
                            r[0] == 1 || r[0] == 0x11 ? memory_.readable : memory_.writable))
      return -EFAULT;
    return eax_of(::syscall(SYS_modify_ldt, r[0], memory_.host(r[1]), r[2]));
  }
  if (name == "fork") return clone_guest(*this, {.exit_signal = SIGCHLD});
  if (name == "vfork")
    return clone_guest(*this, {.flags = CLONE_VM | CLONE_VFORK, .exit_signal = SIGCHLD});
  if (name == "clone") return clone(r);
  if (name == "clone3") return clone3_guest(*this, r[0], r[1]);
  if (name == "set_tid_address") return set_tid_address(r[0]);
  if (name == "set_robust_list") return set_robust_list(*this, r[0], r[1]);
  if (name == "get_robust_list") return get_robust_list(*this, static_cast<int>(r[0]), r[1], r[2]);
  if (name == "execve") return execve(r);
  if (name == "execveat") return execveat(r);
  if (name == "sigreturn") return signal_return(*this, false);
  if (name == "rt_sigreturn") return signal_return(*this, true);
  return -ENOSYS;
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
    const int trace_fd = trace_descriptor();
    if (trace_fd >= 0) shim.push_back("--trace-fd=" + std::to_string(trace_fd));
    if (!arguments.empty()) shim.push_back("--argv0=" + arguments[0]);
    shim.push_back("--");
    // execve takes a name without a slash as relative, where run32 would search PATH.
    shim.push_back(path.find('/') == std::string::npos ? "./" + path : path);
    for (std::size_t i = 1; i < arguments.size(); ++i) shim.push_back(arguments[i]);
    auto shim_pointers = c_strings(shim);
    if (trace_fd >= 0) ::fcntl(trace_fd, F_SETFD, 0);
    stop_capturing_syscalls();
    enter_guest_mask_call();  // the mask and pending signals, SIGSYS's too, survive execve
    ::execve(shim_program_.c_str(), shim_pointers.data(), environment_pointers.data());
    const int error = errno;
    leave_guest_mask_call();
    capture_syscalls_after_fork();
    if (trace_fd >= 0) ::fcntl(trace_fd, F_SETFD, FD_CLOEXEC);
    return -error;
  }
  auto argument_pointers = c_strings(arguments);
  stop_capturing_syscalls();
  enter_guest_mask_call();
  ::execve(path.c_str(), argument_pointers.data(), environment_pointers.data());
  const int error = errno;
  leave_guest_mask_call();
  capture_syscalls_after_fork();
  return -error;
}

}  // namespace syscompat::run32

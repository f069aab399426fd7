#include "guest_seccomp.hpp"

#include <fcntl.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "i386_numbers.hpp"
#include "signals.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "threads.hpp"

#ifndef SYS_SECCOMP
#define SYS_SECCOMP 1  // si_code of seccomp's SIGSYS
#endif

namespace syscompat::run32 {

namespace {

namespace bpf = translators::seccomp;

// kernel/seccomp.c's SECCOMP_FILTER_FLAG_MASK.
constexpr std::uint32_t known_flags =
    SECCOMP_FILTER_FLAG_TSYNC | SECCOMP_FILTER_FLAG_LOG | SECCOMP_FILTER_FLAG_SPEC_ALLOW |
    SECCOMP_FILTER_FLAG_NEW_LISTENER | SECCOMP_FILTER_FLAG_TSYNC_ESRCH |
    SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV;
// MAX_INSNS_PER_PATH: the instructions of all the filters one call runs through, each
// counted with a penalty of 4.
constexpr std::size_t max_instructions_per_path = (1 << 18) / sizeof(struct sock_filter);
constexpr std::int32_t max_errno = 4095;

// seccomp_prepare_filter's permission: no_new_privs, or CAP_SYS_ADMIN (effective).
bool may_install_filter() {
  if (::prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1) return true;
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3]{};
  if (::syscall(SYS_capget, &header, data) != 0) return false;
  return (data[CAP_TO_INDEX(CAP_SYS_ADMIN)].effective & CAP_TO_MASK(CAP_SYS_ADMIN)) != 0;
}

// seccomp_can_sync_threads: every other thread of the process runs no filter, or one the
// caller's filters descend from. 0, or the tid of the first that does not.
pid_t first_thread_out_of_line(const std::vector<GuestThread*>& threads,
                               const SeccompFilter* caller) {
  for (GuestThread* thread : threads) {
    if (thread == &this_thread()) continue;
    const SeccompState theirs = thread->seccomp.get();
    if (theirs.mode == SECCOMP_MODE_DISABLED) continue;
    bool ancestor = false;
    if (theirs.mode == SECCOMP_MODE_FILTER)
      for (const SeccompFilter* f = caller; f && !ancestor; f = f->previous)
        ancestor = f == theirs.filter;
    if (!ancestor) return thread->tid;
  }
  return 0;
}

// The calling thread's filters, the oldest first.
std::vector<const SeccompFilter*> oldest_first() {
  std::vector<const SeccompFilter*> chain;
  const SeccompState own = this_thread().seccomp.get();
  if (own.mode == SECCOMP_MODE_FILTER)
    for (const SeccompFilter* f = own.filter; f; f = f->previous) chain.insert(chain.begin(), f);
  return chain;
}

std::int32_t set_mode_filter(const translators::SeccompRequest& request) {
  const std::uint32_t flags = request.flags;
  // seccomp_set_mode_filter's checks of the flags, then seccomp_prepare_user_filter's.
  if (flags & ~known_flags) return -EINVAL;
  if ((flags & SECCOMP_FILTER_FLAG_TSYNC) && (flags & SECCOMP_FILTER_FLAG_NEW_LISTENER) &&
      !(flags & SECCOMP_FILTER_FLAG_TSYNC_ESRCH))
    return -EINVAL;
  if ((flags & SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV) &&
      !(flags & SECCOMP_FILTER_FLAG_NEW_LISTENER))
    return -EINVAL;
  if (request.fprog_error) return -request.fprog_error;
  if (!may_install_filter()) return -EACCES;
  if (request.instructions_error) return -request.instructions_error;
  auto filter = std::make_unique<SeccompFilter>();
  filter->program = request.program;
  if (int error = bpf::check(filter->program)) return -error;
  filter->log = (flags & SECCOMP_FILTER_FLAG_LOG) != 0;

  GuestSeccomp& own = this_thread().seccomp;
  const SeccompState current = own.get();
  if (current.mode != SECCOMP_MODE_DISABLED && current.mode != SECCOMP_MODE_FILTER) return -EINVAL;
  // No listener: the user-notification supervisor's descriptor (SECCOMP_IOCTL_NOTIF_*) is not
  // served by run32, and a filter returning SECCOMP_RET_USER_NOTIF gets ENOSYS, as the
  // kernel answers for a filter without a listener.
  if (flags & SECCOMP_FILTER_FLAG_NEW_LISTENER) return -EINVAL;
  // seccomp_attach_filter.
  std::size_t total = filter->program.size();
  for (const SeccompFilter* f = current.filter; f; f = f->previous) total += f->program.size() + 4;
  if (total > max_instructions_per_path) return -ENOMEM;
  filter->previous = current.filter;
  const SeccompState installed{SECCOMP_MODE_FILTER, filter.release()};  // kept for good
  if (!(flags & SECCOMP_FILTER_FLAG_TSYNC)) {
    own.set(installed);
    return 0;
  }
  std::int32_t result = 0;
  with_threads_of_this_process([&](const std::vector<GuestThread*>& threads) {
    if (const pid_t other = first_thread_out_of_line(threads, current.filter)) {
      result = flags & SECCOMP_FILTER_FLAG_TSYNC_ESRCH ? -ESRCH : other;
      return;
    }
    for (GuestThread* thread : threads) thread->seccomp.set(installed);
  });
  if (result) delete installed.filter;
  return result;
}

// force_sig_seccomp's siginfo: the call's number, architecture and address, the filter's
// data in si_errno.
siginfo_t seccomp_siginfo(const seccomp_data& data, std::uint32_t reason) {
  siginfo_t info{};
  info.si_signo = SIGSYS;
  info.si_code = SYS_SECCOMP;
  info.si_errno = static_cast<int>(reason);
  info.si_call_addr =
      reinterpret_cast<void*>(static_cast<std::uintptr_t>(data.instruction_pointer));
  info.si_syscall = data.nr;
  info.si_arch = data.arch;
  return info;
}

// __seccomp_filter's kill: the thread alone while others live (do_exit), else the process
// by SIGSYS's default action (force_sig_seccomp with a core dump).
[[noreturn]] void kill_for(std::uint32_t action, int signal) {
  if (action == SECCOMP_RET_KILL_THREAD && live_threads() > 1) exit_thread(signal, signal);
  die_by_signal(signal);
}

}  // namespace

std::int32_t set_guest_seccomp(const translators::SeccompRequest& request) {
  if (!request.strict) return set_mode_filter(request);
  GuestSeccomp& own = this_thread().seccomp;
  const int mode = own.get().mode;
  if (mode != SECCOMP_MODE_DISABLED && mode != SECCOMP_MODE_STRICT) return -EINVAL;
  own.set({SECCOMP_MODE_STRICT, nullptr});
  return 0;
}

std::optional<std::int32_t> judge_guest_call(const GuestRegisters& registers, std::uint32_t number,
                                             const std::array<std::uint32_t, 6>& arguments) {
  const SeccompState own = this_thread().seccomp.get();
  if (own.mode == SECCOMP_MODE_DISABLED) return std::nullopt;
  if (own.mode == SECCOMP_MODE_STRICT) {
    // __secure_computing_strict with the compat list (get_compat_mode1_syscalls).
    static constexpr std::uint32_t allowed[] = {i386_number("read"), i386_number("write"),
                                            i386_number("exit"), i386_number("sigreturn")};
    if (std::find(std::begin(allowed), std::end(allowed), number) != std::end(allowed))
      return std::nullopt;
    kill_for(SECCOMP_RET_KILL_THREAD, SIGKILL);
  }
  // populate_seccomp_data for a compat task.
  seccomp_data data{};
  data.nr = static_cast<int>(number);
  data.arch = AUDIT_ARCH_I386;
  data.instruction_pointer = static_cast<std::uint32_t>(registers.eip);
  std::copy(arguments.begin(), arguments.end(), data.args);
  // seccomp_run_filters: the strongest action of all, the newest filter's on a tie.
  std::uint32_t verdict = SECCOMP_RET_ALLOW;
  for (const SeccompFilter* f = own.filter; f; f = f->previous) {
    const std::uint32_t own_verdict = bpf::run(f->program, data);
    if (bpf::action_rank(own_verdict) < bpf::action_rank(verdict)) verdict = own_verdict;
  }
  const std::uint32_t action = verdict & SECCOMP_RET_ACTION_FULL,
                      reason = verdict & SECCOMP_RET_DATA;
  switch (action) {
    case SECCOMP_RET_ALLOW:
    case SECCOMP_RET_LOG:  // the audit log is the kernel's: allowed
      return std::nullopt;
    case SECCOMP_RET_ERRNO:
      return -std::min(static_cast<std::int32_t>(reason), max_errno);
    case SECCOMP_RET_TRAP:
      // syscall_rollback: the handler sees eax as the call's number, and the guest keeps it.
      force_guest_sigsys(seccomp_siginfo(data, reason));
      return static_cast<std::int32_t>(number);
    case SECCOMP_RET_TRACE:       // no tracer asked for PTRACE_EVENT_SECCOMP
    case SECCOMP_RET_USER_NOTIF:  // no listener (SECCOMP_FILTER_FLAG_NEW_LISTENER is refused)
      return -ENOSYS;
    default:  // SECCOMP_RET_KILL_THREAD, SECCOMP_RET_KILL_PROCESS, and any unknown action
      kill_for(action, SIGSYS);
  }
}

std::int32_t seccomp_for_shim_execve(int& descriptor) {
  descriptor = -1;
  const std::vector<const SeccompFilter*> chain = oldest_first();
  if (chain.empty()) return 0;
  const int fd = ::memfd_create("run32-seccomp", 0);
  if (fd < 0) return -errno;
  std::vector<std::uint8_t> bytes;
  for (const SeccompFilter* f : chain) {
    const std::uint32_t header[2] = {static_cast<std::uint32_t>(f->program.size()), f->log};
    const auto* first = reinterpret_cast<const std::uint8_t*>(header);
    bytes.insert(bytes.end(), first, first + sizeof header);
    const auto* code = reinterpret_cast<const std::uint8_t*>(f->program.data());
    bytes.insert(bytes.end(), code, code + f->program.size() * sizeof(bpf::Instruction));
  }
  if (::write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) {
    const int error = errno ? errno : EIO;
    ::close(fd);
    return -error;
  }
  descriptor = fd;
  return 0;
}

std::int32_t seccomp_for_native_execve() {
  for (const SeccompFilter* f : oldest_first()) {
    sock_fprog program{
        static_cast<unsigned short>(f->program.size()),
        reinterpret_cast<sock_filter*>(const_cast<bpf::Instruction*>(f->program.data()))};
    const unsigned flags = f->log ? SECCOMP_FILTER_FLAG_LOG : 0;
    if (::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &program) != 0) return -errno;
  }
  return 0;
}

bool adopt_seccomp_from(int descriptor) {
  std::vector<std::uint8_t> bytes;
  std::uint8_t buffer[4096];
  ssize_t got;
  while ((got = ::pread(descriptor, buffer, sizeof buffer, static_cast<off_t>(bytes.size()))) > 0)
    bytes.insert(bytes.end(), buffer, buffer + got);
  ::close(descriptor);
  if (got < 0) return false;
  GuestSeccomp& own = this_thread().seccomp;
  std::size_t at = 0;
  while (at < bytes.size()) {
    std::uint32_t header[2];
    if (bytes.size() - at < sizeof header) return false;
    std::memcpy(header, bytes.data() + at, sizeof header);
    at += sizeof header;
    const std::size_t size = std::size_t{header[0]} * sizeof(bpf::Instruction);
    if (bytes.size() - at < size) return false;
    auto filter = std::make_unique<SeccompFilter>();
    filter->program.resize(header[0]);
    std::memcpy(filter->program.data(), bytes.data() + at, size);
    at += size;
    if (bpf::check(filter->program)) return false;
    filter->log = header[1] != 0;
    filter->previous = own.get().filter;
    own.set({SECCOMP_MODE_FILTER, filter.release()});
  }
  return true;
}

}  // namespace syscompat::run32

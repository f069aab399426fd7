// Pinning: syscalls only from libsys's own text, the Linux counterpart of OpenBSD's
// pinsyscalls(2). Syscall User Dispatch (PR_SET_SYSCALL_USER_DISPATCH, 5.11) with
// libsys_text (every syscall instruction libsys has: the entry points, raw_syscall,
// libsys_clone, libsys_sigreturn) as the range allowed to enter the kernel: a syscall
// instruction anywhere else raises SIGSYS, handled here.
//
//   report: each call site is named once (fd 2, or libsys_pin_report_fd) and the call is
//           served: made from here with the site's registers, the result in its rax.
//   deny:   each call site is named once and the call fails with ENOSYS (exit and
//           exit_group excepted: ending widens nothing, and a program must be able to end).
//
// What cannot be made from inside a signal handler is done another way: rt_sigreturn (a
// libc's signal restorer) is finished by libsys_sigreturn on the same stack, in both modes
// (as the kernel itself exempts the vDSO's sigreturn). In report mode rt_sigprocmask works
// on the mask the handler returns to, never blocking SIGSYS or SIGTRAP; a clone onto a new
// stack (a thread, posix_spawn) is executed at its own site once, single-stepped, with the
// selector open meanwhile (other threads' calls in that window are not seen); fork and vfork
// are served as fork. The child of a clone or fork is pinned again (the kernel does not
// copy Syscall User Dispatch). While pinned, the program cannot take SIGSYS or SIGTRAP (its
// rt_sigaction for them is EINVAL). docs/libsys.md, "Pinning".
#include <linux/prctl.h>
#include <linux/sched.h>
#include <signal.h>
#include <sys/ucontext.h>

#include <atomic>
#include <cstddef>

#include "internal.hpp"
#include "libsys_dispatch.h"
#include "syscompat/libsys/dispatch.hpp"
#include "syscompat/libsys/entries.hpp"

extern "C" char __start_libsys_text[] __attribute__((visibility("hidden")));
extern "C" char __stop_libsys_text[] __attribute__((visibility("hidden")));
// The libc's environment when there is one (LIBSYS_PIN, read at load time).
extern "C" char** environ __attribute__((weak));

namespace syscompat::sys::detail {

namespace {

constinit std::atomic<int> mode{LIBSYS_PIN_OFF};
constinit std::atomic<int> report_fd{2};
// One selector for every thread: open only while a clone is single-stepped (report mode).
constinit volatile char selector = SYSCALL_DISPATCH_FILTER_BLOCK;
constexpr unsigned long trap_flag = 0x100;  // EFLAGS.TF
// The kernel's constants glibc's <signal.h> does not give (the kernel's headers clash with it):
constexpr int sys_user_dispatch = 2;               // SYS_USER_DISPATCH, asm-generic/siginfo.h
constexpr unsigned long sa_restorer = 0x04000000;  // SA_RESTORER, x86's asm/signal.h

long kernel(std::uint32_t nr, std::uint64_t a0 = 0, std::uint64_t a1 = 0, std::uint64_t a2 = 0,
            std::uint64_t a3 = 0, std::uint64_t a4 = 0, std::uint64_t a5 = 0) {
  return raw_syscall(Call{nr, {a0, a1, a2, a3, a4, a5}});
}

long arm_this_thread() {
  const auto start = reinterpret_cast<std::uintptr_t>(__start_libsys_text);
  const auto length = reinterpret_cast<std::uintptr_t>(__stop_libsys_text) - start;
  return kernel(nr::prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, start, length,
                reinterpret_cast<std::uintptr_t>(&selector));
}

// Call sites already named: open addressing over return addresses, never cleared.
constexpr std::size_t site_slots = 4096;
constinit std::atomic<std::uintptr_t> sites[site_slots]{};

bool first_time(std::uintptr_t site) {
  std::size_t i = (site * 0x9e3779b97f4a7c15ULL) >> 52;
  for (std::size_t probes = 0; probes < site_slots; ++probes, i = (i + 1) % site_slots) {
    std::uintptr_t seen = sites[i].load(std::memory_order_acquire);
    if (seen == site) return false;
    if (seen == 0 && sites[i].compare_exchange_strong(seen, site, std::memory_order_acq_rel))
      return true;
    if (seen == site) return false;
  }
  return true;  // full: name it again rather than never
}

void report(std::uint32_t number, std::uintptr_t site, const char* what) {
  if (!first_time(site)) return;
  char line[160];
  Text text{line, sizeof line};
  const char* name = syscall_name(number);
  text << "libsys pin: " << (name[0] != '\0' ? name : "syscall") << " (" << std::uint64_t{number}
       << ") from ";
  text.hex(site) << " outside libsys: " << what << "\n";
  kernel(nr::write, static_cast<std::uint64_t>(report_fd.load(std::memory_order_relaxed)),
         reinterpret_cast<std::uintptr_t>(line), text.size);
}

constexpr std::uint64_t signal_bit(int sig) {
  return 1ULL << (sig - 1);
}
// What the program may never block while pinned, besides what the kernel never blocks.
constexpr std::uint64_t unblockable =
    signal_bit(SIGSYS) | signal_bit(SIGTRAP) | signal_bit(SIGKILL) | signal_bit(SIGSTOP);

// rt_sigprocmask on the mask the SIGSYS handler returns to (the kernel restores it then).
long sigprocmask_on(ucontext_t& context, const greg_t* regs) {
  const int how = static_cast<int>(regs[REG_RDI]);
  const auto* set = reinterpret_cast<const void*>(regs[REG_RSI]);
  auto* old_set = reinterpret_cast<void*>(regs[REG_RDX]);
  if (static_cast<std::uint64_t>(regs[REG_R10]) != sizeof(std::uint64_t)) return -EINVAL;
  std::uint64_t current;
  __builtin_memcpy(&current, &context.uc_sigmask, sizeof current);
  std::uint64_t wanted = current;
  if (set != nullptr) {
    std::uint64_t change;
    if (copy_in(&change, set, sizeof change) < 0) return -EFAULT;
    if (how == SIG_BLOCK)
      wanted = current | change;
    else if (how == SIG_UNBLOCK)
      wanted = current & ~change;
    else if (how == SIG_SETMASK)
      wanted = change;
    else
      return -EINVAL;
  }
  if (old_set != nullptr && copy_out(old_set, &current, sizeof current) < 0) return -EFAULT;
  wanted &= ~unblockable;
  __builtin_memcpy(&context.uc_sigmask, &wanted, sizeof wanted);
  return 0;
}

// rt_sigaction: SIGSYS and SIGTRAP stay libsys's; no handler's mask may block them.
long sigaction_for(const greg_t* regs) {
  const int sig = static_cast<int>(regs[REG_RDI]);
  const auto* action = reinterpret_cast<const libsys_sigaction*>(regs[REG_RSI]);
  if ((sig == SIGSYS || sig == SIGTRAP) && action != nullptr) return -EINVAL;
  libsys_sigaction copy;
  if (action != nullptr) {
    if (copy_in(&copy, action, sizeof copy) < 0) return -EFAULT;
    copy.sa_mask &= ~unblockable;
    action = &copy;
  }
  return kernel(nr::rt_sigaction, static_cast<std::uint64_t>(regs[REG_RDI]),
                reinterpret_cast<std::uintptr_t>(action), static_cast<std::uint64_t>(regs[REG_RDX]),
                static_cast<std::uint64_t>(regs[REG_R10]));
}

// Whether a clone's child starts on another stack (it cannot return through this handler).
bool needs_own_site(std::uint32_t number, const greg_t* regs) {
  if (number == nr::clone3) return true;
  return number == nr::clone && regs[REG_RSI] != 0;
}

void on_sigsys(int, siginfo_t* info, void* raw_context) {
  auto& context = *static_cast<ucontext_t*>(raw_context);
  greg_t* regs = context.uc_mcontext.gregs;
  if (info->si_code != sys_user_dispatch) return;  // not ours (a seccomp trap): left as is
  const auto number = static_cast<std::uint32_t>(info->si_syscall);
  const auto site = reinterpret_cast<std::uintptr_t>(info->si_call_addr) - 2;
  if (number == nr::rt_sigreturn) {
    // A libc's restorer: finish it from libsys_text, on the stack it was given.
    regs[REG_RIP] = reinterpret_cast<greg_t>(&libsys_sigreturn);
    return;
  }
  // Ending the thread or the process widens nothing: allowed in both modes, or a denied
  // program could not even exit.
  const bool ends = number == nr::exit || number == nr::exit_group;
  if (mode.load(std::memory_order_relaxed) == LIBSYS_PIN_DENY && !ends) {
    report(number, site, "denied (ENOSYS)");
    regs[REG_RAX] = -ENOSYS;
    return;
  }
  report(number, site, "let through");
  if (number == nr::rt_sigprocmask) {
    regs[REG_RAX] = sigprocmask_on(context, regs);
    return;
  }
  if (number == nr::rt_sigaction) {
    regs[REG_RAX] = sigaction_for(regs);
    return;
  }
  if (needs_own_site(number, regs)) {
    // Once more at its own site with the selector open, single-stepped: on_sigtrap closes it
    // after the instruction that follows, in the parent and in the child.
    selector = SYSCALL_DISPATCH_FILTER_ALLOW;
    regs[REG_RIP] = static_cast<greg_t>(site);
    regs[REG_RAX] = number;
    regs[REG_EFL] |= trap_flag;
    return;
  }
  Call call{number,
            {static_cast<std::uint64_t>(regs[REG_RDI]), static_cast<std::uint64_t>(regs[REG_RSI]),
             static_cast<std::uint64_t>(regs[REG_RDX]), static_cast<std::uint64_t>(regs[REG_R10]),
             static_cast<std::uint64_t>(regs[REG_R8]), static_cast<std::uint64_t>(regs[REG_R9])}};
  if (number == nr::vfork) call = Call{nr::fork, {}};  // the child must not run on our stack
  if (number == nr::clone) call.args[0] &= ~static_cast<std::uint64_t>(CLONE_VM | CLONE_VFORK);
  const long result = raw_syscall(call);
  const bool forked = number == nr::fork || number == nr::vfork || number == nr::clone;
  if (forked && result == 0) arm_this_thread();
  regs[REG_RAX] = result;
}

void on_sigtrap(int, siginfo_t*, void* raw_context) {
  auto& context = *static_cast<ucontext_t*>(raw_context);
  greg_t* regs = context.uc_mcontext.gregs;
  if ((regs[REG_EFL] & trap_flag) == 0) return;
  regs[REG_EFL] &= ~static_cast<greg_t>(trap_flag);
  arm_this_thread();  // the clone's child has none; the parent's is the same again
  selector = SYSCALL_DISPATCH_FILTER_BLOCK;
}

long install(int sig, void (*handler)(int, siginfo_t*, void*)) {
  libsys_sigaction action{};
  action.handler = reinterpret_cast<void*>(handler);
  // SA_NODEFER: a program's signal handler that runs while a call is served here returns
  // through its libc's restorer, which traps again.
  action.sa_flags = SA_SIGINFO | SA_NODEFER | sa_restorer;
  action.sa_restorer = reinterpret_cast<void*>(&libsys_sigreturn);
  action.sa_mask = 0;
  return kernel(nr::rt_sigaction, static_cast<std::uint64_t>(sig),
                reinterpret_cast<std::uintptr_t>(&action), 0, sizeof(std::uint64_t));
}

}  // namespace

void pin_new_thread() {
  if (mode.load(std::memory_order_acquire) != LIBSYS_PIN_OFF) arm_this_thread();
}

// LIBSYS_PIN=report|deny in the environment (what `syscompat pin` sets) pins the program
// as libsys is loaded. Without a libc's environ (a freestanding program), the runtime calls
// libsys_pin itself.
__attribute__((constructor)) void pin_from_environment() {
  if (&environ == nullptr || environ == nullptr) return;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const char* text = *entry;
    const char prefix[] = "LIBSYS_PIN=";
    std::size_t i = 0;
    while (prefix[i] != '\0' && text[i] == prefix[i]) ++i;
    if (prefix[i] != '\0') continue;
    const auto is = [&](const char* word) {
      std::size_t j = 0;
      while (word[j] != '\0' && text[i + j] == word[j]) ++j;
      return word[j] == '\0' && text[i + j] == '\0';
    };
    if (is("report")) libsys_pin(LIBSYS_PIN_REPORT);
    if (is("deny")) libsys_pin(LIBSYS_PIN_DENY);
    return;
  }
}

}  // namespace syscompat::sys::detail

namespace detail = syscompat::sys::detail;

extern "C" int libsys_pin(int new_mode) {
  if (new_mode == LIBSYS_PIN_OFF) {
    detail::mode.store(LIBSYS_PIN_OFF, std::memory_order_release);
    detail::pin_slots(false);
    return static_cast<int>(detail::kernel(syscompat::sys::nr::prctl, PR_SET_SYSCALL_USER_DISPATCH,
                                           PR_SYS_DISPATCH_OFF));
  }
  if (new_mode != LIBSYS_PIN_REPORT && new_mode != LIBSYS_PIN_DENY) return -EINVAL;
  long r = detail::install(SIGSYS, detail::on_sigsys);
  if (r == 0 && new_mode == LIBSYS_PIN_REPORT) r = detail::install(SIGTRAP, detail::on_sigtrap);
  if (r < 0) return static_cast<int>(r);
  detail::pin_slots(true);
  detail::mode.store(new_mode, std::memory_order_release);
  r = detail::arm_this_thread();
  if (r < 0) detail::mode.store(LIBSYS_PIN_OFF, std::memory_order_release);
  return static_cast<int>(r);
}

extern "C" void libsys_pin_report_fd(int fd) {
  detail::report_fd.store(fd, std::memory_order_relaxed);
}

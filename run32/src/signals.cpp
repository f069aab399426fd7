#include "signals.hpp"

#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <type_traits>

#include "guest_tls.hpp"
#include "guest_trace.hpp"
#include "i386_numbers.hpp"
#include "pending_signals.hpp"
#include "signal_set.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "syscompat/abi/x86_segments.hpp"
#include "syscompat/translators/siginfo.hpp"

namespace syscompat::run32 {

namespace {

// The i386 signal frame, as arch/x86/include/asm/sigframe.h and uapi asm/sigcontext.h lay
// it out for ia32. Hand-written: the description covers syscall arguments, not the frames
// the kernel builds on the stack.
struct SigcontextI386 {
  std::uint16_t gs, gs_high, fs, fs_high, es, es_high, ds, ds_high;
  std::uint32_t edi, esi, ebp, esp, ebx, edx, ecx, eax, trapno, err, eip;
  std::uint16_t cs, cs_high;
  std::uint32_t eflags, esp_at_signal;
  std::uint16_t ss, ss_high;
  std::uint32_t fpstate, oldmask, cr2;
};
static_assert(sizeof(SigcontextI386) == 88);

struct UcontextI386 {
  std::uint32_t flags, link;
  StackI386 stack;
  SigcontextI386 mcontext;
  std::uint32_t sigmask[2];
};

using SiginfoI386 = abi::siginfo<abi::I386>;
static_assert(sizeof(SiginfoI386) == 128 && alignof(SiginfoI386) <= 4);

struct RtFrameI386 {
  std::uint32_t pretcode;
  std::int32_t signal;
  std::uint32_t info_address, context_address;
  SiginfoI386 info;
  UcontextI386 context;
  std::uint8_t retcode[8];
};

struct FrameI386 {
  std::uint32_t pretcode;
  std::int32_t signal;
  SigcontextI386 context;
  std::uint8_t fpstate_unused[624];  // struct _fpstate_32, kept for extramask's offset
  std::uint32_t extramask;
  std::uint8_t retcode[8];
};

// The x87/SSE state follows the frame as the kernel's does: a struct _fpstate_32 whose
// FXSAVE image starts 112 bytes in (after the legacy fsave environment).
constexpr std::uint32_t fxsave_size = 512, fsave_header_size = 112;
constexpr std::uint16_t guest_code_selector = abi::x86::user32_cs,
                        guest_data_selector = abi::x86::user_ds;
// What sigreturn takes back from the frame's eflags (the kernel's FIX_EFLAGS).
constexpr std::uint32_t restorable_eflags =
    0x40000 | 0x800 | 0x400 | 0x100 | 0x80 | 0x40 | 0x10 | 0x4 | 0x1 | 0x10000;
constexpr std::uint32_t direction_and_trap_flags = 0x400 | 0x100;
constexpr std::uint32_t guest_minimum_signal_stack = 2048;  // i386 MINSIGSTKSZ
// The kernel's flags glibc's <signal.h> leaves out (asm/signal.h).
constexpr std::uint32_t guest_sa_restorer = 0x04000000;
constexpr unsigned long host_sa_restorer = 0x04000000;
constexpr int guest_ss_autodisarm = 1 << 31;

GuestAddress trampolines[2];  // sigreturn, rt_sigreturn
// Per thread, as the kernel keeps them per task: the alternate stack, the call being served,
// the signals that came while the shim ran. The alternate stack is the task's sas_ss_sp,
// sas_ss_size and sas_ss_flags (the flags as sigaltstack was last given them); a new thread
// starts with copy_process's sas_ss_reset.
constexpr StackI386 no_alternate_stack{0, SS_DISABLE, 0};
thread_local StackI386 thread_alternate_stack = no_alternate_stack;
thread_local GuestContext* current = nullptr;
thread_local PendingSignals pending;
// Whether this host thread runs with its guest thread's mask yet: a thread starts with the
// mask glibc gives it (SIGCANCEL unblocked), which is not the guest's.
thread_local bool guest_mask_in_place = false;

// SIGSYS and SIGSEGV in the guest's mask. The host never blocks them: a dispatched
// syscall's SIGSYS that is blocked kills the process, and so does the SIGSEGV of the guest's
// load of a TLS entry's GDT selector, which the shim serves (guest_tls.hpp; force_sig_fault
// kills for a blocked fault). So the guest's own bits of these are kept here, and one of
// them sent to the guest while the guest blocks it waits here until it unblocks it. Per
// thread, as the mask is.
constexpr std::uint64_t kept_by_shim = signal_bit(SIGSYS) | signal_bit(SIGSEGV);
constexpr int kept_signals[] = {SIGSYS, SIGSEGV};
// The signals whose host handler the shim keeps whatever the guest's disposition: those two,
// and glibc's SIGCANCEL (32) and SIGSETXID (33), which the shim's own host threads need
// (install_guest_disposition says why).
constexpr std::uint64_t handled_by_shim_always = kept_by_shim | signal_bit(32) | signal_bit(33);
thread_local std::uint64_t guest_blocks_kept = 0;
thread_local std::uint64_t kept_parked = 0;
thread_local siginfo_t parked_info[std::size(kept_signals)];

siginfo_t& parked_info_of(int signal) {
  return parked_info[signal == SIGSYS ? 0 : 1];
}

bool guest_blocks(int signal) {
  return (guest_blocks_kept & signal_bit(signal)) != 0;
}

// The guest's mask: the host's, with the guest's SIGSYS and SIGSEGV bits.
std::uint64_t guest_mask_bits(const sigset_t& host) {
  return (signal_bits(host) & ~kept_by_shim) | guest_blocks_kept;
}

// A signal parked while the guest blocked it goes back to the kernel's queue, where the
// guest's unblocking (or its sigpending, sigtimedwait) finds it: those the guest no longer
// blocks (all: every one).
void requeue_parked(bool all) {
  for (const int signal : kept_signals) {
    if (!(kept_parked & signal_bit(signal)) || (!all && guest_blocks(signal))) continue;
    kept_parked &= ~signal_bit(signal);
    ::syscall(SYS_rt_tgsigqueueinfo, ::getpid(), ::gettid(), signal, &parked_info_of(signal));
  }
}

// Sets the guest's mask: the host's without SIGSYS and SIGSEGV, and the guest's bits of them.
void assign_guest_mask(sigset_t& host, std::uint64_t bits) {
  set_signal_bits(host, bits & ~kept_by_shim);
  guest_blocks_kept = bits & kept_by_shim;
}

bool is_fault(int signal, const siginfo_t& info) {
  return info.si_code > 0 && (signal == SIGSEGV || signal == SIGBUS || signal == SIGILL ||
                              signal == SIGFPE || signal == SIGTRAP);
}

// include/linux/sched/signal.h's on_sig_stack: whether sp is on the alternate stack, which
// by construction it is not while SS_AUTODISARM is set.
bool on_alternate_stack(std::uint32_t sp) {
  const StackI386& alternate = thread_alternate_stack;
  if (alternate.flags & guest_ss_autodisarm) return false;
  return sp > alternate.sp && sp - alternate.sp <= alternate.size;
}

// sas_ss_flags: SS_DISABLE without a stack, SS_ONSTACK on it, else 0.
std::int32_t alternate_stack_mode(std::uint32_t sp) {
  if (!thread_alternate_stack.size) return SS_DISABLE;
  return on_alternate_stack(sp) ? SS_ONSTACK : 0;
}

// kernel/signal.c's do_sigaltstack at stack pointer sp: the old stack (as the kernel reports
// it) into `old`, then the requested one set; 0 or -errno (nothing changed then).
std::int32_t change_alternate_stack(const StackI386* requested, StackI386* old, std::uint32_t sp) {
  StackI386& alternate = thread_alternate_stack;
  if (old)
    *old = {alternate.sp, alternate_stack_mode(sp) | (alternate.flags & guest_ss_autodisarm),
            alternate.size};
  if (!requested) return 0;
  if (on_alternate_stack(sp)) return -EPERM;
  const std::int32_t mode = requested->flags & ~guest_ss_autodisarm;
  if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0) return -EINVAL;
  if (requested->sp == alternate.sp && requested->size == alternate.size &&
      requested->flags == alternate.flags)
    return 0;  // no change asked for
  StackI386 next = *requested;
  if (mode == SS_DISABLE)
    next.sp = next.size = 0;
  else if (next.size < guest_minimum_signal_stack)
    return -ENOMEM;
  alternate = next;
  return 0;
}

// The kernel's copy_siginfo_to_user32: the live member of the union, chosen by its layout
// (F_SETSIG's signals carry the SIGPOLL one with si_fd whatever their number).
SiginfoI386 to_guest_siginfo(const siginfo_t& host) {
  abi::siginfo<abi::X86_64> native;
  static_assert(sizeof native == sizeof host);
  std::memcpy(&native, &host, sizeof native);
  return translators::siginfo_to_i386(native);
}

// The guest's %gs and %fs selectors: the shim's 64-bit code leaves them loaded (only the FS
// base is swapped, mode_switch.S).
std::uint16_t guest_gs() {
  std::uint16_t selector;
  asm volatile("mov %%gs, %0" : "=r"(selector));
  return selector;
}
std::uint16_t guest_fs() {
  std::uint16_t selector;
  asm volatile("mov %%fs, %0" : "=r"(selector));
  return selector;
}

SigcontextI386 to_sigcontext(const GuestRegisters& r, std::uint64_t mask, std::uint32_t fpstate,
                             const ucontext_t* host) {
  SigcontextI386 sc{};
  sc.gs = guest_gs();
  sc.fs = guest_fs();
  sc.es = sc.ds = sc.ss = guest_data_selector;
  sc.cs = guest_code_selector;
  sc.edi = static_cast<std::uint32_t>(r.edi), sc.esi = static_cast<std::uint32_t>(r.esi);
  sc.ebp = static_cast<std::uint32_t>(r.ebp), sc.esp = static_cast<std::uint32_t>(r.esp);
  sc.ebx = static_cast<std::uint32_t>(r.ebx), sc.edx = static_cast<std::uint32_t>(r.edx);
  sc.ecx = static_cast<std::uint32_t>(r.ecx), sc.eax = static_cast<std::uint32_t>(r.eax);
  sc.eip = static_cast<std::uint32_t>(r.eip), sc.eflags = static_cast<std::uint32_t>(r.eflags);
  sc.esp_at_signal = sc.esp;
  sc.fpstate = fpstate;
  sc.oldmask = static_cast<std::uint32_t>(mask);
  if (host) {
    sc.trapno = static_cast<std::uint32_t>(host->uc_mcontext.gregs[REG_TRAPNO]);
    sc.err = static_cast<std::uint32_t>(host->uc_mcontext.gregs[REG_ERR]);
    sc.cr2 = static_cast<std::uint32_t>(host->uc_mcontext.gregs[REG_CR2]);
  }
  return sc;
}

// The raw rt_sigaction (the kernel's k_sigaction, with the shim's restorer): glibc's
// sigaction refuses SIGCANCEL and SIGSETXID, which the guest's glibc installs for its
// threads. 0 or errno.
int set_host_action(int signal, const struct sigaction& host) {
  struct {
    void* handler;
    unsigned long flags;
    void (*restorer)();
    sigset_t mask;
  } kernel{reinterpret_cast<void*>(host.sa_sigaction),
           static_cast<unsigned long>(host.sa_flags) | host_sa_restorer, run32_host_restorer,
           host.sa_mask};
  return ::syscall(SYS_rt_sigaction, signal, &kernel, nullptr, _NSIG / 8) == 0 ? 0 : errno;
}

// An xsave image restores the x87 and SSE parts from memory only when its header says so.
void mark_fx_state_present(std::uint8_t* fxsave_area) {
  std::uint32_t magic;
  std::memcpy(&magic, fxsave_area + 464, sizeof magic);  // fpx_sw_bytes.magic1
  if (magic != 0x46505853) return;                       // FP_XSTATE_MAGIC1: not xsave
  std::uint64_t present;
  std::memcpy(&present, fxsave_area + 512, sizeof present);  // xstate_bv
  present |= 3;
  std::memcpy(fxsave_area + 512, &present, sizeof present);
}

// Where the handler returns: the guest libc's restorer (SA_RESTORER), else the shim's
// trampoline in its vDSO page (i386 glibc passes no restorer when there is a vDSO, as the
// kernel returns through the vDSO's __kernel_sigreturn then). retcode holds the same code, as
// the kernel leaves it for debuggers.
template <class Frame>
void set_return_code(Frame& f, const translators::GuestSigaction& action) {
  constexpr bool rt = std::is_same_v<Frame, RtFrameI386>;
  const auto code = sigreturn_code(rt);
  std::memcpy(f.retcode, code.data(), code.size());
  f.pretcode = action.flags & guest_sa_restorer ? action.restorer : trampolines[rt];
}

// ia32_setup_frame / ia32_setup_rt_frame: the frame below the guest's stack (or on its
// alternate stack), the handler's registers, the mask it runs with.
void deliver(int signal, const siginfo_t& info, GuestContext& context, const ucontext_t* host) {
  GuestProcess& process = guest_process();
  const translators::GuestSigaction action = process.disposition(signal);
  if (action.handler == reinterpret_cast<std::uintptr_t>(SIG_IGN)) return;
  if (trace_descriptor() >= 0) {
    const SiginfoI386 guest_info = to_guest_siginfo(info);
    trace_signal(&guest_info, sizeof guest_info);
  }
  if (action.handler == reinterpret_cast<std::uintptr_t>(SIG_DFL)) die_by_signal(signal);
  GuestRegisters& r = context.registers;
  const bool rt = action.flags & SA_SIGINFO;
  std::uint64_t sp = r.esp & 0xffffffffu;
  const StackI386 alternate = thread_alternate_stack;  // as before SS_AUTODISARM's reset
  const bool on_alternate = on_alternate_stack(static_cast<std::uint32_t>(sp));
  if ((action.flags & SA_ONSTACK) && alternate_stack_mode(static_cast<std::uint32_t>(sp)) == 0)
    sp = std::uint64_t{alternate.sp} + alternate.size;
  const auto fx = static_cast<std::uint32_t>((sp - fxsave_size) & ~std::uint64_t{63});
  const std::uint32_t fpstate = fx - fsave_header_size;
  const std::uint32_t frame_size = rt ? sizeof(RtFrameI386) : sizeof(FrameI386);
  const std::uint32_t frame = ((fpstate - frame_size + 4) & ~15u) - 4;
  // get_sigframe: a frame that would overflow the alternate stack it is on is a SIGSEGV.
  if (on_alternate && !on_alternate_stack(frame)) die_by_signal(SIGSEGV);
  const std::uint64_t mask = guest_mask_bits(context.mask);
  const SigcontextI386 sc = to_sigcontext(r, mask, fpstate, host);

  auto& memory = process.memory();
  const std::uint8_t no_fsave_header[fsave_header_size]{};
  if (memory.copy_out(fx, context.fxsave_area, fxsave_size) ||
      memory.copy_out(fpstate, no_fsave_header, sizeof no_fsave_header))
    die_by_signal(SIGSEGV);
  int error;
  if (rt) {
    RtFrameI386 f{};
    f.signal = signal;
    f.info_address = frame + offsetof(RtFrameI386, info);
    f.context_address = frame + offsetof(RtFrameI386, context);
    f.info = to_guest_siginfo(info);
    // __compat_save_altstack: the stack with its flags as the task keeps them (never
    // SS_ONSTACK for being on it), and SS_AUTODISARM's reset once saved.
    f.context.stack = alternate;
    if (alternate.flags & guest_ss_autodisarm) thread_alternate_stack = no_alternate_stack;
    f.context.mcontext = sc;
    f.context.sigmask[0] = static_cast<std::uint32_t>(mask);
    f.context.sigmask[1] = static_cast<std::uint32_t>(mask >> 32);
    set_return_code(f, action);
    error = memory.copy_out(frame, &f, sizeof f);
    r.edx = f.info_address;
    r.ecx = f.context_address;
  } else {
    FrameI386 f{};
    f.signal = signal;
    f.context = sc;
    f.extramask = static_cast<std::uint32_t>(mask >> 32);
    set_return_code(f, action);
    error = memory.copy_out(frame, &f, sizeof f);
    r.edx = r.ecx = 0;
  }
  if (error) die_by_signal(SIGSEGV);
  r.esp = frame;
  r.eip = action.handler;
  r.eax = static_cast<std::uint32_t>(signal);
  r.eflags &= ~std::uint64_t{direction_and_trap_flags};
  assign_guest_mask(context.mask,
                    mask | action.mask | (action.flags & SA_NODEFER ? 0 : signal_bit(signal)));
  // get_signal's SA_ONESHOT: the handler becomes SIG_DFL, flags, mask and restorer stay.
  if (action.flags & SA_RESETHAND) {
    translators::GuestSigaction reset = action;
    reset.handler = reinterpret_cast<std::uintptr_t>(SIG_DFL);
    process.sigaction(signal, &reset, nullptr);
  }
}

}  // namespace

// A signal's default action, the shim's handler set aside: how the guest dies when it cannot
// take a signal (no room for the frame: a SIGSEGV, as the kernel) or seccomp kills it.
[[noreturn]] void die_by_signal(int signal) {
  trace_killed(signal);
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  set_host_action(signal, default_action);
  sigset_t only;
  sigemptyset(&only);
  add_signal(only, signal);
  ::syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &only, nullptr, _NSIG / 8);
  ::syscall(SYS_tgkill, ::getpid(), ::gettid(), signal);
  ::_exit(128 + signal);
}

void set_host_mask(const sigset_t& mask) {
  ::syscall(SYS_rt_sigprocmask, SIG_SETMASK, &mask, nullptr, _NSIG / 8);
}

sigset_t host_mask() {
  sigset_t mask;
  ::syscall(SYS_rt_sigprocmask, SIG_BLOCK, nullptr, &mask, _NSIG / 8);
  return mask;
}

void copy_registers_to(const GuestRegisters& r, ucontext_t& uc) {
  auto& g = uc.uc_mcontext.gregs;
  auto low = [](std::uint64_t value) { return static_cast<greg_t>(value & 0xffffffffu); };
  g[REG_RAX] = low(r.eax), g[REG_RBX] = low(r.ebx), g[REG_RCX] = low(r.ecx);
  g[REG_RDX] = low(r.edx), g[REG_RSI] = low(r.esi), g[REG_RDI] = low(r.edi);
  g[REG_RBP] = low(r.ebp), g[REG_RSP] = low(r.esp), g[REG_RIP] = low(r.eip);
  g[REG_EFL] = low(r.eflags);
}

GuestRegisters registers_of(const ucontext_t& uc) {
  const auto& g = uc.uc_mcontext.gregs;
  auto low = [](greg_t value) { return static_cast<std::uint64_t>(value) & 0xffffffffu; };
  return {low(g[REG_RAX]), low(g[REG_RBX]), low(g[REG_RCX]), low(g[REG_RDX]), low(g[REG_RSI]),
          low(g[REG_RDI]), low(g[REG_RBP]), low(g[REG_RSP]), low(g[REG_RIP]), low(g[REG_EFL])};
}

std::array<std::uint8_t, 8> sigreturn_code(bool rt) {
  const std::uint32_t number = rt ? i386_number("rt_sigreturn") : i386_number("sigreturn");
  // popl %eax (the signal number); movl $number, %eax; int $0x80. rt frames have no popl
  // (and end in a nop).
  std::array<std::uint8_t, 8> code{0x58, 0xb8, 0, 0, 0, 0, 0xcd, 0x80};
  std::memcpy(code.data() + 2, &number, sizeof number);
  if (rt) {
    std::copy(code.begin() + 1, code.end(), code.begin());
    code.back() = 0x90;
  }
  return code;
}

void set_sigreturn_trampolines(GuestAddress sigreturn, GuestAddress rt_sigreturn) {
  trampolines[0] = sigreturn;
  trampolines[1] = rt_sigreturn;
}

void set_guest_mask(const sigset_t& mask) {
  // In place before the mask is (every signal blocked meanwhile): a signal sent back to this
  // thread while it started (handle_guest_signal) comes in as the mask is set, as the
  // guest's, instead of being sent back again and left blocked.
  set_host_mask(every_signal());
  guest_mask_in_place = true;
  set_host_mask(mask);
  // The guest's SIGSYS and SIGSEGV bits taken as a mask call's are: kept by the shim, and
  // one waiting in the kernel parked.
  leave_guest_mask_call();
}

sigset_t guest_mask() {
  sigset_t mask = host_mask();
  set_signal_bits(mask, guest_mask_bits(mask));
  return mask;
}

void set_current_context(GuestContext* context) {
  current = context;
}
GuestContext* current_context() {
  return current;
}

// Signals whose default action ends the process (signal(7)'s Term and Core): all but those
// of the kernel's SIG_KERNEL_IGNORE_MASK and SIG_KERNEL_STOP_MASK, SIGCONT (which continues)
// and SIGKILL (which nothing catches) (include/linux/signal.h).
bool ends_process_by_default(int signal) {
  constexpr std::uint64_t others = signal_bit(SIGCONT) | signal_bit(SIGCHLD) |
                                   signal_bit(SIGWINCH) | signal_bit(SIGURG) | signal_bit(SIGSTOP) |
                                   signal_bit(SIGTSTP) | signal_bit(SIGTTIN) | signal_bit(SIGTTOU) |
                                   signal_bit(SIGKILL);
  return signal >= 1 && signal <= PendingSignals::last_signal && !(others & signal_bit(signal));
}

// Whether the shim's handler stands for the guest's default disposition of `signal`, for the
// trace (watch_default_deaths). The handler delivers it as the default: the process dies by
// it (deliver, die_by_signal). A call of the shim it interrupts returns EINTR to the shim,
// which delivers the signal on the guest's way back: the guest dies there and never sees
// the EINTR, as natively, where it dies in the call. Signals whose default is to be ignored
// (SIGCHLD, SIGWINCH, SIGURG) and those the guest ignores are not watched: a handler would
// interrupt the guest's pause, sigsuspend, nanosleep, poll, select or epoll_wait with EINTR
// (ERESTARTNOHAND and ERESTART_RESTARTBLOCK are EINTR whenever a handler runs, SA_RESTART or
// not), which natively the kernel discards the signal before it could (docs/trace.md).
bool watched_death(int signal, const translators::GuestSigaction& action) {
  return trace_descriptor() >= 0 && action.handler == reinterpret_cast<std::uintptr_t>(SIG_DFL) &&
         ends_process_by_default(signal);
}

int install_guest_disposition(int signal, const translators::GuestSigaction& action) {
  if (signal == SIGSYS) return 0;  // the shim's; a SIGSYS not from dispatch is handed on
  struct sigaction host {};
  // SA_RESTART stays the guest's business for handlers: the host call returns EINTR so that
  // the guest's handler runs at once, and the shim restarts the guest's call after it
  // (restart_after_handlers).
  const int kept_flags = SA_NOCLDSTOP | SA_NOCLDWAIT;
  // glibc's SIGCANCEL and SIGSETXID keep a shim handler whatever the guest's disposition: a
  // host thread of the shim starts with SIGCANCEL unblocked (glibc's pthread_create), and
  // one that comes then waits for the guest's mask (handle_guest_signal). SIGSEGV is always
  // caught: the shim serves some of the guest's faults itself (a TLS entry's GDT selector,
  // guest_tls.hpp; int $0x80 without the i386 entry) and hands the others on as the
  // disposition says.
  if (!(handled_by_shim_always & signal_bit(signal)) && !watched_death(signal, action) &&
      (action.handler == reinterpret_cast<std::uintptr_t>(SIG_DFL) ||
       action.handler == reinterpret_cast<std::uintptr_t>(SIG_IGN))) {
    host.sa_handler = action.handler ? SIG_IGN : SIG_DFL;
    host.sa_flags = static_cast<int>(action.flags) & (kept_flags | SA_RESTART);
  } else {
    host.sa_sigaction = run32_host_signal_entry;
    host.sa_flags = SA_SIGINFO | SA_ONSTACK | (static_cast<int>(action.flags) & kept_flags);
    host.sa_mask =
        every_signal();  // the host handler is short; the guest's mask is set on delivery
  }
  return set_host_action(signal, host);
}

void watch_default_deaths() {
  for (int signal = 1; signal <= PendingSignals::last_signal; ++signal) {
    if (handled_by_shim_always & signal_bit(signal)) continue;
    if (!ends_process_by_default(signal) ||
        guest_process().dispositions()[signal].handler != reinterpret_cast<std::uintptr_t>(SIG_DFL))
      continue;
    install_guest_disposition(signal, translators::GuestSigaction{});
  }
}

void handle_guest_signal(int signal, siginfo_t* info, void* host_context) {
  auto& uc = *static_cast<ucontext_t*>(host_context);
  if (!guest_mask_in_place) {
    // A thread still starting: the signal goes back to it, blocked until the guest's own
    // mask is in place (which decides, as natively).
    ::syscall(SYS_rt_tgsigqueueinfo, ::getpid(), ::gettid(), signal, info);
    add_signal(uc.uc_sigmask, signal);
    return;
  }
  const bool in_guest = (uc.uc_mcontext.gregs[REG_CSGSFS] & 0xffff) == guest_code_selector;
  // The guest's load of a TLS entry's GDT selector (guest_tls.hpp), whatever its mask.
  if (signal == SIGSEGV && in_guest && serve_tls_selector_fault(guest_process().memory(), uc))
    return;
  if ((kept_by_shim & signal_bit(signal)) && guest_blocks(signal)) {
    if (!is_fault(signal, *info)) {
      if (!(kept_parked & signal_bit(signal))) parked_info_of(signal) = *info;  // one waits
      kept_parked |= signal_bit(signal);
      return;
    }
    // force_sig_fault: a fault the guest blocks is the default action.
    if (in_guest) die_by_signal(signal);
  }
  if (in_guest) {
    // force_sig_fault: a fault's signal ignored is the default action.
    if (is_fault(signal, *info) &&
        guest_process().disposition(signal).handler == reinterpret_cast<std::uintptr_t>(SIG_IGN))
      die_by_signal(signal);
    GuestRegisters registers = registers_of(uc);
    sigset_t mask = uc.uc_sigmask;
    sigdelset(&mask, SIGSYS);
    GuestContext context{registers, mask, reinterpret_cast<std::uint8_t*>(uc.uc_mcontext.fpregs)};
    deliver(signal, *info, context, &uc);
    uc.uc_sigmask = mask;
    copy_registers_to(registers, uc);
    return;
  }
  if (is_fault(signal, *info)) {
    // The shim itself faulted: not the guest's signal to handle. Die by it.
    ::signal(signal, SIG_DFL);
    return;
  }
  pending.add(signal, *info, uc.uc_sigmask);
  const auto rip = static_cast<std::uintptr_t>(uc.uc_mcontext.gregs[REG_RIP]);
  // Interrupted between the native call's check and its syscall: the call is not made (the
  // signal is delivered first and the guest's call made again after it, as natively).
  if (rip >= reinterpret_cast<std::uintptr_t>(syscompat_native_call_check) &&
      rip <= reinterpret_cast<std::uintptr_t>(syscompat_native_call_syscall))
    uc.uc_mcontext.gregs[REG_RIP] =
        static_cast<greg_t>(reinterpret_cast<std::uintptr_t>(syscompat_native_call_not_made));
  // Interrupted on the way back to the guest, past its check: back to the check.
  if (rip >= reinterpret_cast<std::uintptr_t>(run32_resume_check) &&
      rip <= reinterpret_cast<std::uintptr_t>(run32_resume_last))
    uc.uc_mcontext.gregs[REG_RIP] =
        static_cast<greg_t>(reinterpret_cast<std::uintptr_t>(run32_resume_check));
  syscompat_signal_waiting = 1;
}

void force_guest_sigsys(const siginfo_t& info) {
  GuestProcess& process = guest_process();
  const auto ignored = reinterpret_cast<std::uintptr_t>(SIG_IGN);
  if (guest_blocks(SIGSYS) || process.disposition(SIGSYS).handler == ignored) {
    translators::GuestSigaction reset = process.disposition(SIGSYS);
    reset.handler = reinterpret_cast<std::uintptr_t>(SIG_DFL);
    process.sigaction(SIGSYS, &reset, nullptr);
    guest_blocks_kept &= ~signal_bit(SIGSYS);
  }
  // As a host handler would keep it (pending is theirs, so with every signal blocked).
  const sigset_t all = every_signal();
  sigset_t before, unused;
  ::syscall(SYS_rt_sigprocmask, SIG_BLOCK, &all, &before, _NSIG / 8);
  sigemptyset(&unused);
  pending.add(SIGSYS, info, unused);
  syscompat_signal_waiting = 1;
  ::syscall(SYS_rt_sigprocmask, SIG_SETMASK, &before, nullptr, _NSIG / 8);
}

bool pending_handlers_restart() {
  if (!syscompat_signal_waiting) return false;
  for (int signal = 1; signal <= 64; ++signal) {
    if (!pending.waiting(signal)) continue;
    const auto& action = guest_process().disposition(signal);
    const bool has_handler = action.handler != reinterpret_cast<std::uintptr_t>(SIG_DFL) &&
                             action.handler != reinterpret_cast<std::uintptr_t>(SIG_IGN);
    if (has_handler && !(action.flags & SA_RESTART)) return false;
  }
  return true;
}

bool deliver_pending_signals(GuestContext context) {
  if (!syscompat_signal_waiting) return false;
  syscompat_signal_waiting = 0;
  pending.release(context.mask);
  // In the kernel's order: the lowest number first, each next frame on top of the last.
  for (int signal = 1; signal <= PendingSignals::last_signal; ++signal) {
    if (!pending.waiting(signal)) continue;
    // Delivered even when the call just served blocks it again: it came while unblocked
    // (sigsuspend's temporary mask, say), when the kernel would have delivered it.
    const siginfo_t info = pending.take(signal);
    deliver(signal, info, context, nullptr);
  }
  return true;
}

namespace {

// The sigcontext and mask of the frame at `esp` as (rt_)sigreturn finds it: the return
// address popped (rt) or that and the signal number (sigreturn), as the kernel's
// sys_sigreturn takes the frame at sp - 8 and sys_rt_sigreturn at sp - 4. An rt frame's
// uc_stack goes to `stack` when asked for (a plain frame has none).
bool read_frame(const translators::GuestMemory& memory, std::uint32_t esp, bool rt,
                SigcontextI386& sc, std::uint64_t& mask, StackI386* stack = nullptr) {
  if (rt) {
    RtFrameI386 f;
    if (memory.copy_in(&f, esp - 4, sizeof f)) return false;
    sc = f.context.mcontext;
    mask = f.context.sigmask[0] | std::uint64_t{f.context.sigmask[1]} << 32;
    if (stack) *stack = f.context.stack;
  } else {
    FrameI386 f;
    if (memory.copy_in(&f, esp - 8, sizeof f)) return false;
    sc = f.context;
    mask = sc.oldmask | std::uint64_t{f.extramask} << 32;
  }
  return true;
}

}  // namespace

std::optional<std::uint64_t> frame_signal_mask(const translators::GuestMemory& memory,
                                               std::uint32_t esp, bool rt) {
  SigcontextI386 sc;
  std::uint64_t mask;
  if (!read_frame(memory, esp, rt, sc, mask)) return std::nullopt;
  return mask;
}

std::int32_t signal_return(GuestProcess& process, bool rt) {
  GuestContext& context = *current;
  GuestRegisters& r = context.registers;
  const auto& memory = process.memory();
  SigcontextI386 sc;
  std::uint64_t mask;
  StackI386 stack;
  if (!read_frame(memory, static_cast<std::uint32_t>(r.esp), rt, sc, mask, &stack))
    die_by_signal(SIGSEGV);
  // compat_restore_altstack: the frame's uc_stack is the alternate stack again, as
  // sigaltstack at the restored esp would set it (its refusals ignored, as the kernel's).
  if (rt) change_alternate_stack(&stack, nullptr, sc.esp);
  r.eax = sc.eax, r.ebx = sc.ebx, r.ecx = sc.ecx, r.edx = sc.edx;
  r.esi = sc.esi, r.edi = sc.edi, r.ebp = sc.ebp, r.esp = sc.esp, r.eip = sc.eip;
  r.eflags = (r.eflags & ~std::uint64_t{restorable_eflags}) | (sc.eflags & restorable_eflags);
  if (sc.fpstate &&
      memory.copy_in(context.fxsave_area, sc.fpstate + fsave_header_size, fxsave_size) == 0) {
    mark_fx_state_present(context.fxsave_area);
    context.fxsave_restored = true;
  }
  assign_guest_mask(context.mask, mask);
  set_host_mask(context.mask);
  requeue_parked(false);
  return static_cast<std::int32_t>(sc.eax);
}

void enter_guest_mask_call() {
  if (!guest_blocks_kept) return;
  // In the shim's own code no dispatched SIGSYS and no guest fault can come: the host may
  // block them for the call, and the call then sees (and changes) the guest's bits as its own.
  sigset_t kept{};
  set_signal_bits(kept, guest_blocks_kept);
  ::syscall(SYS_rt_sigprocmask, SIG_BLOCK, &kept, nullptr, _NSIG / 8);
  requeue_parked(true);
  // One the kernel hands over during the call came while the call unblocked it.
  guest_blocks_kept = 0;
}

void leave_guest_mask_call() {
  const sigset_t mask = host_mask();
  // Blocked by the guest, or by the shim for one that came during the call and waits.
  guest_blocks_kept = 0;
  for (const int signal : kept_signals)
    if (has_signal(mask, signal) && !pending.holds(signal)) guest_blocks_kept |= signal_bit(signal);
  if (!guest_blocks_kept) return;
  // One pending in the kernel comes in now, and is parked.
  sigset_t kept{};
  set_signal_bits(kept, guest_blocks_kept);
  ::syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &kept, nullptr, _NSIG / 8);
}

StackI386 guest_alternate_stack() {
  return thread_alternate_stack;
}
void set_guest_alternate_stack(const StackI386& stack) {
  thread_alternate_stack = stack;
}

std::int32_t guest_sigaltstack(GuestProcess& process, GuestAddress new_stack,
                               GuestAddress old_stack) {
  // do_compat_sigaltstack: the new stack read, set, and only then the old one written.
  auto& memory = process.memory();
  const std::uint32_t esp = current ? static_cast<std::uint32_t>(current->registers.esp) : 0;
  StackI386 requested{}, old{};
  if (new_stack && memory.copy_in(&requested, new_stack, sizeof requested)) return -EFAULT;
  if (const std::int32_t error =
          change_alternate_stack(new_stack ? &requested : nullptr, &old, esp))
    return error;
  if (old_stack && memory.copy_out(old_stack, &old, sizeof old)) return -EFAULT;
  return 0;
}

}  // namespace syscompat::run32

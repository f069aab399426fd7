// Signals for the i386 guest: its dispositions installed as host handlers, i386 signal
// frames built on its stack (as the kernel's ia32_setup_frame / ia32_setup_rt_frame), and
// sigreturn / rt_sigreturn undoing them.
//
// A signal that interrupts guest code is delivered at once, by rewriting the interrupted
// context the host handler returns to. One that interrupts the shim (a guest syscall being
// served) is kept pending and delivered when that syscall returns to the guest.
#pragma once

#include <signal.h>
#include <ucontext.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>

#include "guest_process.hpp"
#include "signal_set.hpp"
#include "syscompat/translators/process_hooks.hpp"

namespace syscompat::run32 {

// The 8 bytes of i386 code that return from a signal frame (rt: an rt frame) by calling
// sigreturn, and where the shim's copies of them live (its vDSO page).
std::array<std::uint8_t, 8> sigreturn_code(bool rt);
void set_sigreturn_trampolines(GuestAddress sigreturn, GuestAddress rt_sigreturn);

// Sets the host disposition that serves the guest's; 0 or errno.
int install_guest_disposition(int signal, const translators::GuestSigaction& action);

// Traced, a signal whose default action ends the process is caught while the guest leaves it
// at the default, so that the trace shows it and the death by it as strace does
// (`--- SIGTERM {...} ---`, `+++ killed by SIGTERM +++`): the shim's handler dies by it. At
// the trace's start, for every such signal the process did not inherit as ignored.
void watch_default_deaths();

// The guest context a signal is delivered into: its registers, the signal mask it resumes
// with, and its x87/SSE state (a 512-byte fxsave area) which the frame keeps for sigreturn.
struct GuestContext {
  GuestRegisters& registers;
  sigset_t& mask;
  std::uint8_t* fxsave_area;
  bool fxsave_restored = false;  // set by sigreturn when it loads the area from a frame
};
// Where xmm0 starts in an fxsave area.
inline constexpr std::size_t fxsave_xmm_offset = 160, guest_xmm_size = 128;

// The calling thread's signal mask, read and set with the raw call: glibc's wrapper leaves
// out SIGCANCEL and SIGSETXID, which the guest's own glibc blocks when it needs them blocked.
void set_host_mask(const sigset_t& mask);
sigset_t host_mask();
// The calling host thread takes its guest thread's mask (at its start): signals that came
// before are the guest's from then on. The mask as the guest sees it, SIGSYS and SIGSEGV
// included (the host never blocks those: the shim keeps the guest's bits of them).
void set_guest_mask(const sigset_t& mask);
// The calling thread's mask as its guest sees it (what a thread it creates inherits).
sigset_t guest_mask();

// The guest's registers in a host signal context (low halves), and back.
GuestRegisters registers_of(const ucontext_t& host_context);
void copy_registers_to(const GuestRegisters& registers, ucontext_t& host_context);

// Whether the handlers of all signals that wait for the guest's return from the shim have
// SA_RESTART (a call they interrupted is to be made again after them).
bool pending_handlers_restart();

// Delivers the signals kept pending while the shim ran: frames built, registers and mask
// changed (the mask also loses what the shim blocked to keep further instances queued).
// Whether any waited: the mask is then the one to resume the guest with.
bool deliver_pending_signals(GuestContext context);

// force_sig_seccomp's SIGSYS (SECCOMP_RET_TRAP) for the calling guest thread, delivered on
// its way back to the guest; when the guest blocks or ignores SIGSYS, its disposition
// becomes the default and the signal is unblocked first (force_sig_info_to_task).
void force_guest_sigsys(const siginfo_t& info);

// The guest dies by `signal`'s default action (the shim's handler for it set aside).
[[noreturn]] void die_by_signal(int signal);

// A guest signal's host handler, and the SIGSYS a guest sends itself (kill, raise).
void handle_guest_signal(int signal, siginfo_t* info, void* host_context);

// sigreturn (rt: rt_sigreturn): the guest's registers, mask and x87/SSE state from its
// frame; answers the restored eax.
std::int32_t signal_return(GuestProcess& process, bool rt);

// The signal mask the guest's (rt_)sigreturn frame at `esp` restores; nullopt when the frame
// cannot be read (the trace's {mask=[...]}, read before the call as strace reads it).
std::optional<std::uint64_t> frame_signal_mask(const translators::GuestMemory& memory,
                                               std::uint32_t esp, bool rt);

// The context of the call being served (set by the entries): sigreturn and a forked child
// change more than eax.
void set_current_context(GuestContext* context);
GuestContext* current_context();

// Around a guest call that reads or changes its signal mask or its pending signals
// (sigprocmask, sigpending, sigtimedwait and their old forms): the host's SIGSYS bit is the
// guest's for the call (the shim keeps it otherwise, as the host must not block SIGSYS), and
// a SIGSYS the guest blocked is pending in the kernel for it.
void enter_guest_mask_call();
void leave_guest_mask_call();

// i386 stack_t (sigaltstack's, a frame's uc_stack). The guest's alternate signal stack is the
// shim's to keep, per thread as the kernel keeps sas_ss_sp, sas_ss_size and sas_ss_flags per
// task: a new thread starts without one (copy_process's sas_ss_reset), a vfork child with its
// parent's, an exec'd program's main thread with neither sp nor size and the flags kept
// (setup_new_exec): taken as 0, those of a task that never set them.
struct StackI386 {
  std::uint32_t sp;
  std::int32_t flags;
  std::uint32_t size;
};
StackI386 guest_alternate_stack();
void set_guest_alternate_stack(const StackI386& stack);

// sigaltstack for the guest, kept by the shim: the host's alternate stack is the shim's.
std::int32_t guest_sigaltstack(GuestProcess& process, GuestAddress new_stack,
                               GuestAddress old_stack);

}  // namespace syscompat::run32

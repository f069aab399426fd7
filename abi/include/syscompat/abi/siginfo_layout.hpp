// Which member of siginfo's _sifields union is live: the kernel's siginfo_layout()
// (kernel/signal.c), by signal number and si_code. Every compat copy of a siginfo moves
// exactly the fields of this layout and zeroes the rest, so a translator must choose the
// same way. Linux's generic rules (the x86 and arm ones; sparc and alpha add trap numbers).
#pragma once

namespace syscompat::abi {

enum class SiginfoLayout {
  kill,          // _kill: pid, uid
  timer,         // _timer: tid, overrun, sigval
  poll,          // _sigpoll: band, fd
  fault,         // _sigfault: addr
  fault_mceerr,  // addr, addr_lsb
  fault_bnderr,  // addr, lower, upper
  fault_pkuerr,  // addr, pkey
  fault_perf,    // addr, perf data, type, flags
  chld,          // _sigchld: pid, uid, status, utime, stime
  rt,            // _rt: pid, uid, sigval
  sys,           // _sigsys: call_addr, syscall, arch
};

// si_code values, uapi asm-generic/siginfo.h: one entry per fact the choice reads.
namespace si_codes {
inline constexpr int user = 0, kernel = 0x80;  // SI_USER, SI_KERNEL
inline constexpr int timer = -2, sigio = -5;   // SI_TIMER, SI_SIGIO
inline constexpr int tkill = -6;               // SI_TKILL
// How many codes each signal has (NSIGILL ...): 6.18's values. NSIGSEGV is 10 since 6.6's
// SEGV_CPERR (x86 shadow stacks); headers older than that say 9.
inline constexpr int nsigill = 11, nsigfpe = 15, nsigsegv = 10, nsigbus = 5, nsigtrap = 6,
                     nsigchld = 6, nsigpoll = 6, nsigsys = 2;
inline constexpr int bus_mceerr_ar = 4, bus_mceerr_ao = 5, segv_bnderr = 3, segv_pkuerr = 4,
                     trap_perf = 6;
}  // namespace si_codes

// Linux signal numbers are the same on x86, arm, aarch64 and riscv (not mips).
constexpr SiginfoLayout siginfo_layout(int signal, int code) {
  using namespace si_codes;
  constexpr int sigill = 4, sigtrap = 5, sigbus = 7, sigfpe = 8, sigsegv = 11, sigchld = 17,
                sigsys = 31;
  if (code > user && code < kernel) {
    struct Codes {
      int signal, limit;
      SiginfoLayout layout;
    };
    constexpr Codes by_signal[] = {
        {sigill, nsigill, SiginfoLayout::fault},   {sigfpe, nsigfpe, SiginfoLayout::fault},
        {sigsegv, nsigsegv, SiginfoLayout::fault}, {sigbus, nsigbus, SiginfoLayout::fault},
        {sigtrap, nsigtrap, SiginfoLayout::fault}, {sigchld, nsigchld, SiginfoLayout::chld},
        {sigsys, nsigsys, SiginfoLayout::sys}};
    for (const auto& entry : by_signal) {
      if (entry.signal != signal || code > entry.limit) continue;
      if (signal == sigbus && code >= bus_mceerr_ar && code <= bus_mceerr_ao)
        return SiginfoLayout::fault_mceerr;
      if (signal == sigsegv && code == segv_bnderr) return SiginfoLayout::fault_bnderr;
      if (signal == sigsegv && code == segv_pkuerr) return SiginfoLayout::fault_pkuerr;
      if (signal == sigtrap && code == trap_perf) return SiginfoLayout::fault_perf;
      return entry.layout;
    }
    return code <= nsigpoll ? SiginfoLayout::poll : SiginfoLayout::kill;
  }
  if (code == timer) return SiginfoLayout::timer;
  if (code == sigio) return SiginfoLayout::poll;
  return code < 0 ? SiginfoLayout::rt : SiginfoLayout::kill;
}

}  // namespace syscompat::abi

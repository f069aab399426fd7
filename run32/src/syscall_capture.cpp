#include "syscall_capture.hpp"

#include <asm/prctl.h>
#include <signal.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "guest_directories.hpp"
#include "guest_trace.hpp"
#include "host_vdso.hpp"
#include "i386_numbers.hpp"
#include "restart_rules.hpp"
#include "signals.hpp"
#include "syscompat/abi/syscall_args.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "syscompat/abi/x86_segments.hpp"
#include "threads.hpp"
#include "vdso_image.hpp"

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59
#define PR_SYS_DISPATCH_OFF 0
#define PR_SYS_DISPATCH_ON 1
#endif
#ifndef HWCAP2_FSGSBASE
#define HWCAP2_FSGSBASE (1 << 1)
#endif
#ifndef SYS_USER_DISPATCH
#define SYS_USER_DISPATCH 2  // si_code of a dispatched syscall's SIGSYS
#endif

namespace syscompat::run32 {

namespace {

constexpr std::uint64_t guest_code_selector = abi::x86::user32_cs;

GuestProcess* process = nullptr;
GuestAddress sysinfo_entry = 0;  // the AT_SYSINFO entry's guest address
std::unique_ptr<translators::I386Translator> translator;

// Syscall User Dispatch with no selector byte and the exempt range [4 GB, top): every
// syscall made from guest code (below 4 GB) is dispatched as SIGSYS, every one the shim
// makes from its own code (above 4 GB) goes to the kernel. No selector to flip on each
// switch, and no path by which a guest syscall reaches the kernel untranslated.
void turn_dispatch_on() {
  constexpr unsigned long shim_start = 1ul << 32;
  if (::prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, shim_start, ~0ul - shim_start, 0) !=
      0) {
    std::fprintf(stderr, "syscompat run32: Syscall User Dispatch: %s\n", std::strerror(errno));
    std::_Exit(126);
  }
}

// What the shim does itself with a call before (or instead of) the translators, by i386
// number: a table built while the shim compiles, so that serving a call reads one byte.
enum ShimCall : std::uint8_t {
  ends_guest = 1,           // exit, exit_group: never returns, traced whole before it runs
  directory_seek = 2,       // lseek, _llseek and close: seek_directory
  sees_guest_mask = 4,      // reads or changes the guest's signal mask or pending signals
  executable_link = 8,      // readlink or readlinkat: own_executable_link
  guest_altstack = 16,      // sigaltstack: the shim keeps the guest's
  creates_task = 32,        // fork, vfork, clone, clone3: returns 0 in the new task
  restores_registers = 64,  // sigreturn, rt_sigreturn: eax is the frame's, no result
  reaps_child = 128,        // waitpid, wait4, waitid: a child's end for the trace
};

constexpr auto shim_calls = [] {
  std::array<std::uint8_t, abi::highest_syscall_number(abi::Abi::i386) + 1> kinds{};
  // execve's line stays open: its end is written by the shim that runs the new program, or
  // `= ?` before a program the trace cannot follow (guest_trace.hpp).
  for (std::uint32_t n : {i386_number("exit"), i386_number("exit_group")}) kinds[n] |= ends_guest;
  for (std::uint32_t n : {i386_number("lseek"), i386_number("_llseek"), i386_number("close")})
    kinds[n] |= directory_seek;
  for (std::uint32_t n :
       {i386_number("rt_sigprocmask"), i386_number("sigprocmask"), i386_number("ssetmask"),
        i386_number("sgetmask"), i386_number("rt_sigpending"), i386_number("sigpending"),
        i386_number("rt_sigtimedwait"), i386_number("rt_sigtimedwait_time64")})
    kinds[n] |= sees_guest_mask;
  for (std::uint32_t n : {i386_number("readlink"), i386_number("readlinkat")})
    kinds[n] |= executable_link;
  kinds[i386_number("sigaltstack")] |= guest_altstack;
  for (std::uint32_t n :
       {i386_number("fork"), i386_number("vfork"), i386_number("clone"), i386_number("clone3")})
    kinds[n] |= creates_task;
  for (std::uint32_t n : {i386_number("sigreturn"), i386_number("rt_sigreturn")})
    kinds[n] |= restores_registers;
  for (std::uint32_t n : {i386_number("waitpid"), i386_number("wait4"), i386_number("waitid")})
    kinds[n] |= reaps_child;
  return kinds;
}();

std::uint8_t shim_call(std::uint32_t number) {
  return number < shim_calls.size() ? shim_calls[number] : 0;
}

// readlink (path, buffer, size) and readlinkat (directory, path, buffer, size) of the
// guest's own /proc/self/exe, which names the shim to the kernel; nullopt for every other
// link (the caller has checked the number).
std::optional<std::int32_t> own_executable_link(std::uint32_t number,
                                                const std::array<std::uint32_t, 6>& arguments) {
  constexpr std::uint32_t readlinkat = i386_number("readlinkat");
  const std::size_t path_index = number == readlinkat ? 1 : 0;
  std::array<char, 4096> path;  // PATH_MAX, as the kernel reads it: on the stack
  if (process->memory().read_string(arguments[path_index], path) ||
      !process->is_own_executable_link(path.data()))
    return std::nullopt;
  return process->read_own_executable_link(arguments[path_index + 1], arguments[path_index + 2]);
}

// The guest's registers set to make the call again once its handlers return (their frames
// save these): eax the call's number, and the instruction that made it: the AT_SYSINFO
// entry with the return address back on the stack, or the int $0x80 (2 bytes) again.
void restart_after_handlers(GuestRegisters& r, std::uint32_t number, bool dispatched) {
  r.eax = number;
  if (dispatched) {
    r.eip -= 2;
  } else {
    r.esp -= 4;  // the return address is still there: the frames go below it
    r.eip = sysinfo_entry;
  }
}

// The few calls the shim answers itself, then the translators.
std::int32_t run_call(std::uint32_t number, const std::array<std::uint32_t, 6>& arguments) {
  const std::uint8_t kind = shim_call(number);
  if (kind & guest_altstack) return guest_sigaltstack(*process, arguments[0], arguments[1]);
  if (kind & directory_seek)
    if (auto seek = seek_directory(process->memory(), number, arguments)) return *seek;
  if (kind & executable_link)
    if (auto own = own_executable_link(number, arguments)) return *own;
  return translator->translate(number, arguments);
}

// One guest syscall, whichever way it came: eax and the argument registers in, eax out.
void serve(GuestContext& context, bool dispatched) {
  GuestRegisters& r = context.registers;
  set_current_context(&context);
  const auto number = static_cast<std::uint32_t>(r.eax);
  const std::array<std::uint32_t, 6> arguments{
      static_cast<std::uint32_t>(r.ebx), static_cast<std::uint32_t>(r.ecx),
      static_cast<std::uint32_t>(r.edx), static_cast<std::uint32_t>(r.esi),
      static_cast<std::uint32_t>(r.edi), static_cast<std::uint32_t>(r.ebp)};
  const bool traced = traces(number);
  if (traced) {
    std::optional<std::uint64_t> restored_mask;
    if (shim_call(number) & restores_registers)
      restored_mask = frame_signal_mask(process->memory(), static_cast<std::uint32_t>(r.esp),
                                        number == i386_number("rt_sigreturn"));
    trace_call_entry(number, arguments, dispatched, shim_call(number) & ends_guest, restored_mask);
  }
  if (const auto verdict = judge_guest_call(r, number, arguments)) {
    // seccomp skipped the call (an errno, a SIGSYS waiting for the way back).
    r.eax = static_cast<std::uint32_t>(*verdict);
    if (traced) trace_call_exit(number, arguments, *verdict, dispatched);
    set_current_context(nullptr);
    return;
  }
  const bool mask_call = shim_call(number) & sees_guest_mask;
  if (mask_call) enter_guest_mask_call();
  const std::int32_t result = run_call(number, arguments);
  if (mask_call) leave_guest_mask_call();
  if (shim_call(number) & restores_registers) {
    // The interrupted registers are back, eax among them, whatever it holds (-EINTR, an
    // -ERESTART* code, SYSCOMPAT_NATIVE_CALL_NOT_MADE's value): no call's result to restart.
    // restore_sigcontext sets orig_ax to -1 for that, so signals waiting now are delivered
    // into the restored context as it is.
    if (traced) trace_call_exit(number, arguments, result, dispatched);
    set_current_context(nullptr);
    return;
  }
  if (result == SYSCOMPAT_NATIVE_CALL_NOT_MADE) {
    // A signal came before the native call was made: it is delivered on the way back, and
    // the guest makes its call again after the handler.
    restart_after_handlers(r, number, dispatched);
    set_current_context(nullptr);
    return;
  }
  r.eax = static_cast<std::uint32_t>(result);
  // A new process's or thread's return from its clone is not a line of strace's.
  if (traced && !(result == 0 && (shim_call(number) & creates_task)))
    trace_call_exit(number, arguments, result, dispatched);
  if (shim_call(number) & reaps_child) trace_reaped(number, arguments, result);
  if (result == -EINTR && pending_handlers_restart() &&
      kernel_restarts(number, arguments, process->memory()))
    restart_after_handlers(r, number, dispatched);
  set_current_context(nullptr);
}

void serve_trapped_call(ucontext_t& uc, GuestRegisters registers);

// SIGSYS: a syscall the guest made itself (int $0x80 in its own code), or a SIGSYS sent to it.
void on_sigsys(int signal, siginfo_t* info, void* host_context) {
  auto& uc = *static_cast<ucontext_t*>(host_context);
  if (info->si_code != SYS_USER_DISPATCH) return handle_guest_signal(signal, info, host_context);
  if ((uc.uc_mcontext.gregs[REG_CSGSFS] & 0xffff) != guest_code_selector) {
    static const char message[] = "syscompat run32: a dispatched syscall from 64-bit code\n";
    if (::write(2, message, sizeof message - 1) < 0) std::_Exit(134);
    std::_Exit(134);
  }
  GuestRegisters registers = registers_of(uc);
  registers.eax = static_cast<std::uint32_t>(info->si_syscall);
  serve_trapped_call(uc, registers);
}

// The guest's int $0x80 on a kernel without the i386 entry (ia32_emulation=0 leaves vector
// 0x80 out of the IDT): #GP with the error code of IDT vector 0x80, at CD 80. Served as the
// call it is, from after the instruction as Syscall User Dispatch reports it.
bool serve_int80_fault(ucontext_t& uc) {
  const auto& g = uc.uc_mcontext.gregs;
  constexpr greg_t idt_vector_0x80 = (0x80 << 3) | 2;
  if ((g[REG_CSGSFS] & 0xffff) != guest_code_selector || g[REG_TRAPNO] != 13 ||
      g[REG_ERR] != idt_vector_0x80)
    return false;
  std::uint8_t code[2];
  const auto eip = static_cast<GuestAddress>(g[REG_RIP]);
  if (process->memory().copy_in(code, eip, sizeof code) || code[0] != 0xcd || code[1] != 0x80)
    return false;
  GuestRegisters registers = registers_of(uc);
  registers.eip = eip + 2;
  serve_trapped_call(uc, registers);
  return true;
}

// A call the guest made in its own code (dispatched: eip after the instruction), served
// from the host signal that caught it.
void serve_trapped_call(ucontext_t& uc, GuestRegisters registers) {
  sigset_t mask;
  GuestContext context{registers, mask, reinterpret_cast<std::uint8_t*>(uc.uc_mcontext.fpregs)};
  serve(context, true);
  // The guest resumes with the mask its call left (sigprocmask), not the one the kernel
  // saved when it raised SIGSYS; a signal delivered now changes both. Every signal is
  // blocked from here to the host's sigreturn, which installs that mask as it returns to the
  // guest: one that comes meanwhile is delivered then, in guest code, not left waiting.
  const sigset_t all = every_signal();
  ::syscall(SYS_rt_sigprocmask, SIG_BLOCK, &all, &mask, _NSIG / 8);
  sigdelset(&mask, SIGSYS);
  deliver_pending_signals(context);
  uc.uc_sigmask = mask;
  copy_registers_to(registers, uc);
}

void* map_shim_memory(std::size_t size) {
  void* memory = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED) {
    std::fprintf(stderr, "syscompat run32: %s\n", std::strerror(errno));
    std::_Exit(126);
  }
  return memory;
}

}  // namespace

extern "C" void run32_host_signal(int signal, siginfo_t* info, void* host_context) {
  if (signal == SIGSYS)
    on_sigsys(signal, info, host_context);
  else if (signal != SIGSEGV || !serve_int80_fault(*static_cast<ucontext_t*>(host_context)))
    handle_guest_signal(signal, info, host_context);
}

extern "C" void run32_dispatch_sysinfo(GuestRegisters* registers, std::uint8_t* guest_xmm) {
  // A signal frame (or sigreturn) needs the guest's whole x87/SSE state: the live x87 and
  // MXCSR state, which the shim has not touched, with the guest's xmm0-7 the entry saved.
  alignas(16) std::uint8_t fxsave_area[512];
  sigset_t mask;
  GuestContext context{*registers, mask, fxsave_area};
  if (shim_call(static_cast<std::uint32_t>(registers->eax)) & restores_registers) {
    asm volatile("fxsave64 %0" : "=m"(fxsave_area));
    std::memcpy(fxsave_area + fxsave_xmm_offset, guest_xmm, guest_xmm_size);
  }
  serve(context, false);
  if (context.fxsave_restored) {
    std::memcpy(guest_xmm, fxsave_area + fxsave_xmm_offset, guest_xmm_size);
    asm volatile("fxrstor64 %0" : : "m"(fxsave_area));
  }
  // Signals that came while the shim ran are delivered on the way back (mode_switch.S).
}

extern "C" void run32_deliver_waiting_signals(GuestRegisters* registers,
                                              std::uint8_t* fxsave_area) {
  // The host's mask, 32 and 33 included (host_mask: glibc's sigprocmask leaves them out,
  // and the mask set back below would unblock them).
  sigset_t mask = host_mask();
  if (deliver_pending_signals({*registers, mask, fxsave_area})) set_host_mask(mask);
}

void reserve_past_task_size() {
  // [TASK_SIZE, 4 GB): the kernel lets an i386 process map nothing there. Reserved, so that no
  // guest mapping can grow into it; it is no guest memory, so a pointer there is EFAULT.
  constexpr std::uint64_t four_gb = std::uint64_t{1} << 32;
  if (::mmap(reinterpret_cast<void*>(std::uintptr_t{GuestProcess::task_size}),
             four_gb - GuestProcess::task_size, PROT_NONE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_NORESERVE, -1,
             0) == MAP_FAILED) {
    std::fprintf(stderr, "syscompat run32: the range past TASK_SIZE: %s\n", std::strerror(errno));
    std::_Exit(126);
  }
}

namespace {

// The clocks the kernel's vDSO serves itself (include/vdso/datapage.h: VDSO_HRES,
// VDSO_COARSE, VDSO_RAW); for every other one its functions make the syscall.
constexpr std::uint32_t vdso_served_clocks =
    1u << CLOCK_REALTIME | 1u << CLOCK_MONOTONIC | 1u << CLOCK_BOOTTIME | 1u << CLOCK_TAI |
    1u << CLOCK_REALTIME_COARSE | 1u << CLOCK_MONOTONIC_COARSE | 1u << CLOCK_MONOTONIC_RAW;

// Stand-ins for the host's vDSO functions when the process has none (vdso=0): the x86_64
// syscalls, with the vDSO's convention (the result or -errno).
long syscall_result(long result) {
  return result == -1 ? -errno : result;
}
extern "C" long run32_host_clock_gettime(clockid_t clock, timespec* ts) {
  return syscall_result(::syscall(SYS_clock_gettime, clock, ts));
}
extern "C" long run32_host_clock_getres(clockid_t clock, timespec* ts) {
  return syscall_result(::syscall(SYS_clock_getres, clock, ts));
}
extern "C" long run32_host_gettimeofday(timeval* tv, struct timezone* tz) {
  return syscall_result(::syscall(SYS_gettimeofday, tv, tz));
}
extern "C" long run32_host_time(time_t* t) {
  return syscall_result(::syscall(SYS_time, t));
}

std::uint64_t host_function(std::string_view name, auto* stand_in) {
  void* function = host_vdso_function(name);
  return reinterpret_cast<std::uint64_t>(function ? function : reinterpret_cast<void*>(stand_in));
}

// The tables of mode_switch.S's run32_vdso_time_entry: the host's functions, found once.
void find_host_time_functions() {
  const auto index = [](VdsoFunction f) { return static_cast<std::size_t>(f); };
  const std::uint64_t clock_gettime =
      host_function("__vdso_clock_gettime", run32_host_clock_gettime);
  run32_vdso_host[index(VdsoFunction::clock_gettime)] = clock_gettime;
  run32_vdso_host[index(VdsoFunction::clock_gettime64)] = clock_gettime;
  run32_vdso_host[index(VdsoFunction::clock_getres)] =
      host_function("__vdso_clock_getres", run32_host_clock_getres);
  run32_vdso_host[index(VdsoFunction::gettimeofday)] =
      host_function("__vdso_gettimeofday", run32_host_gettimeofday);
  run32_vdso_host[index(VdsoFunction::time)] = host_function("__vdso_time", run32_host_time);
  run32_vdso_syscall[index(VdsoFunction::clock_gettime)] = i386_number("clock_gettime");
  run32_vdso_syscall[index(VdsoFunction::clock_gettime64)] = i386_number("clock_gettime64");
  run32_vdso_syscall[index(VdsoFunction::clock_getres)] = i386_number("clock_getres");
  run32_vdso_clocks = vdso_served_clocks;
}

// Writes a 32-bit value into code copied to `copy` from `code`, at `slot`'s place in it.
template <class T>
void patch(std::uint8_t* copy, const std::uint8_t* code, const void* slot, T value) {
  std::memcpy(copy + (static_cast<const std::uint8_t*>(slot) - code), &value, sizeof value);
}

}  // namespace

VdsoCode guest_vdso_code() {
  VdsoCode code{};
  code.vsyscall_size = static_cast<std::uint32_t>(run32_sysinfo_code_end - run32_sysinfo_code);
  for (std::size_t i = 0; i < vdso_function_count; ++i)
    code.functions[i] = {run32_vdso_layout[i][0], run32_vdso_layout[i][1]};
  return code;
}

GuestAddress write_vdso(std::uint8_t* bytes, GuestAddress address) {
  const VdsoCode code = guest_vdso_code();
  const std::vector<std::uint8_t> vdso = vdso_image(code);
  const auto time_code_size = static_cast<std::uint32_t>(run32_vdso_code_end - run32_vdso_code);
  if (vdso.size() != GuestProcess::page_size || time_code_size > VdsoText::time_size) {
    std::fprintf(stderr, "syscompat run32: the vDSO image does not fit its page\n");
    std::_Exit(126);
  }
  std::memcpy(bytes, vdso.data(), vdso.size());
  // __kernel_vsyscall: the AT_SYSINFO entry.
  std::uint8_t* entry = bytes + VdsoText::vsyscall;
  std::memcpy(entry, run32_sysinfo_code, code.vsyscall_size);
  patch(entry, run32_sysinfo_code, &run32_sysinfo_target,
        reinterpret_cast<std::uint64_t>(&run32_syscall_entry));
  // The 32-bit far jump's target: the 64-bit half, in the copy.
  patch(entry, run32_sysinfo_code, &run32_sysinfo_far_offset,
        address + VdsoText::vsyscall +
            static_cast<std::uint32_t>(run32_sysinfo_64 - run32_sysinfo_code));
  // __kernel_sigreturn and __kernel_rt_sigreturn.
  std::memcpy(bytes + VdsoText::sigreturn, sigreturn_code(false).data(), VdsoText::sigreturn_size);
  std::memcpy(bytes + VdsoText::rt_sigreturn, sigreturn_code(true).data(),
              VdsoText::sigreturn_size);
  set_sigreturn_trampolines(address + VdsoText::sigreturn, address + VdsoText::rt_sigreturn);
  // The __vdso_* functions: their far jump, their call of __kernel_vsyscall (relative: from
  // the end of the call instruction), their way to run32_vdso_time_entry and back.
  std::uint8_t* time = bytes + VdsoText::time;
  std::memcpy(time, run32_vdso_code, time_code_size);
  const auto offset_in_time = [](const void* symbol) {
    return static_cast<std::uint32_t>(static_cast<const std::uint8_t*>(symbol) - run32_vdso_code);
  };
  patch(time, run32_vdso_code, &run32_vdso_far_offset,
        address + VdsoText::time + offset_in_time(run32_vdso_64));
  patch(time, run32_vdso_code, &run32_vdso_vsyscall_call,
        VdsoText::vsyscall - (VdsoText::time + offset_in_time(&run32_vdso_vsyscall_call) + 4));
  patch(time, run32_vdso_code, &run32_vdso_target,
        reinterpret_cast<std::uint64_t>(&run32_vdso_time_entry));
  for (std::size_t i = 0; i < std::size(run32_vdso_return); ++i)
    run32_vdso_return[i] = address + VdsoText::time + run32_vdso_layout[i][2];
  find_host_time_functions();
  sysinfo_entry = address + VdsoText::vsyscall;
  return sysinfo_entry;
}

void start_capturing_syscalls(GuestProcess& guest) {
  process = &guest;
  translator = std::make_unique<translators::I386Translator>(guest.memory(), &guest);
  install_directory_positions();
  probe_i386_entry();
  // How the ways in put the thread's own FS base back when the guest has loaded %fs.
  // SYSCOMPAT_RUN32_NO_FSGSBASE: the arch_prctl fallback on a machine that has FSGSBASE
  // (for its test).
  run32_have_fsgsbase = (::getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE) != 0 &&
                        !std::getenv("SYSCOMPAT_RUN32_NO_FSGSBASE");
  run32_arch_prctl = abi::syscall_number(abi::Abi::x86_64, "arch_prctl");
  run32_gettid = abi::syscall_number(abi::Abi::x86_64, "gettid");
  struct sigaction action {};
  action.sa_sigaction = run32_host_signal_entry;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  ::sigaction(SIGSYS, &action, nullptr);
  install_guest_disposition(SIGSEGV, guest.dispositions()[SIGSEGV]);  // caught always
  // The main thread's stacks: every host handler of the shim runs on the alternate one,
  // never on the guest's 32-bit stack.
  static GuestThread main_thread;
  main_thread.dispositions = guest.dispositions();
  auto* stacks = static_cast<std::uint8_t*>(map_shim_memory(signal_stack_size + shim_stack_size));
  adopt_thread(main_thread, stacks, stacks + signal_stack_size + shim_stack_size);
  set_guest_alternate_stack({0, 0, 0});  // as setup_new_exec leaves it (signals.hpp)
  // The guest's mask as execve passed it on, its SIGSYS and SIGSEGV bits the shim's from
  // here (once the thread is the shim's, so that one waiting in the kernel is parked).
  set_guest_mask(host_mask());
}

void capture_syscalls_after_fork() {
  turn_dispatch_on();
}

void stop_capturing_syscalls() {
  ::prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
}

}  // namespace syscompat::run32

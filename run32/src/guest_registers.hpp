// The guest's registers as the mode switch (mode_switch.S) saves and restores them: one
// 64-bit slot each, the guest's value in the low half. The layout is the assembly's.
#pragma once

#include <signal.h>

#include <cstdint>

#include "syscompat/translators/native_call.h"  // syscompat_signal_waiting

namespace syscompat::run32 {

struct GuestRegisters {
  std::uint64_t eax, ebx, ecx, edx, esi, edi, ebp, esp, eip, eflags;
};
static_assert(sizeof(GuestRegisters) == 80, "mode_switch.S pushes ten slots");

extern "C" {
// The calling thread's 64-bit stack top for the syscall entry (threads.cpp); how to set the
// FS base, and how the entry finds the thread's own (x86_64 gettid).
extern __thread std::uint64_t run32_shim_stack __attribute__((tls_model("initial-exec")));
extern std::uint32_t run32_arch_prctl;
extern std::uint32_t run32_gettid;
extern std::uint8_t run32_have_fsgsbase;
// The sa_sigaction of every host handler: run32_host_signal with the shim's FS base.
void run32_host_signal_entry(int signal, siginfo_t* info, void* context);
void run32_host_signal(int signal, siginfo_t* info, void* context);
// The host handlers' return (rt_sigreturn), for the raw rt_sigaction.
void run32_host_restorer();
// The 32-bit AT_SYSINFO code to copy below 4 GB, and its slot for the 64-bit target.
extern const std::uint8_t run32_sysinfo_code[], run32_sysinfo_code_end[];
extern std::uint64_t run32_sysinfo_target;
extern std::uint32_t run32_sysinfo_far_offset;
extern const std::uint8_t run32_sysinfo_64[];
void run32_syscall_entry();
// The vDSO's __vdso_* code to copy below 4 GB (vdso_image.hpp: VdsoText::time): per
// VdsoFunction its offset, size and second half's offset; the slots written at install (the
// far jump's offset, the call of __kernel_vsyscall, the 64-bit target); and the tables of
// run32_vdso_time_entry (per VdsoFunction but getcpu: the host's function, the second
// half's guest address; per clock function its fallback syscall; the served clocks).
extern const std::uint8_t run32_vdso_code[], run32_vdso_code_end[];
extern const std::uint32_t run32_vdso_layout[][3];
extern std::uint32_t run32_vdso_far_offset, run32_vdso_vsyscall_call;
extern const std::uint8_t run32_vdso_64[];
extern std::uint64_t run32_vdso_target;
extern std::uint64_t run32_vdso_host[5], run32_vdso_return[5];
extern std::uint32_t run32_vdso_syscall[3], run32_vdso_clocks;
void run32_vdso_time_entry();
[[noreturn]] void run32_resume(const GuestRegisters* registers);
// The stretch of the way back to the guest that checks for waiting signals (its first and
// last instruction), and what it calls when there are some.
extern const std::uint8_t run32_resume_check[], run32_resume_last[];
void run32_deliver_waiting_signals(GuestRegisters* registers, std::uint8_t* fxsave_area);
std::int32_t run32_int80(std::uint32_t number, std::uint32_t a1, std::uint32_t a2, std::uint32_t a3,
                         std::uint32_t a4, std::uint32_t a5, std::uint32_t a6);
// Called by the entry with the saved registers and the guest's xmm0-7 (128 bytes):
// translates the call in eax and sets eax (and more, when a signal handler is to run next).
void run32_dispatch_sysinfo(GuestRegisters* registers, std::uint8_t* guest_xmm);
}

}  // namespace syscompat::run32

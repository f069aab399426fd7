// How guest syscalls reach the translators: the AT_SYSINFO entry (a page of 32-bit code of the
// shim's below 4 GB) and Syscall User Dispatch, which turns every syscall made from below
// 4 GB (raw int $0x80 in guest code) into SIGSYS.
#pragma once

#include "guest_process.hpp"
#include "vdso_image.hpp"

namespace syscompat::run32 {

// Reserves [TASK_SIZE, 4 GB), which is no i386 process's: nothing of the guest's goes there.
void reserve_past_task_size();
// Where the guest vDSO's code is (mode_switch.S), as vdso_image lays it out.
VdsoCode guest_vdso_code();
// Writes the guest's vDSO (vdso_image.hpp) with the AT_SYSINFO entry, the signal return
// trampolines and the __vdso_* functions into `page` (one page of host memory, writable),
// which the guest sees at `address`, and finds the host vDSO's time functions that serve
// them; answers the AT_SYSINFO entry's address.
GuestAddress write_vdso(std::uint8_t* page, GuestAddress address);

// Sets up the shim's stacks and handlers and turns dispatch on.
void start_capturing_syscalls(GuestProcess& process);
// Dispatch again in a forked child (or after an exec that failed); off before an exec.
void capture_syscalls_after_fork();
void stop_capturing_syscalls();


}  // namespace syscompat::run32

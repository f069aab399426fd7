// How guest syscalls reach the translators: the AT_SYSINFO entry (a page of 32-bit code of the
// shim's below 4 GB) and Syscall User Dispatch, which turns every syscall made from below
// 4 GB (raw int $0x80 in guest code) into SIGSYS.
#pragma once

#include "guest_process.hpp"

namespace syscompat::run32 {

// Maps the shim's page for the guest at its reserved address, TASK_SIZE: the AT_SYSINFO entry
// and the signal return trampolines. The guest runs them but cannot hand them to a syscall
// (they are past TASK_SIZE, EFAULT as natively); its vDSO is elsewhere (run32.cpp).
struct SysinfoPage {
  GuestAddress entry;
};
SysinfoPage install_sysinfo_page();

// Sets up the shim's stacks and handlers and turns dispatch on; trace_fd < 0: no trace.
void start_capturing_syscalls(GuestProcess& process, int trace_fd);
// Dispatch again in a forked child (or after an exec that failed); off before an exec.
void capture_syscalls_after_fork();
void stop_capturing_syscalls();

// The trace's descriptor, or -1.
int trace_descriptor();

}  // namespace syscompat::run32

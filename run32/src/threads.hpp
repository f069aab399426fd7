// The guest's threads and the processes it creates: one host thread per guest thread, each
// entering 32-bit code on the guest's stack; what the shim keeps per thread (as the kernel
// keeps it per task); clone, clone3, fork and vfork; a thread's death (its robust futexes,
// its clear_child_tid).
//
// Per thread, in the shim's TLS: the entry's stack (run32_shim_stack), the signals waiting
// for the return to the guest (signals.cpp), the call being served, the guest's alternate
// signal stack; here, GuestThread. Each host thread turns Syscall User Dispatch on for
// itself (it is per task) and has its own alternate stack for the shim's handlers.
#pragma once

#include <setjmp.h>
#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "guest_process.hpp"
#include "guest_seccomp.hpp"
#include "thread_slots.h"

namespace syscompat::run32 {

// Slots of run32_thread_fsbases, the table by which a thread's entry finds its own FS base
// when the guest replaced it (mode_switch.S, RUN32_THREAD_SLOTS): live threads at most.
inline constexpr std::size_t thread_slots = RUN32_THREAD_SLOTS;
// A guest thread's host stack: the shim's alternate signal stack at its low end, the
// entry's stack above.
inline constexpr std::size_t signal_stack_size = 256 << 10, shim_stack_size = 1 << 20;

struct ThreadStart;

// What the shim keeps per guest thread beside the thread-local state.
struct GuestThread {
  pid_t tid = 0;
  std::uint64_t fs_base = 0;         // the host thread's own (its TLS), above 4 GB
  GuestAddress clear_child_tid = 0;  // set_tid_address, CLONE_CHILD_CLEARTID
  GuestAddress robust_list = 0;      // set_robust_list's head
  GuestAddress rseq_area = 0;        // rseq's registered area, with its length and signature
  std::uint32_t rseq_length = 0, rseq_signature = 0;
  sigjmp_buf* exit_jump = nullptr;    // where a thread the shim started leaves the guest
  bool helper_clears = false;         // a child on this memory: its helper clears the tid
  std::uint8_t* stack_low = nullptr;  // the host stack of a thread the shim started
  ThreadStart* start = nullptr;       // what started it (threads.cpp)
  // The signal dispositions of its thread group (the kernel's sighand_struct):
  // guest_signal_count entries, shared by the threads of a process.
  translators::GuestSigaction* dispositions = nullptr;
  GuestSeccomp seccomp;  // its seccomp mode and filters (guest_seccomp.hpp)
};

// The calling host thread serves `thread` from now on: the alternate signal stack is the
// bottom of [low, high), the entry's stack the rest (its top at high); its FS base is
// registered for the entry; Syscall User Dispatch on. clone answers EAGAIN before the table
// of thread_slots is full.
void adopt_thread(GuestThread& thread, std::uint8_t* low, std::uint8_t* high);
GuestThread& this_thread();
// How many guest threads this process has now.
int live_threads();
// `use` sees the guest threads of this process, none starting or ending meanwhile.
void with_threads_of_this_process(const std::function<void(const std::vector<GuestThread*>&)>& use);

// clone and clone3, decoded: the kernel's kernel_clone_args in i386 terms.
struct CloneRequest {
  std::uint64_t flags = 0;  // without the exit signal
  int exit_signal = 0;
  GuestAddress stack = 0;  // the child's esp; 0: the parent's
  GuestAddress parent_tid = 0, child_tid = 0, tls = 0, pidfd = 0;
  GuestAddress set_tid = 0;  // clone3's pid array (set_tid_size entries)
  std::uint32_t set_tid_size = 0;
  std::uint64_t cgroup = 0;
};

// i386 clone (CLONE_BACKWARDS: flags, stack, parent_tid, tls, child_tid), clone3
// (clone_args, size), fork and vfork; the child's pid (or tid), 0 in the child, or -errno.
std::int32_t clone_guest(GuestProcess& process, const CloneRequest& request);
std::int32_t clone3_guest(GuestProcess& process, GuestAddress arguments, std::uint32_t size);

// exit: this guest thread ends (its robust futexes released, its clear_child_tid cleared
// and woken), the process with it when it was the last. `killed_by`: a seccomp kill of the
// thread alone (its trace line says so).
[[noreturn]] void exit_thread(int status, int killed_by = 0);
[[noreturn]] void exit_group(int status);

// Whether the kernel's i386 entry is there for the shim (decided once per process image,
// before the guest runs; never tried under a seccomp filter, which may kill on it): with it,
// the guest's robust lists are registered in the kernel's compat slot too, so that the
// kernel releases them at any death, a kill by a signal included.
void probe_i386_entry();
bool has_i386_entry();

// set_tid_address, set_robust_list, get_robust_list for this guest thread.
std::int32_t set_tid_address(GuestAddress address);
std::int32_t set_robust_list(GuestProcess& process, GuestAddress head, std::uint32_t length);
std::int32_t get_robust_list(GuestProcess& process, int pid, GuestAddress head_pointer,
                             GuestAddress length_pointer);

// rseq(rseq, rseq_len, flags, sig) for this guest thread: the kernel's own registration of
// the guest's area, in place of the host glibc's.
std::int32_t guest_rseq(GuestProcess& process, GuestAddress area, std::uint32_t length,
                        std::uint32_t flags, std::uint32_t signature);

// Around a fork of the whole shim process (fork, and execve's failure paths keep them): the
// shim's locks taken, then released in the parent and made new in the child, whose one
// thread is the caller.
void before_fork();
void after_fork(bool child);

}  // namespace syscompat::run32

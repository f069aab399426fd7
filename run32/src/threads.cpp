#include "threads.hpp"

#include <linux/futex.h>
#include <linux/sched.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/rseq.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "guest_registers.hpp"
#include "guest_tls.hpp"
#include "guest_trace.hpp"
#include "i386_numbers.hpp"
#include "signals.hpp"
#include "syscall_capture.hpp"
#include "syscompat/abi/catalog.hpp"
#include "syscompat/abi/syscalls.hpp"

// The entry's stack top, per thread (mode_switch.S reads it through FS).
extern "C" __thread std::uint64_t run32_shim_stack __attribute__((tls_model("initial-exec")));
__thread std::uint64_t run32_shim_stack = 0;

// tid -> FS base, for the entry whose FS base the guest replaced (mode_switch.S,
// swap_in_shim_fsbase): open addressing from the slot tid % thread_slots; a slot whose
// thread ended keeps tid -1, so that the probes of the others still pass it.
struct Run32ThreadSlot {
  std::atomic<std::int32_t> tid;
  std::uint32_t unused = 0;
  std::atomic<std::uint64_t> fs_base;
};
static_assert(sizeof(Run32ThreadSlot) == 16, "mode_switch.S: 16 bytes a slot, tid then base");
extern "C" Run32ThreadSlot run32_thread_fsbases[syscompat::run32::thread_slots];
// Zero at compile time (.bss): a dynamic initialiser would write all 256 KiB at every start.
constinit Run32ThreadSlot run32_thread_fsbases[syscompat::run32::thread_slots];

namespace syscompat::run32 {

// Made by the parent, read and freed by the thread; the parent does not wait for the thread
// to start (natively clone returns at once), and learns its tid from glibc's pthread_create.
struct ThreadStart {
  GuestProcess* process;
  GuestRegisters registers;
  CloneRequest request;
  sigset_t mask;
  translators::GuestSigaction* dispositions;  // shared: CLONE_THREAD needs CLONE_SIGHAND
  std::uint8_t* stack_low;                    // the host thread's (take_stack)
  SeccompState seccomp;                       // the creator's
  GuestTlsStart tls{};                        // its TLS entries, made ready by the parent
  // Set once the parent has read the tid from glibc's thread descriptor, which lives on
  // that stack: the thread gives its stack back only after.
  std::atomic<std::int32_t> tid_read{0};
};

namespace {

using abi::I386;

constexpr std::int32_t ended_slot = -1;
// glibc's SIGCANCEL and SIGSETXID (the first two real-time signals, kept by glibc for itself,
// the host's and the guest's alike).
constexpr int glibc_sigcancel = 32, glibc_sigsetxid = 33;
constexpr std::uint64_t low_4gb = std::uint64_t{1} << 32;
// The host stack of a thread the shim starts: its alternate and entry stacks, then room for
// the frames that start it and glibc's thread descriptor and TLS at its top.
constexpr std::size_t host_stack_size = signal_stack_size + shim_stack_size + (64 << 10);
// clone's flags the kernel's copy_process takes for a child; the rest (CLONE_SETTLS and the
// tid pointers) the shim serves itself.
constexpr std::uint64_t served_by_shim =
    CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID;

thread_local GuestThread* current_thread = nullptr;

// The guest threads of this process (and of the processes sharing its memory, each with its
// own thread group), by tid.
struct Entry {
  GuestThread* thread;
  pid_t group;
};
std::mutex registry_lock;
std::map<pid_t, Entry> registry;
std::optional<translators::GuestMemory::Change> memory_held_for_fork;
// Whether this process has started a host thread (glibc's late_init has run; it runs again
// in a child of fork).
std::atomic<bool> host_threads_started = false;

bool failed(long result) {
  return result < 0 && result > -4096;
}

// A one-shot futex word between two host threads: 0 until announced.
void announce(std::atomic<std::int32_t>& word, std::int32_t value) {
  word.store(value, std::memory_order_release);
  ::syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
}
std::int32_t await(std::atomic<std::int32_t>& word) {
  std::int32_t value;
  while ((value = word.load(std::memory_order_acquire)) == 0)
    ::syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, nullptr, nullptr, 0);
  return value;
}

// A detached host thread, started with every signal blocked (it unblocks the guest's own), on
// host_stack_size bytes at `stack` (take_stack), or on a small stack of glibc's.
bool start_host_thread(void* (*body)(void*), void* argument, std::uint8_t* stack,
                       pthread_t* started = nullptr) {
  pthread_attr_t attributes;
  ::pthread_attr_init(&attributes);
  ::pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
  if (stack)
    ::pthread_attr_setstack(&attributes, stack, host_stack_size);
  else
    ::pthread_attr_setstacksize(&attributes, 64 << 10);
  const sigset_t all = every_signal();
  ::pthread_attr_setsigmask_np(&attributes, &all);
  // The host glibc's first thread (pthread_create's late_init) installs glibc's own SIGSETXID
  // handler over the guest's and unblocks SIGCANCEL and SIGSETXID in the caller: the
  // guest's dispositions of them are put back, before (the new thread starts with SIGCANCEL
  // unblocked) and after, and the caller's mask too.
  const bool first = !host_threads_started.exchange(true);
  sigset_t caller_mask;
  if (first) caller_mask = host_mask();
  const auto restore_dispositions = [] {
    std::lock_guard lock(guest_process().dispositions_lock());
    for (const int signal : {glibc_sigcancel, glibc_sigsetxid})
      install_guest_disposition(signal, this_thread().dispositions[signal]);
  };
  if (first) restore_dispositions();
  pthread_t handle;
  const int error = ::pthread_create(&handle, &attributes, body, argument);
  ::pthread_attr_destroy(&attributes);
  if (first) {
    restore_dispositions();
    set_host_mask(caller_mask);
  }
  if (error) return false;
  if (started) *started = handle;
  return true;
}

void register_thread(GuestThread& thread) {
  std::lock_guard lock(registry_lock);
  std::size_t slot = static_cast<std::uint32_t>(thread.tid) % thread_slots;
  for (std::size_t probes = 0; probes < thread_slots; ++probes, slot = (slot + 1) % thread_slots) {
    auto& entry = run32_thread_fsbases[slot];
    const std::int32_t tid = entry.tid.load(std::memory_order_relaxed);
    if (tid != 0 && tid != ended_slot) continue;
    entry.fs_base.store(thread.fs_base, std::memory_order_relaxed);
    entry.tid.store(thread.tid, std::memory_order_release);
    registry[thread.tid] = {&thread, ::getpid()};
    return;
  }
  static const char message[] = "syscompat run32: no slot left for another thread\n";
  if (::write(2, message, sizeof message - 1) < 0) std::_Exit(126);
  std::_Exit(126);
}

// Whether one more thread fits the table (with room to spare for the ones starting now).
bool room_for_a_thread() {
  std::lock_guard lock(registry_lock);
  return registry.size() + 256 < thread_slots;
}

// Forgets the thread; whether it was the last of its thread group.
bool forget_thread(const GuestThread& thread) {
  std::lock_guard lock(registry_lock);
  for (std::size_t slot = static_cast<std::uint32_t>(thread.tid) % thread_slots;;
       slot = (slot + 1) % thread_slots) {
    auto& entry = run32_thread_fsbases[slot];
    const std::int32_t tid = entry.tid.load(std::memory_order_relaxed);
    if (tid == thread.tid) {
      entry.tid.store(ended_slot, std::memory_order_release);
      break;
    }
    if (tid == 0) break;
  }
  registry.erase(thread.tid);
  const pid_t group = ::getpid();
  return std::none_of(registry.begin(), registry.end(),
                      [group](const auto& item) { return item.second.group == group; });
}

// kernel/futex/core.c's handle_futex_death for a guest futex word: when the dying thread
// owns it, FUTEX_OWNER_DIED (FUTEX_WAITERS kept) and one waiter woken, with the kernel's
// shared wake as glibc's robust mutexes expect. false when the word is not there.
bool futex_death(translators::GuestMemory& memory, GuestAddress address, pid_t tid, bool pi,
                 bool pending) {
  if (address % 4 || !memory.accessible(address, 4, memory.readable | memory.writable))
    return false;
  auto* word = reinterpret_cast<std::uint32_t*>(memory.host(address));
  const auto wake = [word] { ::syscall(SYS_futex, word, FUTEX_WAKE, 1, nullptr, nullptr, 0); };
  std::uint32_t value = __atomic_load_n(word, __ATOMIC_SEQ_CST);
  for (;;) {
    if (pending && !pi && value == 0) {
      wake();
      return true;
    }
    if ((value & FUTEX_TID_MASK) != static_cast<std::uint32_t>(tid)) return true;
    const std::uint32_t died = (value & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
    if (__atomic_compare_exchange_n(word, &value, died, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
      break;
  }
  // PI futexes' waiters are the kernel's (exit_pi_state_list, at the host thread's death).
  if (!pi && (value & FUTEX_WAITERS)) wake();
  return true;
}

// kernel/futex/core.c's compat_exit_robust_list over the guest's 32-bit list: entries with
// bit 0 for PI, the futex word at entry + futex_offset (32-bit arithmetic), the pending
// entry last, at most ROBUST_LIST_LIMIT entries.
void release_robust_futexes(translators::GuestMemory& memory, const GuestThread& thread) {
  constexpr int robust_list_limit = 2048;
  abi::robust_list_head<I386> head;
  if (!thread.robust_list || memory.copy_in(&head, thread.robust_list, sizeof head)) return;
  const GuestAddress list = thread.robust_list;  // &head->list
  const auto offset = static_cast<std::int32_t>(head.futex_offset.get());
  const auto futex_of = [offset](GuestAddress entry) {
    return static_cast<GuestAddress>(entry + static_cast<std::uint32_t>(offset));
  };
  std::uint32_t raw = static_cast<std::uint32_t>(head.list.next.get());
  GuestAddress entry = raw & ~1u;
  bool pi = raw & 1;
  const auto raw_pending = static_cast<std::uint32_t>(head.list_op_pending.get());
  const GuestAddress pending = raw_pending & ~1u;
  const bool pending_pi = raw_pending & 1;
  for (int limit = robust_list_limit; entry != list;) {
    std::uint32_t next = 0;
    const bool fetched = memory.copy_in(&next, entry, sizeof next) == 0;
    if (entry != pending && !futex_death(memory, futex_of(entry), thread.tid, pi, false)) return;
    if (!fetched) return;
    entry = next & ~1u;
    pi = next & 1;
    if (!--limit) break;
  }
  if (pending) futex_death(memory, futex_of(pending), thread.tid, pending_pi, true);
}

// Whether the kernel's i386 entry takes the shim's calls (see probe_i386_entry).
bool i386_entry = false;

// With the i386 entry, the guest's robust list also goes to the kernel's compat slot of the
// host task (its compat_robust_list, which futex_cleanup walks at any death of the task, as
// it walks the 64-bit list): a thread killed with its process (exit_group, a fatal signal)
// or replaced by an exec releases its robust futexes as natively, in other processes' view
// too. Without it the list is the shim's alone, walked at exit and exit_group (docs/run32.md:
// a kill by a signal releases nothing there).
std::int32_t register_robust_list_with_kernel(GuestAddress head) {
  static constexpr std::uint32_t number = i386_number("set_robust_list");
  return run32_int80(number, head, sizeof(abi::robust_list_head<I386>), 0, 0, 0, 0);
}

sigjmp_buf* probe_jump;
void on_probe_fault(int) {
  siglongjmp(*probe_jump, 1);
}

// The kernel's mm_release for a guest's clear_child_tid: 0 written, one waiter woken (a
// shared futex, as pthread_join waits on it).
void clear_and_wake(translators::GuestMemory& memory, GuestAddress address) {
  const std::uint32_t zero = 0;
  if (address && memory.copy_out(address, &zero, sizeof zero) == 0)
    ::syscall(SYS_futex, memory.host(address), FUTEX_WAKE, 1, nullptr, nullptr, 0);
}

// ---- the host stacks of guest threads ----
//
// The kernel clears and wakes a thread's clear_child_tid at its death (mm_release), which
// pthread_join in the guest waits for; glibc keeps the host thread's for itself, to know
// when a stack it cached may be reused. So the shim gives its host threads stacks of its
// own (glibc neither caches nor frees those) and points the ending host thread's
// clear_child_tid at the guest's: the joiner wakes when the thread is gone, as natively.
// A stack is used again once the thread that ran on it is gone (tgkill's ESRCH; a tid taken
// again by a new thread only delays that).
struct SpareStack {
  std::uint8_t* low;
  pid_t tid;  // the thread that ran on it last
};
std::mutex stacks_lock;
std::vector<SpareStack> spare_stacks;

std::uint8_t* take_stack() {
  {
    std::lock_guard lock(stacks_lock);
    const pid_t process = ::getpid();
    for (auto it = spare_stacks.begin(); it != spare_stacks.end(); ++it)
      if (::syscall(SYS_tgkill, process, it->tid, 0) == -1 && errno == ESRCH) {
        std::uint8_t* low = it->low;
        spare_stacks.erase(it);
        return low;
      }
  }
  // A guard page below, as glibc gives its own stacks.
  void* mapping = ::mmap(nullptr, host_stack_size + GuestProcess::page_size, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
  if (mapping == MAP_FAILED) return nullptr;
  ::mprotect(mapping, GuestProcess::page_size, PROT_NONE);
  return static_cast<std::uint8_t*>(mapping) + GuestProcess::page_size;
}

void give_back_stack(std::uint8_t* low, pid_t tid) {
  std::lock_guard lock(stacks_lock);
  spare_stacks.push_back({low, tid});
}

// Below the caller's frame: the top of the stacks adopt_thread carves.
#define RUN32_STACK_TOP_HERE(top)                                              \
  do {                                                                         \
    std::uint64_t sp_;                                                         \
    asm volatile("mov %%rsp, %0" : "=r"(sp_));                                 \
    (top) = reinterpret_cast<std::uint8_t*>((sp_ - 512) & ~std::uint64_t{63}); \
  } while (0)

void check_user_desc(const translators::GuestMemory& memory, GuestAddress tls, int& error) {
  // copy_thread's do_set_thread_area(p, -1, tls, 0): the entry must be named (no -1
  // allocation for a child).
  abi::user_desc<I386> descriptor;
  if (memory.copy_in(&descriptor, tls, sizeof descriptor))
    error = EFAULT;
  else if (descriptor.entry_number.get() == 0xffffffffu)
    error = EINVAL;
}

// The guest thread's side of its start: the tid pointers, then the guest's mask.
void settle_child(translators::GuestMemory& memory, GuestThread& thread,
                  const CloneRequest& request) {
  const pid_t tid = thread.tid;
  if (request.flags & CLONE_CHILD_SETTID) memory.copy_out(request.child_tid, &tid, sizeof tid);
  thread.clear_child_tid = request.flags & CLONE_CHILD_CLEARTID ? request.child_tid : 0;
}

// ---- CLONE_THREAD: a host thread of this process ----

void* run_guest_thread(void* argument) {
  auto* start = static_cast<ThreadStart*>(argument);
  GuestProcess& process = *start->process;
  GuestRegisters registers = start->registers;
  const CloneRequest request = start->request;
  GuestThread thread;
  thread.dispositions = start->dispositions;
  thread.stack_low = start->stack_low;
  thread.start = start;
  thread.seccomp.set(start->seccomp);
  sigjmp_buf exit_jump;
  if (sigsetjmp(exit_jump, 0)) return nullptr;  // exit_thread: the guest thread has ended
  thread.exit_jump = &exit_jump;
  std::uint8_t* top;
  RUN32_STACK_TOP_HERE(top);
  adopt_thread(thread, thread.stack_low, top);
  guest_tls_start_thread(start->tls);
  // The kernel writes parent_tid before either side runs: the parent writes it too, and the
  // thread's first guest code may read it (glibc's pd->tid).
  if (request.flags & CLONE_PARENT_SETTID)
    process.memory().copy_out(request.parent_tid, &thread.tid, sizeof thread.tid);
  settle_child(process.memory(), thread, request);
  set_guest_mask(start->mask);
  run32_resume(&registers);
}

std::int32_t create_thread(GuestProcess& process, const CloneRequest& request) {
  if (!room_for_a_thread()) return -EAGAIN;
  std::uint8_t* stack = take_stack();
  if (!stack) return -EAGAIN;
  auto* start = new ThreadStart{
      &process, current_context()->registers, request, guest_mask(), this_thread().dispositions,
      stack,    this_thread().seccomp.get()};
  start->registers.eax = 0;
  if (request.stack) start->registers.esp = request.stack;
  // copy_thread's TLS entries, the kernel's refusal of CLONE_SETTLS's being clone's.
  if (const std::int32_t error = guest_tls_prepare_child(
          process.memory(), request.flags & CLONE_SETTLS ? request.tls : 0, start->tls)) {
    delete start;
    give_back_stack(stack, 0);
    return error;
  }
  pthread_t handle;
  if (!start_host_thread(run_guest_thread, start, stack, &handle)) {
    guest_tls_abandon_child(start->tls);
    delete start;
    give_back_stack(stack, 0);
    return -EAGAIN;
  }
  // glibc's pthread_create has the tid (its own CLONE_PARENT_SETTID); its CPU-time clock
  // names it (the kernel's CPUCLOCK_PID encoding: ~tid << 3, then the clock's type).
  clockid_t clock;
  ::pthread_getcpuclockid(handle, &clock);
  const auto tid = static_cast<pid_t>(~(clock >> 3));
  if (request.flags & CLONE_PARENT_SETTID)
    process.memory().copy_out(request.parent_tid, &tid, sizeof tid);
  announce(start->tid_read, 1);  // the parent's last touch of `start`
  return tid;
}

// ---- CLONE_VM without CLONE_THREAD: another process on this memory ----
//
// The child runs the shim's C++ too, which needs a thread pointer of its own (errno, malloc's
// thread cache): a helper host thread lends it its own. The helper makes the child with
// CLONE_VM (from its own thread, so the child's FS base is the helper's), then waits without
// touching its TLS until the kernel clears the helper's word in the child's
// CLONE_CHILD_CLEARTID — at the child's exec or exit, when it has left this memory — and
// frees the child's host stack. CLONE_VFORK holds the helper in clone until then, and the
// guest's parent waits for the helper.

struct ProcessStart {
  GuestProcess* process;
  GuestRegisters registers;
  CloneRequest request;
  sigset_t mask;
  translators::GuestSigaction* dispositions;  // the parent's
  SeccompState seccomp;                       // the parent's
  GuestTlsStart tls{};
  StackI386 alternate_stack{};          // the parent's (a vfork child keeps it)
  std::atomic<std::int32_t> result{0};  // the child's pid, or -errno
};

// In the helper's frame, which outlives the child's use of this memory.
struct ChildStart {
  GuestProcess* process;
  GuestRegisters registers;
  CloneRequest request;
  sigset_t mask;
  translators::GuestSigaction* dispositions;
  GuestTlsStart tls{};
  std::uint8_t* stack_low;
  SeccompState seccomp;
  StackI386 alternate_stack;
  GuestThread* thread = nullptr;           // the child's, on its stack
  std::atomic<std::int32_t> in_memory{1};  // the helper's CLONE_CHILD_CLEARTID word
};

int run_guest_child(void* argument) {
  auto& child = *static_cast<ChildStart*>(argument);
  GuestProcess& process = *child.process;
  GuestRegisters registers = child.registers;
  const CloneRequest request = child.request;
  GuestThread thread;
  thread.dispositions = child.dispositions;
  thread.helper_clears = true;
  thread.seccomp.set(child.seccomp);
  child.thread = &thread;
  std::uint8_t* top;
  RUN32_STACK_TOP_HERE(top);
  adopt_thread(thread, child.stack_low, top);
  trace_forked_child();
  guest_tls_start_thread(child.tls);
  // copy_process resets the alternate stack for CLONE_VM without CLONE_VFORK (this host
  // thread's, the helper's, starts reset).
  if (request.flags & CLONE_VFORK) set_guest_alternate_stack(child.alternate_stack);
  settle_child(process.memory(), thread, request);
  set_guest_mask(child.mask);
  run32_resume(&registers);
}

// futex(FUTEX_WAIT) without glibc's wrapper: the helper's errno is the child's too.
void wait_while_one(std::atomic<std::int32_t>& word) {
  while (word.load(std::memory_order_acquire) == 1) {
    long result;
    asm volatile("syscall"
                 : "=a"(result)
                 : "0"(SYS_futex), "D"(&word), "S"(FUTEX_WAIT), "d"(1), "r"(nullptr)
                 : "rcx", "r11", "memory");
  }
}

void* run_child_helper(void* argument) {
  auto& start = *static_cast<ProcessStart*>(argument);
  const CloneRequest request = start.request;
  const std::size_t size = host_stack_size;
  void* stack = ::mmap(nullptr, size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK | MAP_NORESERVE, -1, 0);
  if (stack == MAP_FAILED) {
    guest_tls_abandon_child(start.tls);
    announce(start.result, -ENOMEM);
    return nullptr;
  }
  // Without CLONE_SIGHAND the child's dispositions are its own from here on.
  translators::GuestSigaction* own = nullptr;
  translators::GuestSigaction* dispositions = start.dispositions;
  if (!(request.flags & CLONE_SIGHAND)) {
    own = new translators::GuestSigaction[guest_signal_count];
    std::copy(dispositions, dispositions + guest_signal_count, own);
    dispositions = own;
  }
  ChildStart child{start.process,
                   start.registers,
                   request,
                   start.mask,
                   dispositions,
                   start.tls,
                   static_cast<std::uint8_t*>(stack),
                   start.seccomp,
                   start.alternate_stack};
  const int flags = static_cast<int>((request.flags & ~served_by_shim) | CLONE_VM |
                                     CLONE_CHILD_CLEARTID | request.exit_signal);
  const int pid =
      ::clone(run_guest_child, static_cast<std::uint8_t*>(stack) + size, flags, &child,
              request.flags & CLONE_PIDFD ? start.process->memory().host(request.pidfd) : nullptr,
              nullptr, &child.in_memory);
  if (pid < 0) {
    const int error = errno;
    guest_tls_abandon_child(child.tls);
    ::munmap(stack, size);
    delete[] own;
    announce(start.result, -error);
    return nullptr;
  }
  if (request.flags & CLONE_PARENT_SETTID)
    start.process->memory().copy_out(request.parent_tid, &pid, sizeof pid);
  announce(start.result, pid);  // with CLONE_VFORK, once the child has let go
  wait_while_one(child.in_memory);
  // The child has left this memory (exec or exit): its guest clear_child_tid, as the
  // kernel's mm_release does then; its GuestThread is still on the stack about to go.
  if (child.thread) {
    clear_and_wake(start.process->memory(), child.thread->clear_child_tid);
    forget_thread(*child.thread);  // after an exec it never did (this table is shared)
  }
  guest_tls_end_thread();  // the child's entries, kept in this thread's record (its TLS)
  ::munmap(stack, size);
  delete[] own;
  return nullptr;
}

std::int32_t create_process_on_this_memory(GuestProcess& process, const CloneRequest& request) {
  if (!room_for_a_thread()) return -EAGAIN;
  ProcessStart start{&process,     current_context()->registers, request,
                     guest_mask(), this_thread().dispositions,   this_thread().seccomp.get()};
  start.alternate_stack = guest_alternate_stack();
  start.registers.eax = 0;
  if (request.stack) start.registers.esp = request.stack;
  // The child's TLS entries, held for it until it leaves this memory (run_child_helper).
  if (const std::int32_t error = guest_tls_prepare_child(
          process.memory(), request.flags & CLONE_SETTLS ? request.tls : 0, start.tls))
    return error;
  if (!start_host_thread(run_child_helper, &start, nullptr)) {
    guest_tls_abandon_child(start.tls);
    return -EAGAIN;
  }
  return await(start.result);
}

// ---- without CLONE_VM: a copy of the whole shim process ----

std::int32_t fork_process(GuestProcess& process, const CloneRequest& request) {
  // glibc's fork when the guest asks for a plain one: it makes its own locks (malloc's) safe
  // for the child, whose one thread is this one. Anything else through clone3 itself.
  const bool plain = !(request.flags & ~served_by_shim) && request.exit_signal == SIGCHLD;
  long pid;
  int error = 0;
  before_fork();
  if (plain) {
    pid = ::fork();
  } else {
    struct clone_args host {};
    host.flags = request.flags & ~served_by_shim;
    host.exit_signal = static_cast<std::uint64_t>(request.exit_signal);
    host.pidfd = reinterpret_cast<std::uint64_t>(process.memory().host(request.pidfd));
    host.set_tid = reinterpret_cast<std::uint64_t>(process.memory().host(request.set_tid));
    host.set_tid_size = request.set_tid_size;
    host.cgroup = request.cgroup;
    pid = ::syscall(SYS_clone3, &host, sizeof host);
  }
  if (pid < 0) error = errno;
  after_fork(pid == 0);
  if (pid < 0) return -error;
  if (pid > 0) {
    if (request.flags & CLONE_PARENT_SETTID) {
      const auto child = static_cast<pid_t>(pid);
      process.memory().copy_out(request.parent_tid, &child, sizeof child);
    }
    return static_cast<std::int32_t>(pid);
  }
  capture_syscalls_after_fork();
  trace_forked_child();
  GuestThread& thread = this_thread();
  thread.robust_list = 0;  // the kernel forgets the child's lists; the guest sets its own
  if (request.flags & CLONE_SETTLS) guest_tls_set_child(process.memory(), request.tls);
  settle_child(process.memory(), thread, request);
  if (request.stack) current_context()->registers.esp = request.stack;
  return 0;
}

}  // namespace

void adopt_thread(GuestThread& thread, std::uint8_t* low, std::uint8_t* high) {
  current_thread = &thread;
  thread.tid = static_cast<pid_t>(::gettid());
  std::uint64_t fs_base = 0;
  asm volatile("mov %%fs:0, %0" : "=r"(fs_base));  // glibc's TCB points at itself
  thread.fs_base = fs_base;
  if (fs_base < low_4gb) {
    static const char message[] = "syscompat run32: the shim's thread pointer is below 4 GB\n";
    if (::write(2, message, sizeof message - 1) < 0) std::_Exit(126);
    std::_Exit(126);
  }
  stack_t alternate{};
  alternate.ss_sp = low;
  alternate.ss_size = signal_stack_size;
  ::sigaltstack(&alternate, nullptr);
  run32_shim_stack = reinterpret_cast<std::uint64_t>(high) & ~std::uint64_t{15};
  register_thread(thread);
  trace_thread_started();
  capture_syscalls_after_fork();
}

GuestThread& this_thread() {
  return *current_thread;
}

void with_threads_of_this_process(
    const std::function<void(const std::vector<GuestThread*>&)>& use) {
  std::lock_guard lock(registry_lock);
  const pid_t group = ::getpid();
  std::vector<GuestThread*> threads;
  for (const auto& [tid, entry] : registry)
    if (entry.group == group) threads.push_back(entry.thread);
  use(threads);
}

int live_threads() {
  std::lock_guard lock(registry_lock);
  const pid_t group = ::getpid();
  return static_cast<int>(
      std::count_if(registry.begin(), registry.end(),
                    [group](const auto& item) { return item.second.group == group; }));
}

std::int32_t clone_guest(GuestProcess& process, const CloneRequest& request) {
  const std::uint64_t flags = request.flags;
  // copy_process's checks.
  if ((flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS) ||
      (flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS) ||
      ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND)) ||
      ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM)) ||
      ((flags & CLONE_PIDFD) && (flags & (CLONE_DETACHED | CLONE_THREAD))))
    return -EINVAL;
  if (flags & CLONE_SETTLS) {
    int error = 0;
    check_user_desc(process.memory(), request.tls, error);
    if (error) return -error;
  }
  if (flags & CLONE_THREAD) return create_thread(process, request);
  if (flags & CLONE_VM) return create_process_on_this_memory(process, request);
  return fork_process(process, request);
}

// kernel/fork.c's copy_clone_args_from_user and clone3_args_valid, for i386's clone_args
// (its fields are __aligned_u64: the one layout of every ABI).
std::int32_t clone3_guest(GuestProcess& process, GuestAddress arguments, std::uint32_t size) {
  using Args = abi::clone_args<I386>;
  constexpr std::uint32_t size_ver0 = 64;  // CLONE_ARGS_SIZE_VER0
  if (size < size_ver0) return -EINVAL;
  if (size > GuestProcess::page_size) return -E2BIG;
  Args args{};
  const std::uint32_t known = std::min<std::uint32_t>(size, sizeof args);
  if (process.memory().copy_in(&args, arguments, known)) return -EFAULT;
  for (std::uint32_t at = known; at < size; ++at) {  // a larger struct's tail must be zero
    std::uint8_t byte;
    if (process.memory().copy_in(&byte, arguments + at, 1)) return -EFAULT;
    if (byte) return -E2BIG;
  }
  const std::uint64_t flags = args.flags.get(), exit_signal = args.exit_signal.get();
  const std::uint64_t stack = args.stack.get(), stack_size = args.stack_size.get();
  constexpr std::uint64_t max_pid_ns_level = 32;
  constexpr std::uint64_t legacy_flags = 0xffffffffull;
  constexpr std::uint64_t clear_sighand = 0x100000000ull, into_cgroup = 0x200000000ull;
  if ((exit_signal & ~std::uint64_t{CSIGNAL}) || exit_signal > 64 ||
      args.set_tid_size.get() > max_pid_ns_level ||
      (!args.set_tid.get() && args.set_tid_size.get()) ||
      (args.set_tid.get() && !args.set_tid_size.get()) || args.cgroup.get() > INT_MAX)
    return -EINVAL;
  if ((flags & ~(legacy_flags | clear_sighand | into_cgroup)) ||
      (flags & (CLONE_DETACHED | (CSIGNAL & ~std::uint64_t{CLONE_NEWTIME}))) ||
      ((flags & CLONE_SIGHAND) && (flags & clear_sighand)) ||
      ((flags & (CLONE_THREAD | CLONE_PARENT)) && exit_signal) ||
      (stack ? !stack_size : stack_size != 0))
    return -EINVAL;
  if ((flags & clear_sighand) || (flags & into_cgroup) || args.set_tid.get())
    if (flags & CLONE_VM) return -EINVAL;  // not served with shared memory (docs/run32.md)
  CloneRequest request;
  request.flags = flags;
  request.exit_signal = static_cast<int>(exit_signal);
  request.stack = static_cast<GuestAddress>(stack + stack_size);
  request.parent_tid = static_cast<GuestAddress>(args.parent_tid.get());
  request.child_tid = static_cast<GuestAddress>(args.child_tid.get());
  request.tls = static_cast<GuestAddress>(args.tls.get());
  request.pidfd = static_cast<GuestAddress>(args.pidfd.get());
  request.set_tid = static_cast<GuestAddress>(args.set_tid.get());
  request.set_tid_size = static_cast<std::uint32_t>(args.set_tid_size.get());
  request.cgroup = args.cgroup.get();
  return clone_guest(process, request);
}

void exit_thread(int status, int killed_by) {
  set_host_mask(every_signal());  // no guest handler runs in a thread that is ending
  trace_thread_ended(status, killed_by);
  GuestThread& thread = this_thread();
  GuestProcess& process = guest_process();
  // do_exit's order: the robust futexes (futex_exit_release), then clear_child_tid.
  if (thread.robust_list) {
    if (i386_entry) register_robust_list_with_kernel(0);
    release_robust_futexes(process.memory(), thread);
  }
  // The guest's rseq area is its memory, which may go once the thread is seen ended: the
  // host thread, which runs on for a while, stops the kernel's updates to it.
  if (thread.rseq_area)
    ::syscall(SYS_rseq, process.memory().host(thread.rseq_area), thread.rseq_length,
              RSEQ_FLAG_UNREGISTER, thread.rseq_signature);
  guest_tls_end_thread();
  const bool last = forget_thread(thread);
  // The kernel clears and wakes clear_child_tid when the host thread is gone; for a child
  // on this memory, its helper does (its own word is the helper's).
  if (!thread.helper_clears)
    ::syscall(SYS_set_tid_address,
              thread.clear_child_tid ? process.memory().host(thread.clear_child_tid) : nullptr);
  // A thread the shim started goes back to its start and glibc ends it; the main thread
  // (whose stack is the process's), a child on this memory, and the last thread end by the
  // kernel's exit.
  if (thread.exit_jump && !last) {
    await(thread.start->tid_read);
    delete thread.start;
    give_back_stack(thread.stack_low, thread.tid);
    siglongjmp(*thread.exit_jump, 1);
  }
  for (;;) ::syscall(SYS_exit, status);
}

// exit_group: every guest thread of this thread group dies with it, and the kernel walks
// each one's robust list at its death (futex_exit_release). With the i386 entry the kernel
// has the lists (register_robust_list_with_kernel); without it they are the shim's alone,
// so the shim walks them all before the call, as the kernel would after it.
[[noreturn]] void exit_group(int status) {
  trace_exited(status);
  if (!i386_entry) {
    set_host_mask(every_signal());
    GuestProcess& process = guest_process();
    std::lock_guard lock(registry_lock);
    const pid_t group = ::getpid();
    for (const auto& [tid, entry] : registry)
      if (entry.group == group && entry.thread->robust_list)
        release_robust_futexes(process.memory(), *entry.thread);
  }
  for (;;) ::syscall(SYS_exit_group, status);
}

std::int32_t set_tid_address(GuestAddress address) {
  this_thread().clear_child_tid = address;
  return static_cast<std::int32_t>(::gettid());
}

std::int32_t set_robust_list(GuestProcess& process, GuestAddress head, std::uint32_t length) {
  (void)process;
  if (length != sizeof(abi::robust_list_head<I386>)) return -EINVAL;
  if (i386_entry)
    if (const std::int32_t result = register_robust_list_with_kernel(head); failed(result))
      return result;
  this_thread().robust_list = head;
  return 0;
}

// rseq(rseq, rseq_len, flags, sig): kernel/rseq.c's sys_rseq, for the guest thread. A
// thread has one registration, and the host glibc made one for the shim's code of each host
// thread; it gives way to the guest's the first time the guest registers (the host glibc's
// sched_getcpu then asks the kernel: an unregistered area's cpu_id is
// RSEQ_CPU_ID_UNINITIALIZED). struct rseq and struct rseq_cs have one layout on every ABI
// (rseq_cs a u64), so the kernel serves the guest's area as a compat task's: the cpu and
// node ids, and a critical section interrupted by preemption, migration or a signal's
// delivery is left for its abort_ip (rseq_ip_fixup, after the signature check) before the
// shim's handler sees the context. The shim's own code lies in no guest critical section
// (it is above 4 GB, or in the shim's reserved low pages), so a guest thread interrupted
// while the shim serves it only has its rseq_cs cleared, as for any instruction outside one.
// An area the guest cannot write is EFAULT: natively the kernel takes it and kills the thread
// by SIGSEGV at its first update, which here would come through the shim's own code; so the
// kernel is asked with an address no user access reaches and the same low bits (its checks
// of flags, length and alignment come first, then access_ok's EFAULT).
std::int32_t guest_rseq(GuestProcess& process, GuestAddress area, std::uint32_t length,
                        std::uint32_t flags, std::uint32_t signature) {
  GuestThread& thread = this_thread();
  auto& memory = process.memory();
  const bool unregister = flags & RSEQ_FLAG_UNREGISTER;
  if (!unregister && !thread.rseq_area) {
    // The host glibc's registration (rseq_register_current_thread: its TLS area, at least
    // the original 32 bytes, RSEQ_SIG); EINVAL when there is none (glibc.pthread.rseq=0).
    thread_local bool host_dropped = false;
    if (!host_dropped && __rseq_size > 0) {
      char* host_area = static_cast<char*>(__builtin_thread_pointer()) + __rseq_offset;
      ::syscall(SYS_rseq, host_area, std::max<unsigned>(__rseq_size, 32), RSEQ_FLAG_UNREGISTER,
                RSEQ_SIG);
    }
    host_dropped = true;
  }
  const bool writable = memory.accessible(area, length, translators::GuestMemory::writable);
  constexpr std::uint64_t unreachable = 0xffff'8000'0000'0000;  // kernel space: access_ok fails
  void* const pointer = writable ? static_cast<void*>(memory.host(area))
                                 : reinterpret_cast<void*>(unreachable | area);
  if (::syscall(SYS_rseq, pointer, length, flags, signature) != 0) return -errno;
  thread.rseq_area = unregister ? 0 : area;
  thread.rseq_length = length;
  thread.rseq_signature = signature;
  return 0;
}

// compat_sys_get_robust_list: with the i386 entry the kernel's own (the lists the shim
// registered, the kernel's permission checks); without it, over the shim's record: this
// thread's (pid 0) or another guest thread's of this process, and for a task the shim does
// not know the kernel's permission checks (x86_64 get_robust_list) and then no list.
std::int32_t get_robust_list(GuestProcess& process, int pid, GuestAddress head_pointer,
                             GuestAddress length_pointer) {
  auto& memory = process.memory();
  if (!memory.accessible(head_pointer, 4, translators::GuestMemory::writable) ||
      !memory.accessible(length_pointer, 4, translators::GuestMemory::writable))
    return -EFAULT;
  if (i386_entry) {
    static const std::uint32_t number = i386_number("get_robust_list");
    return run32_int80(number, static_cast<std::uint32_t>(pid), head_pointer, length_pointer, 0, 0,
                       0);
  }
  GuestAddress head = 0;
  bool known = false;
  if (pid == 0) {
    head = this_thread().robust_list;
    known = true;
  } else {
    std::lock_guard lock(registry_lock);
    if (auto it = registry.find(pid); it != registry.end()) {
      head = it->second.thread->robust_list;
      known = true;
    }
  }
  if (!known) {
    void* host_head = nullptr;
    std::size_t host_length = 0;
    if (::syscall(SYS_get_robust_list, pid, &host_head, &host_length) == -1) return -errno;
  }
  const std::uint32_t length = sizeof(abi::robust_list_head<I386>);
  memory.copy_out(head_pointer, &head, sizeof head);
  memory.copy_out(length_pointer, &length, sizeof length);
  return 0;
}

bool has_i386_entry() {
  return i386_entry;
}

void probe_i386_entry() {
  i386_entry = false;
  // A seccomp filter may kill on the probe itself (oldkernel --no-ia32=kill, a container
  // profile refusing the x86 arch): under one the shim does not try the entry.
  if (::prctl(PR_GET_SECCOMP, 0, 0, 0, 0) != 0) return;
  // Without IA32 emulation (ia32_emulation=0, or none built) int $0x80 is a #GP: SIGSEGV.
  struct sigaction probe {
  }, previous{};
  probe.sa_handler = on_probe_fault;
  probe.sa_flags = SA_NODEFER;
  ::sigaction(SIGSEGV, &probe, &previous);
  sigjmp_buf jump;
  probe_jump = &jump;
  if (sigsetjmp(jump, 1) == 0) {
    static const std::uint32_t getpid = i386_number("getpid");
    i386_entry = run32_int80(getpid, 0, 0, 0, 0, 0, 0) == ::getpid();
  }
  ::sigaction(SIGSEGV, &previous, nullptr);
}

void before_fork() {
  guest_process().dispositions_lock().lock();
  registry_lock.lock();
  memory_held_for_fork.emplace(guest_process().memory().change());
}

void after_fork(bool child) {
  if (!child) {
    memory_held_for_fork.reset();
    registry_lock.unlock();
    guest_process().dispositions_lock().unlock();
    return;
  }
  // The child's one thread is this one, under a new tid; the locks as new.
  memory_held_for_fork->abandon_after_fork();
  memory_held_for_fork.reset();
  new (&registry_lock) std::mutex;
  new (&guest_process().dispositions_lock()) std::mutex;
  new (&stacks_lock) std::mutex;
  host_threads_started = false;
  registry.clear();
  for (auto& slot : run32_thread_fsbases) slot.tid.store(0, std::memory_order_relaxed);
  GuestThread& thread = this_thread();
  thread.tid = static_cast<pid_t>(::gettid());
  register_thread(thread);
}

}  // namespace syscompat::run32

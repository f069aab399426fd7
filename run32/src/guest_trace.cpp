#include "guest_trace.hpp"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "guest_process.hpp"
#include "i386_numbers.hpp"
#include "signals.hpp"
#include "syscompat/abi/catalog.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "syscompat/run32/run32.hpp"
#include "threads.hpp"

namespace syscompat::run32 {

namespace {

TraceSettings settings;

// A thread of the trace, in the shared table below: its id, its process's, and the traced
// call whose line waits for its end (-1: none). Whoever ends the thread's process (one of its
// threads at exit_group or a fatal signal; its parent reaping it after SIGKILL) ends that
// line as strace does and writes the thread's `+++` line.
struct TracedThread {
  std::atomic<int> tid{0};  // 0: never used; ended_tid: free again
  std::atomic<int> process{0};
  std::atomic<std::int32_t> call{-1};
};
constexpr int ended_tid = -1;

// What every process of the trace shares (a memfd's shared mapping, inherited over fork, and
// mapped again by the shim a guest's execve starts, which gets the memfd's descriptor): who
// may write, whose line is open (written up to its entry part), how many processes trace,
// and their threads (as many as the shim's thread table holds, found by tid; the kernel
// gives the pages as they are touched).
struct SharedTrace {
  std::atomic<int> writer{0};     // the tid holding the right to write, 0: none
  std::atomic<int> open_line{0};  // the tid whose call's line waits for its exit part
  std::atomic<int> processes{1};
  std::array<TracedThread, thread_slots> threads;
};
SharedTrace* shared = nullptr;
thread_local TracedThread* own = nullptr;  // the calling thread's slot

// The process one of its threads is ending: the others write no line after their `+++` one,
// which that thread writes for them (the host kills them a moment later). A child on this
// memory has another process id.
std::atomic<int> ending_process{0};
thread_local bool ending_it = false;

std::string pid_prefix(int tid) {
  char text[32];
  std::snprintf(text, sizeof text, "[pid %5d] ", tid);
  return text;
}

// The right to write, between the processes and threads of the trace. A holder killed while
// it writes (SIGKILL) would keep it for ever: its tid gone, the right is taken over.
class Writing {
 public:
  Writing() : tid_(static_cast<int>(::gettid())) {
    for (unsigned spins = 1;; ++spins) {
      int expected = 0;
      if (shared->writer.compare_exchange_weak(expected, tid_)) return;
      if (spins % 1024 == 0 && expected != 0 && ::kill(expected, 0) != 0 && errno == ESRCH &&
          shared->writer.compare_exchange_strong(expected, tid_))
        return;
      ::sched_yield();
    }
  }
  ~Writing() { shared->writer.store(0); }
  Writing(const Writing&) = delete;
  Writing& operator=(const Writing&) = delete;
  int tid() const { return tid_; }

  // Ends another's open line, as strace does when a second tracee's line begins.
  void close_others_line() {
    const int open = shared->open_line.load();
    if (open != 0 && open != tid_) {
      put(" <unfinished ...>\n");
      shared->open_line.store(0);
    }
  }
  std::string prefix() const {
    if (live_threads() <= 1 && shared->processes.load() <= 1) return {};
    return pid_prefix(tid_);
  }
  // Whether another thread is ending this process and wrote this one's end already.
  bool silenced() const { return !ending_it && ending_process.load() == ::getpid(); }
  void put(const std::string& text) {
    // A trace that cannot be written is not the guest's business.
    if (::write(settings.fd, text.data(), text.size()) < 0) return;
  }

 private:
  int tid_;
};

// The guest's memory as the trace decoder reads it: only what the guest has mapped.
class GuestTraceMemory final : public abi::TraceMemory {
 public:
  bool read(std::uint64_t address, void* out, std::size_t size) const override {
    return address + size <= (std::uint64_t{1} << 32) &&
           guest_process().memory().copy_in(out, static_cast<GuestAddress>(address), size) == 0;
  }
};

abi::TraceParts parts_of(std::uint32_t number, const TraceArguments& arguments,
                         std::optional<std::int32_t> result,
                         std::optional<std::uint64_t> restored_mask = std::nullopt) {
  const std::array<std::uint64_t, 6> wide{arguments[0], arguments[1], arguments[2],
                                          arguments[3], arguments[4], arguments[5]};
  abi::TraceCall traced{abi::find_syscall(abi::Abi::i386, number), number, wide, std::nullopt,
                        restored_mask};
  if (result) traced.result = *result;
  return abi::trace_parts(abi::Abi::i386, traced, GuestTraceMemory{}, settings.options);
}

std::string name_of(std::uint32_t number) {
  if (const abi::Syscall* call = abi::find_syscall(abi::Abi::i386, number))
    return std::string(call->name);
  char text[32];  // an unknown number in hex, as strace (and the decoder) show it
  std::snprintf(text, sizeof text, "syscall_%#x", number);
  return text;
}

// " [int80]" when the call came by Syscall User Dispatch rather than AT_SYSINFO.
const char* mark(bool dispatched) {
  return dispatched ? " [int80]\n" : "\n";
}

}  // namespace

namespace {

constexpr char shared_trace_name[] = "syscompat-trace";

// Only the memfd a shim made for this (its name, its size): any other descriptor, a file
// shorter than the state above all (whose missing pages would fault), starts a trace anew.
SharedTrace* map_shared_trace(int fd) {
  char link[64] = {};
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  struct stat st {};
  const std::string memfd = std::string("/memfd:") + shared_trace_name;  // then " (deleted)"
  if (::readlink(path.c_str(), link, sizeof link - 1) < 0 ||
      !std::string_view(link).starts_with(memfd) || ::fstat(fd, &st) != 0 ||
      st.st_size < static_cast<off_t>(sizeof(SharedTrace)))
    return nullptr;
  void* page = ::mmap(nullptr, sizeof(SharedTrace), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  return page == MAP_FAILED ? nullptr : static_cast<SharedTrace*>(page);
}

// A new trace's shared state, in a memfd whose descriptor sits with the trace's (above the
// guest's numbering, closed on exec but for the shim's own). Without a memfd, an anonymous
// shared mapping: the processes of the trace share it, a shim after execve starts anew.
SharedTrace* new_shared_trace() {
  const int memfd = ::memfd_create(shared_trace_name, MFD_CLOEXEC);
  if (memfd >= 0) {
    settings.shared_fd = ::fcntl(memfd, F_DUPFD_CLOEXEC, settings.fd);
    ::close(memfd);
    if (settings.shared_fd >= 0 && ::ftruncate(settings.shared_fd, sizeof(SharedTrace)) == 0)
      if (SharedTrace* state = map_shared_trace(settings.shared_fd)) return new (state) SharedTrace;
    if (settings.shared_fd >= 0) ::close(settings.shared_fd);
    settings.shared_fd = -1;
  }
  void* page = ::mmap(nullptr, sizeof(SharedTrace), PROT_READ | PROT_WRITE,
                      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  return page == MAP_FAILED ? new SharedTrace : new (page) SharedTrace;
}

// The shim a guest's execve started: the thread that made the call (its process's, now this
// one's only thread) had its line open; it ends as strace ends it once the new program runs,
// `) = 0`. The process's other threads, which the kernel ended in the execve, leave the
// table; this thread takes its place again when the shim adopts it (trace_thread_started).
void end_execve_line() {
  static constexpr std::uint32_t execve = i386_number("execve"), execveat = i386_number("execveat");
  const int process = ::getpid();
  int caller = 0;
  std::int32_t call = -1;
  for (TracedThread& thread : shared->threads) {
    if (thread.process.load() != process || thread.tid.load() <= 0) continue;
    const std::int32_t in = thread.call.load();
    if (!caller &&
        (in == static_cast<std::int32_t>(execve) || in == static_cast<std::int32_t>(execveat))) {
      caller = thread.tid.load();
      call = in;
    }
    thread.tid.store(ended_tid);
  }
  if (call < 0) return;
  const auto number = static_cast<std::uint32_t>(call);
  const std::string end = parts_of(number, TraceArguments{}, 0).exit + "\n";
  Writing writing;
  if (shared->open_line.load() == caller) {
    writing.put(end);
  } else {
    writing.close_others_line();
    writing.put(writing.prefix() + "<... " + name_of(number) + " resumed>" + end);
  }
  shared->open_line.store(0);
}

}  // namespace

void start_trace(TraceSettings given) {
  settings = std::move(given);
  if (settings.fd < 0) return;
  if (settings.shared_fd >= 0) shared = map_shared_trace(settings.shared_fd);
  if (shared) {
    end_execve_line();
  } else {
    shared = new_shared_trace();
  }
  watch_default_deaths();
}

void keep_trace_over_exec(bool keep) {
  for (int fd : {settings.fd, settings.shared_fd})
    if (fd >= 0) ::fcntl(fd, F_SETFD, keep ? 0 : FD_CLOEXEC);
}

void trace_untraced_exec() {
  if (settings.fd < 0 || !own || shared->open_line.load() != own->tid.load()) return;
  const std::int32_t call = own->call.load();
  if (call < 0) return;
  const std::string end =
      parts_of(static_cast<std::uint32_t>(call), TraceArguments{}, std::nullopt).exit;
  Writing writing;
  writing.put(end + "\n");
  shared->open_line.store(0);
}

int trace_descriptor() {
  return settings.fd;
}

std::vector<std::string> trace_options_for_exec() {
  std::vector<std::string> options;
  if (settings.fd < 0) return options;
  options.push_back(std::string(trace_fd_option) + "=" + std::to_string(settings.fd));
  if (settings.shared_fd >= 0)
    options.push_back(std::string(trace_shared_fd_option) + "=" +
                      std::to_string(settings.shared_fd));
  if (settings.options.string_limit != abi::TraceOptions{}.string_limit)
    options.push_back(string_limit_option + std::to_string(settings.options.string_limit));
  if (!settings.filter_text.empty()) options.push_back(filter_option + settings.filter_text);
  return options;
}

bool traces(std::uint32_t number) {
  return settings.fd >= 0 && settings.filter.traces(number);
}

void trace_call_entry(std::uint32_t number, const TraceArguments& arguments, bool dispatched,
                      bool whole, std::optional<std::uint64_t> restored_mask) {
  const abi::TraceParts parts = parts_of(number, arguments, std::nullopt, restored_mask);
  Writing writing;
  if (writing.silenced()) return;
  writing.close_others_line();
  if (whole) {
    writing.put(writing.prefix() + parts.entry + parts.exit + mark(dispatched));
    shared->open_line.store(0);
    return;
  }
  writing.put(writing.prefix() + parts.entry);
  shared->open_line.store(writing.tid());
  if (own) own->call.store(static_cast<std::int32_t>(number));
}

void trace_call_exit(std::uint32_t number, const TraceArguments& arguments, std::int32_t result,
                     bool dispatched) {
  const abi::TraceParts parts = parts_of(number, arguments, result);
  Writing writing;
  if (own) own->call.store(-1);
  if (writing.silenced()) return;
  if (shared->open_line.load() == writing.tid()) {
    writing.put(parts.exit + mark(dispatched));
  } else {
    writing.close_others_line();
    writing.put(writing.prefix() + "<... " + name_of(number) + " resumed>" + parts.exit +
                mark(dispatched));
  }
  shared->open_line.store(0);
}

void trace_signal(const void* guest_siginfo, std::size_t size) {
  if (settings.fd < 0) return;
  const std::string line = abi::trace_signal_line(
      abi::Abi::i386, {static_cast<const std::uint8_t*>(guest_siginfo), size});
  Writing writing;
  if (writing.silenced()) return;
  writing.close_others_line();
  writing.put(writing.prefix() + line + "\n");
}

namespace {

// strace's end of a thread: `exited with N` (the low byte of the status) or `killed by SIGxxx`.
std::string end_of(int status, int killed_by) {
  if (killed_by) return "+++ killed by " + abi::show_signal(abi::Abi::i386, killed_by) + " +++\n";
  return "+++ exited with " + std::to_string(status & 0xff) + " +++\n";
}

// The end lines of the threads of `process` but the caller (a call in progress as
// `<... NAME resumed>) = ?`, as strace shows a call its thread died in); their slots freed.
std::string end_threads_of(int process, const std::string& end) {
  std::string lines;
  for (TracedThread& thread : shared->threads) {
    if (&thread == own || thread.process.load() != process) continue;
    const int tid = thread.tid.load();
    if (tid <= 0) continue;
    const std::int32_t call = thread.call.load();
    if (call >= 0)
      lines += pid_prefix(tid) + "<... " + name_of(static_cast<std::uint32_t>(call)) +
               " resumed>) = ?\n";
    lines += pid_prefix(tid) + end;
    thread.tid.store(ended_tid);
  }
  return lines;
}

// The calling thread ends its process: the end of each of its other threads, then its own.
void end_process(int status, int killed_by) {
  ending_it = true;
  ending_process.store(::getpid());
  Writing writing;
  writing.close_others_line();
  const std::string end = end_of(status, killed_by);
  writing.put(end_threads_of(::getpid(), end) + writing.prefix() + end);
  if (own) own->tid.store(ended_tid);
  shared->processes.fetch_sub(1);
}

}  // namespace

void trace_exited(int status) {
  if (settings.fd >= 0) end_process(status, 0);
}

void trace_killed(int signal) {
  if (settings.fd >= 0) end_process(0, signal);
}

void trace_thread_started() {
  if (settings.fd < 0) return;
  const auto tid = static_cast<int>(::gettid());
  const std::size_t size = shared->threads.size();
  // Its own slot again (one its id left behind), else the first free one from its hash.
  TracedThread* found = nullptr;
  for (std::size_t probe = 0, at = static_cast<std::size_t>(tid) % size; probe < size;
       ++probe, at = (at + 1) % size) {
    TracedThread& slot = shared->threads[at];
    int holder = slot.tid.load();
    if (holder == tid) {
      found = &slot;
      break;
    }
    if ((holder == 0 || holder == ended_tid) && !found &&
        slot.tid.compare_exchange_strong(holder, tid))
      found = &slot;
    if (holder == 0) break;
  }
  own = found;
  if (!own) return;  // a full table: the thread's end is left to its own lines
  own->call.store(-1);
  own->process.store(::getpid());
}

void trace_thread_ended(int status, int killed_by) {
  if (settings.fd < 0) return;
  // Its own line alone, the last thread's too: a thread still starting may not be counted
  // yet, and lives on with its process (which goes on counting).
  Writing writing;
  if (writing.silenced()) return;
  writing.close_others_line();
  writing.put(writing.prefix() + end_of(status, killed_by));
  if (own) own->tid.store(ended_tid);
}

void trace_reaped(std::uint32_t number, const TraceArguments& arguments, std::int32_t result) {
  if (settings.fd < 0 || result < 0) return;
  static constexpr std::uint32_t wait4 = i386_number("wait4"), waitpid = i386_number("waitpid"),
                                 waitid = i386_number("waitid");
  const auto& memory = guest_process().memory();
  pid_t child = 0;
  if ((number == wait4 || number == waitpid) && result > 0 && arguments[1]) {
    int status;
    if (memory.copy_in(&status, arguments[1], sizeof status) == 0 && WIFSIGNALED(status) &&
        WTERMSIG(status) == SIGKILL)
      child = result;
  } else if (number == waitid && !(arguments[3] & WNOWAIT) && arguments[2]) {
    abi::siginfo<abi::I386> info;
    abi::siginfo_sigchld<abi::I386> chld;
    if (memory.copy_in(&info, arguments[2], sizeof info) == 0 && info.si_code.get() == CLD_KILLED) {
      std::memcpy(&chld, info._sifields.bytes, sizeof chld);
      if (chld._status.get() == SIGKILL) child = static_cast<pid_t>(chld._pid.get());
    }
  }
  if (child <= 0) return;
  // Nothing of a process runs after SIGKILL: its parent writes the end of its threads (the
  // one it reaped at least), when it reaps it.
  Writing writing;
  if (writing.silenced()) return;
  writing.close_others_line();
  const std::string end = end_of(0, SIGKILL);
  std::string lines = end_threads_of(child, end);
  if (lines.find(pid_prefix(child) + end) == std::string::npos) lines += pid_prefix(child) + end;
  writing.put(lines);
  shared->processes.fetch_sub(1);
}

void trace_forked_child() {
  if (settings.fd < 0) return;
  shared->processes.fetch_add(1);
  trace_thread_started();  // its own id, in its own process
}

}  // namespace syscompat::run32

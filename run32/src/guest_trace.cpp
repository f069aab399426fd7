#include "guest_trace.hpp"

#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <string>

#include "guest_process.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "threads.hpp"

namespace syscompat::run32 {

namespace {

TraceSettings settings;

// What every process of the trace shares (a shared mapping, inherited over fork): who may
// write, whose line is open (written up to its entry part), and how many processes trace.
struct SharedTrace {
  std::atomic<int> writer{0};     // the tid holding the right to write, 0: none
  std::atomic<int> open_line{0};  // the tid whose call's line waits for its exit part
  std::atomic<int> processes{1};
};
SharedTrace* shared = nullptr;

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
    char text[32];
    std::snprintf(text, sizeof text, "[pid %5d] ", tid_);
    return text;
  }
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

void start_trace(TraceSettings given) {
  settings = std::move(given);
  if (settings.fd < 0) return;
  void* page = ::mmap(nullptr, sizeof(SharedTrace), PROT_READ | PROT_WRITE,
                      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  shared = page == MAP_FAILED ? new SharedTrace : new (page) SharedTrace;
}

int trace_descriptor() {
  return settings.fd;
}

std::vector<std::string> trace_options_for_exec() {
  std::vector<std::string> options;
  if (settings.fd < 0) return options;
  options.push_back("--trace-fd=" + std::to_string(settings.fd));
  if (settings.options.string_limit != abi::TraceOptions{}.string_limit)
    options.push_back("-s" + std::to_string(settings.options.string_limit));
  if (!settings.filter_text.empty()) options.push_back("-e" + settings.filter_text);
  return options;
}

bool traces(std::uint32_t number) {
  return settings.fd >= 0 && settings.filter.traces(number);
}

void trace_call_entry(std::uint32_t number, const TraceArguments& arguments, bool dispatched,
                      bool whole, std::optional<std::uint64_t> restored_mask) {
  const abi::TraceParts parts = parts_of(number, arguments, std::nullopt, restored_mask);
  Writing writing;
  writing.close_others_line();
  if (whole) {
    writing.put(writing.prefix() + parts.entry + parts.exit + mark(dispatched));
    shared->open_line.store(0);
    return;
  }
  writing.put(writing.prefix() + parts.entry);
  shared->open_line.store(writing.tid());
}

void trace_call_exit(std::uint32_t number, const TraceArguments& arguments, std::int32_t result,
                     bool dispatched) {
  const abi::TraceParts parts = parts_of(number, arguments, result);
  Writing writing;
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
  writing.close_others_line();
  writing.put(writing.prefix() + line + "\n");
}

void trace_exited(int status) {
  if (settings.fd < 0) return;
  Writing writing;
  writing.close_others_line();
  writing.put(writing.prefix() + "+++ exited with " + std::to_string(status & 0xff) + " +++\n");
  shared->processes.fetch_sub(1);
}

void trace_killed(int signal) {
  if (settings.fd < 0) return;
  Writing writing;
  writing.close_others_line();
  writing.put(writing.prefix() + "+++ killed by " + abi::show_signal(abi::Abi::i386, signal) +
              " +++\n");
  shared->processes.fetch_sub(1);
}

void trace_forked_child() {
  if (settings.fd >= 0) shared->processes.fetch_add(1);
}

}  // namespace syscompat::run32

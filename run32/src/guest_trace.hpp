// The guest's trace (`run32 --trace`): strace's lines for the i386 calls as the guest made
// them, decoded by abi/'s trace decoder, and strace's other lines: `[pid N]` once there is
// more than one thread or process, `--- SIGxxx {...} ---` for a signal delivered,
// `+++ exited with N +++` and `+++ killed by SIGxxx +++`, and a call cut by another
// thread's or process's line as `read(3,  <unfinished ...>` then
// `<... read resumed>"abc", 64) = 3`. Every call's first part is written before it runs,
// so the line of a call that blocks is there even when the process is killed in it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "syscompat/abi/trace_decode.hpp"

namespace syscompat::run32 {

struct TraceSettings {
  int fd = -1;         // -1: no trace
  int shared_fd = -1;  // the shared state of a trace begun before a guest's execve, or -1
  abi::TraceOptions options;
  abi::TraceFilter filter;
  std::string filter_text;  // as given (-e), passed on to an exec'd guest's shim
};

// Starts the trace (once, before the guest runs). In the shim a guest's execve started
// (settings.shared_fd), it goes on with the trace's shared state and ends the execve's line
// with its result, 0, as strace writes it once the new program runs.
void start_trace(TraceSettings settings);
int trace_descriptor();
// run32's options that carry the trace's settings into the shim a guest's execve starts.
std::vector<std::string> trace_options_for_exec();
// Around the shim's own execve of an i386 program: the trace's descriptors kept open across
// it (true), and closed on exec again after one that failed (false).
void keep_trace_over_exec(bool keep);
// Before the execve of a program the trace cannot follow (not i386): its line ends `) = ?`,
// as a call the process ended in (strace, which follows it, writes `= 0`).
void trace_untraced_exec();

// Whether the call of this i386 number is traced.
bool traces(std::uint32_t number);

using TraceArguments = std::array<std::uint32_t, 6>;
// Before the call: its name and what is known of its arguments. `whole`: a call that does
// not come back when it succeeds (exit, exit_group), written whole with `= ?`.
// `restored_mask`: (rt_)sigreturn's, read from its frame (frame_signal_mask).
void trace_call_entry(std::uint32_t number, const TraceArguments& arguments, bool dispatched,
                      bool whole = false,
                      std::optional<std::uint64_t> restored_mask = std::nullopt);
// After it: the rest of its arguments and its result.
void trace_call_exit(std::uint32_t number, const TraceArguments& arguments, std::int32_t result,
                     bool dispatched);
// A signal delivered to the guest, its siginfo as the guest sees it (i386 layout).
void trace_signal(const void* guest_siginfo, std::size_t size);
// The process ends (exit_group; a signal's default action): `+++ exited with N +++`, or
// `+++ killed by SIGxxx +++`, for each of its threads, as strace writes them (a call another
// thread was in as `<... NAME resumed>) = ?`); the other threads write nothing after.
void trace_exited(int status);
void trace_killed(int signal);
// A guest thread starts: its place in the trace's table of threads, by which the end of
// its process ends its line.
void trace_thread_started();
// The calling thread ends (exit; killed_by: seccomp's kill of the thread alone): its own end
// line, the process's end when it is the last thread.
void trace_thread_ended(int status, int killed_by);
// After a wait4, waitpid or waitid of the guest: a child it reaped that SIGKILL killed, which
// could write nothing itself, as `[pid N] +++ killed by SIGKILL +++`.
void trace_reaped(std::uint32_t number, const TraceArguments& arguments, std::int32_t result);
// In a forked child: one process more.
void trace_forked_child();

}  // namespace syscompat::run32

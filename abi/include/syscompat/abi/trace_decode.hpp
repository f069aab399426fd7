// The trace decoder: one strace-style rendering of a syscall's arguments and result, from
// the description (signatures, constant vocabularies, ioctl names), for any ABI. run32's
// guest view (`run32 --trace`, i386) and libsys's native view (its trace layer, x86_64)
// both print through it; each supplies how to read the traced process's memory.
//
// What it shows, as strace does:
//   - flags by name, unknown bits kept in hex:        O_RDONLY|O_CLOEXEC|0x40000000
//   - enumerations by name, unknown values in decimal: F_SETFD, SIGUSR1, AT_FDCWD
//   - errors by name and text:                         -1 ENOENT (No such file or directory)
//   - one base per kind of value: counts, sizes, fds, pids and offsets in decimal; addresses
//     and unnamed flags in hex (0 as NULL for a pointer); modes in octal;
//   - paths in full, buffers and strings up to a limit (strace's -s), escaped as C strings.
//   - structs by the description's layouts (trace_structs.cpp), as strace's abbreviated view.
//
// Only the trace path calls it: nothing here runs when tracing is off.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "syscompat/abi/constant_types.hpp"
#include "syscompat/abi/syscalls.hpp"

namespace syscompat::abi {

// The traced process's memory, as the tracer may read it.
class TraceMemory {
 public:
  virtual ~TraceMemory() = default;
  // false when any byte of [address, address + size) cannot be read
  virtual bool read(std::uint64_t address, void* out, std::size_t size) const = 0;
};

struct TraceOptions {
  std::size_t string_limit = 32;  // bytes of a buffer or string shown (strace -s)
};

struct TraceCall {
  const Syscall* call = nullptr;             // nullptr: an unknown number
  std::uint32_t number = 0;                  // shown when call is nullptr
  std::span<const std::uint64_t> registers;  // the argument registers, as the ABI passes them
  // The result, after the call (nullopt: before it, or a call that does not return).
  std::optional<std::int64_t> result;
  // sigreturn and rt_sigreturn: the signal mask the frame restores, which the tracer reads
  // from the frame at the stack pointer (strace's {mask=[...]}); nullopt: not shown.
  std::optional<std::uint64_t> restored_mask = std::nullopt;
};

// `name(arguments) = result`, without a newline (" = ?" when there is no result).
std::string trace_line(Abi abi, const TraceCall& traced, const TraceMemory& memory,
                       const TraceOptions& options = {});

// The line in two parts, as strace prints a call another process or thread interrupts:
// `entry`, what is known before the call (`read(3, `); `exit`, the rest after it
// (`"abc", 64) = 3`). The entry part is decoded before the call (memory as the kernel will
// read it), the exit part after it.
struct TraceParts {
  std::string entry, exit;
};
TraceParts trace_parts(Abi abi, const TraceCall& traced, const TraceMemory& memory,
                       const TraceOptions& options = {});

// `--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=..., ...} ---`: a signal as
// the traced process receives it, from its siginfo in the ABI's layout.
std::string trace_signal_line(Abi abi, std::span<const std::uint8_t> siginfo);

// The decoder's rules (which argument of which calls takes which vocabulary) that name a
// call or argument no described syscall has: empty when every rule applies.
std::vector<std::string> trace_rule_errors();

// Which syscalls a trace shows: strace's `-e trace=SET` (also `-e SET`). SET is a comma list
// of syscall names and classes (%file, %network or %net, %process, %signal, %memory), `all`
// or `none`, and a leading `!` takes the complement. Parsed once, when tracing starts;
// traces() is one index into a table.
class TraceFilter {
 public:
  TraceFilter() = default;  // everything
  TraceFilter(std::uint32_t base, std::vector<bool> traced, bool others)
      : base_(base), traced_(std::move(traced)), others_(others) {}
  bool traces(std::uint32_t number) const {
    return number >= base_ && number - base_ < traced_.size() ? traced_[number - base_] : others_;
  }

 private:
  std::uint32_t base_ = 0;    // the ABI's first number (mips o32 4000, x32 0x40000000)
  std::vector<bool> traced_;  // by number - base_; empty: all
  bool others_ = true;        // numbers no described syscall has (strace shows them under all)
};

// nullopt and `error` (one line) for a SET that names no syscall or class of `abi`.
std::optional<TraceFilter> parse_trace_filter(Abi abi, std::string_view expression,
                                              std::string& error);
// Whether `call` is in the class `name` (file, network, process, signal, memory).
bool in_trace_class(const Syscall& call, std::string_view name);

// The pieces, for tests and for callers that print them apart.
std::string show_flags(const Vocabulary& flags, Abi abi, std::uint64_t value);
std::string show_value(const Vocabulary& values, Abi abi, std::int64_t value);
std::string show_signal(Abi abi, std::int64_t signal);
// "-1 ENOENT (No such file or directory)"; `pointer`: a result shown in hex (mmap, brk).
std::string show_result(Abi abi, std::int64_t result, bool pointer);
// A C string literal of `bytes`, cut at `limit` bytes ("..." after the quote when cut).
std::string show_bytes(std::string_view bytes, std::size_t limit, bool cut = false);

}  // namespace syscompat::abi

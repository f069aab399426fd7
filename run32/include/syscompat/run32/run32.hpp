// run32: runs an unmodified i386 Linux program in this (x86_64) process, every system call
// it makes translated by the i386 translators. See DESIGN.md, "run32".
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace syscompat::run32 {

// run32's command-line options, named once: the tools' parsers (tools/src/run32_command*.cpp)
// read them, and the shim writes them when a guest's execve of an i386 program starts the
// shim again (guest_process.cpp, guest_trace.cpp).
inline constexpr const char* trace_option = "--trace";        // --trace or --trace=FILE
inline constexpr const char* trace_fd_option = "--trace-fd";  // internal: a guest's execve
inline constexpr const char* trace_shared_fd_option = "--trace-shared-fd";  // internal: the same
inline constexpr const char* string_limit_option = "-s";          // -s N: strace's string limit
inline constexpr const char* filter_option = "-e";                // -e trace=SET, as strace's
inline constexpr const char* argv0_option = "--argv0";            // internal: a guest's execve
inline constexpr const char* seccomp_fd_option = "--seccomp-fd";  // internal: a guest's execve

struct Options {
  std::string program;                  // the i386 ELF file
  std::vector<std::string> arguments;   // argv[1..]
  std::string argv0;                    // argv[0]; the program's path when empty
  bool trace = false;                   // one line per translated call
  std::string trace_path;               // empty: stderr
  int trace_fd = -1;                    // an inherited trace (a guest's execve of an i386 program)
  int trace_shared_fd = -1;             // that trace's shared state (guest_trace.cpp), the same
  std::size_t trace_string_limit = 32;  // bytes of a string or buffer a trace line shows (-s)
  std::string trace_filter;             // the calls traced, as strace's -e trace=SET; empty: all
  int seccomp_fd = -1;                  // the guest's seccomp filters, inherited the same way
  // The program a guest's execve of an i386 program starts, as `syscompat run32 ...` (argv[0]
  // "syscompat", argv[1] "run32"): the lean syscompat-run32 when it is known; this program
  // (/proc/self/exe) when empty.
  std::string shim_program;
};

// Loads and runs the program; never returns once it runs (the process ends with the guest's
// status, or by its signal). Returns only when the program cannot be started, after one line
// on stderr: 126 (found but not executable by run32) or 127 (not found), as a shell.
int run(const Options& options);

}  // namespace syscompat::run32

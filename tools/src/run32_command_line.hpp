// The run32 command line without CLI11: what syscompat-run32, the program that runs a guest,
// understands, and what `syscompat run32` hands it (tools/src/run32_main.cpp; docs/run32.md,
// "The programs"). Kept free of CLI11, fmt and the tools' other libraries so that the program
// that starts for every i386 exec loads none of them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syscompat/run32/run32.hpp"

namespace syscompat::tools {

// The program's file name: what `syscompat run32` executes (next to itself), and the name
// binfmt_misc starts it under as the interpreter of i386 programs.
inline constexpr std::string_view run32_program_name = "syscompat-run32";

// run32's options, named once in run32.hpp for CLI11's registration (run32_command.cpp), this
// parser and the shim's own execve.
using run32::argv0_option;
using run32::filter_option;
using run32::seccomp_fd_option;
using run32::string_limit_option;
using run32::trace_fd_option;
using run32::trace_option;
using run32::trace_shared_fd_option;
// CLI11's alone (run32 --binfmt): named here so that the scan skips their values.
inline constexpr const char* binfmt_name_option = "--binfmt-name";
inline constexpr const char* binfmt_interpreter_option = "--binfmt-interpreter";

// `run32 [--trace[=FILE]] [-s N] [-e trace=SET] [--trace-fd N] [--trace-shared-fd N] [--seccomp-fd
// N] [--argv0 NAME]
//        [--] PROGRAM [ARGS...]`
// taken apart.
struct Run32CommandLine {
  std::vector<std::string> command;  // PROGRAM [ARGS...], the program's own words
  bool trace = false;
  std::string trace_path;         // empty: stderr
  int trace_fd = -1;              // an inherited trace (a guest's execve of an i386 program)
  int trace_shared_fd = -1;       // that trace's shared state, inherited the same way
  std::size_t string_limit = 32;  // -s
  std::string filter;             // -e
  int seccomp_fd = -1;            // the guest's seccomp filters, inherited the same way
  std::string argv0;              // the program's argv[0]; PROGRAM when empty
};

// Where PROGRAM [ARGS...] begin in argv when argv[1] is `run32`: the first word that is not
// one of run32's options (or its value), or the word after `--`; argc when there is none, or
// when this is not run32. The words from there on are the program's, options included.
int run32_program_start(int argc, char** argv);

// argv[2..] of `syscompat run32 ...` as the grammar above, or nullopt when it is not of that
// form (--help, an unknown option, a bad number, no PROGRAM): `error` then says why, in one
// line. syscompat runs a line this accepts without CLI11; CLI11 answers everything else.
std::optional<Run32CommandLine> parse_run32_command_line(int argc, char** argv, std::string& error);

// syscompat-run32 beside this program (/proc/self/exe), or empty when it is not there.
std::string run32_program_beside_this();

// Finds PROGRAM as execvp would (find_command) and runs it under the shim, the guest's own
// execs of i386 programs in `shim_program` (run32::Options): returns only when it cannot start,
// after one line on stderr (126, 127 as a shell).
int run_run32_command_line(const Run32CommandLine& line, std::string shim_program = {});

}  // namespace syscompat::tools

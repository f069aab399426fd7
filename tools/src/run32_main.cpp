// syscompat-run32: the program that runs an i386 guest's own execs of i386 programs, and
// binfmt_misc's interpreter for them (docs/run32.md, "The programs"). It links the shim and
// nothing of syscompat's other subcommands (no CLI11, fmt, libelf or libseccomp), so that an
// i386 exec starts only what it needs. Two ways in:
//   syscompat run32 [--trace[=FILE]] [--trace-fd N] [--argv0 NAME] [--] PROGRAM [ARGS...]
//     (argv[1] is run32): `syscompat run32`'s own command line, as a guest's execve gives it;
//   syscompat-run32 PATH ARGV0 [ARGS...] (started under this name): binfmt_misc's
//     interpreter with the P flag (the program's path, then its own argv).
#include <cstdio>
#include <cstring>
#include <string_view>

#include "run32_command_line.hpp"
#include "syscompat/run32/run32.hpp"

namespace {

using syscompat::tools::run32_program_name;

std::string_view base_name(const char* path) {
  const std::string_view name = path ? path : "";
  const auto slash = name.rfind('/');
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

int run_for_binfmt(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "%s: run by binfmt_misc as: %s PATH ARGV0 [ARGS...]\n",
                 run32_program_name.data(), run32_program_name.data());
    return 2;
  }
  syscompat::run32::Options options;
  options.program = argv[1];
  options.argv0 = argv[2];
  options.arguments.assign(argv + 3, argv + argc);
  return syscompat::run32::run(options);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 0 && base_name(argv[0]) == run32_program_name) return run_for_binfmt(argc, argv);
  if (argc < 2 || std::strcmp(argv[1], "run32") != 0) {
    std::fprintf(stderr,
                 "%s: started by `syscompat run32 [--trace[=FILE]] [--] PROGRAM [ARGS...]`, or "
                 "by binfmt_misc as %s PATH ARGV0 [ARGS...]\n",
                 run32_program_name.data(), run32_program_name.data());
    return 2;
  }
  std::string error;
  const auto line = syscompat::tools::parse_run32_command_line(argc, argv, error);
  if (!line) {
    std::fprintf(stderr, "syscompat: %s (see syscompat run32 --help)\n", error.c_str());
    return 2;
  }
  return syscompat::tools::run_run32_command_line(*line);
}

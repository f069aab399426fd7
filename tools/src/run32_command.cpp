// syscompat run32: runs an i386 program with every syscall translated.
#include <cstdio>
#include <cstring>

#include "commands.hpp"
#include "syscompat/run32/run32.hpp"

namespace syscompat::tools {

int run32_program_start(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "run32") != 0) return argc;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--") == 0) return i + 1;
    if (argv[i][0] != '-') return i;
  }
  return argc;
}

std::function<int()> add_run32_command(CLI::App& app, std::vector<std::string> command) {
  struct Parsed {
    std::string trace_path;
    int trace_fd = -1;
    int seccomp_fd = -1;
    std::string argv0;
  };
  auto parsed = std::make_shared<Parsed>();
  auto* cmd = app.add_subcommand("run32", "Run an i386 Linux program, its syscalls translated");
  cmd->footer("usage: syscompat run32 [--trace[=FILE]] [--] PROGRAM [ARGS...]");
  // A flag whose value comes only with '=' (--trace=FILE); alone it is "-", stderr.
  auto* trace = cmd->add_flag("--trace{-}", parsed->trace_path,
                              "one line per translated call; --trace=FILE writes them to FILE")
                    ->option_text("[=FILE]");
  // How a guest's execve of another i386 program starts the shim again.
  cmd->add_option("--trace-fd", parsed->trace_fd)->group("");
  cmd->add_option("--seccomp-fd", parsed->seccomp_fd)->group("");
  cmd->add_option("--argv0", parsed->argv0)->group("");

  return [parsed, trace, command]() -> int {
    if (command.empty()) throw UsageError{"run32 needs a PROGRAM to run"};
    run32::Options options;
    // Found as execvp finds it; a name PATH does not give is not looked for in the current
    // directory (one with a slash is the loader's to report on).
    if (find_command(command.front(), options.program) == 127 &&
        command.front().find('/') == std::string::npos) {
      std::fprintf(stderr, "syscompat run32: %s: command not found\n", command.front().c_str());
      return 127;
    }
    if (options.program.empty()) options.program = command.front();
    options.argv0 = command.front();
    options.arguments.assign(command.begin() + 1, command.end());
    if (!parsed->argv0.empty()) options.argv0 = parsed->argv0;
    options.trace = trace->count() > 0;
    options.trace_path = parsed->trace_path == "-" ? "" : parsed->trace_path;
    options.trace_fd = parsed->trace_fd;
    options.seccomp_fd = parsed->seccomp_fd;
    return run32::run(options);
  };
}

}  // namespace syscompat::tools

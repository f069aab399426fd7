// syscompat run32: runs an i386 program with every syscall translated.
#include <fmt/format.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "commands.hpp"
#include "syscompat/run32/run32.hpp"

namespace syscompat::tools {

int run32_program_start(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "run32") != 0) return argc;
  // The options that take a value as the next argument.
  static constexpr const char* with_value[] = {"--trace-fd", "--argv0", "--binfmt-name",
                                               "--binfmt-interpreter"};
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--") == 0) return i + 1;
    if (argv[i][0] != '-') return i;
    for (const char* option : with_value)
      if (std::strcmp(argv[i], option) == 0 && i + 1 < argc) ++i;
  }
  return argc;
}

namespace {

// binfmt_misc (Documentation/admin-guide/binfmt-misc.rst): i386 ELF executables and shared
// objects (e_ident ELFCLASS32, little-endian; e_type ET_EXEC or ET_DYN; e_machine EM_386), as
// qemu-binfmt-conf.sh matches them. The interpreter cannot take arguments, so it is a link
// to syscompat named syscompat-run32 (main() runs it as `run32`); the P flag passes the
// program's argv[0] after its path.
constexpr const char* elf_i386_magic =
    R"(\x7fELF\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x03\x00)";
constexpr const char* elf_i386_mask =
    R"(\xff\xff\xff\xff\xff\xfe\xfe\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff)";

// The link next to this syscompat, as a default for the interpreter.
std::string default_interpreter() {
  char self[PATH_MAX];
  const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
  std::string path = length > 0 ? std::string(self, static_cast<std::size_t>(length)) : "";
  const auto slash = path.rfind('/');
  return (slash == std::string::npos ? std::string("/usr/local/bin") : path.substr(0, slash)) +
         "/" + std::string(binfmt_interpreter_name);
}

int print_binfmt(const std::string& name, const std::string& interpreter) {
  if (name.empty() || name.find_first_of(":/") != std::string::npos || name == "." ||
      name == ".." || name == "register" || name == "status")
    throw UsageError{fmt::format("bad --binfmt-name '{}': a file name without ':' or '/'", name)};
  if (interpreter.empty() || interpreter.front() != '/' ||
      interpreter.find(':') != std::string::npos)
    throw UsageError{
        fmt::format("bad --binfmt-interpreter '{}': an absolute path without ':'", interpreter)};
  const std::string line =
      fmt::format(":{}:M::{}:{}:{}:P", name, elf_i386_magic, elf_i386_mask, interpreter);
  std::cout << fmt::format(
      "# i386 ELF programs run by `syscompat run32` (binfmt_misc). The interpreter is a link\n"
      "# to syscompat named {0}: ln -s \"$(command -v syscompat)\" {1}\n"
      "# Now (as root): echo '{2}' > /proc/sys/fs/binfmt_misc/register\n"
      "#   (mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc first if it is not)\n"
      "# Remove: echo -1 > /proc/sys/fs/binfmt_misc/{3}\n"
      "# At every boot: this file as /etc/binfmt.d/{3}.conf (systemd-binfmt.service;\n"
      "#   systemctl restart systemd-binfmt applies it now).\n"
      "{2}\n",
      binfmt_interpreter_name, interpreter, line, name);
  return 0;
}

}  // namespace

int run32_as_binfmt_interpreter(int argc, char** argv) {
  // binfmt_misc with P: interpreter, the program's full path, its argv[0], its arguments.
  if (argc < 3) {
    std::fprintf(stderr, "%s: run by binfmt_misc as: %s PATH ARGV0 [ARGS...]\n",
                 binfmt_interpreter_name.data(), binfmt_interpreter_name.data());
    return 2;
  }
  run32::Options options;
  options.program = argv[1];
  options.argv0 = argv[2];
  options.arguments.assign(argv + 3, argv + argc);
  return run32::run(options);
}

std::function<int()> add_run32_command(CLI::App& app, std::vector<std::string> command) {
  struct Parsed {
    std::string trace_path;
    int trace_fd = -1;
    int seccomp_fd = -1;
    std::string argv0;
    bool binfmt = false;
    std::string binfmt_name = std::string(binfmt_interpreter_name), binfmt_interpreter;
  };
  auto parsed = std::make_shared<Parsed>();
  auto* cmd = app.add_subcommand("run32", "Run an i386 Linux program, its syscalls translated");
  cmd->footer(
      "usage: syscompat run32 [--trace[=FILE]] [--] PROGRAM [ARGS...]\n"
      "       syscompat run32 --binfmt [--binfmt-name NAME] [--binfmt-interpreter PATH]");
  cmd->add_flag("--binfmt", parsed->binfmt,
                "print the binfmt_misc registration (and systemd binfmt.d file) that runs i386 "
                "programs through run32, and exit");
  cmd->add_option("--binfmt-name", parsed->binfmt_name, "the binfmt_misc entry's name");
  cmd->add_option("--binfmt-interpreter", parsed->binfmt_interpreter,
                  "the interpreter's path (a link to syscompat named syscompat-run32; default: "
                  "next to this syscompat)");
  // A flag whose value comes only with '=' (--trace=FILE); alone it is "-", stderr.
  auto* trace = cmd->add_flag("--trace{-}", parsed->trace_path,
                              "one line per translated call; --trace=FILE writes them to FILE")
                    ->option_text("[=FILE]");
  // How a guest's execve of another i386 program starts the shim again.
  cmd->add_option("--trace-fd", parsed->trace_fd)->group("");
  cmd->add_option("--seccomp-fd", parsed->seccomp_fd)->group("");
  cmd->add_option("--argv0", parsed->argv0)->group("");

  return [parsed, trace, command]() -> int {
    if (parsed->binfmt) {
      if (!command.empty()) throw UsageError{"run32 --binfmt takes no PROGRAM"};
      return print_binfmt(parsed->binfmt_name, parsed->binfmt_interpreter.empty()
                                                   ? default_interpreter()
                                                   : parsed->binfmt_interpreter);
    }
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

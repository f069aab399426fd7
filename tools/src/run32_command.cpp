// syscompat run32: runs an i386 program with every syscall translated. A command line that
// run32_command_line.hpp's parser takes never reaches CLI11 (main() runs it first): CLI11
// answers --help, --binfmt and the errors.
#include <fmt/format.h>
#include <unistd.h>

#include <climits>
#include <iostream>

#include "commands.hpp"
#include "run32_command_line.hpp"

namespace syscompat::tools {

namespace {

// binfmt_misc (Documentation/admin-guide/binfmt-misc.rst): i386 ELF executables and shared
// objects (e_ident ELFCLASS32, little-endian; e_type ET_EXEC or ET_DYN; e_machine EM_386), as
// qemu-binfmt-conf.sh matches them. The interpreter is syscompat-run32 (run32_main.cpp), which
// takes binfmt's P-flag form: the program's path, its argv[0], its arguments.
constexpr const char* elf_i386_magic =
    R"(\x7fELF\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x03\x00)";
constexpr const char* elf_i386_mask =
    R"(\xff\xff\xff\xff\xff\xfe\xfe\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff)";

// syscompat-run32 next to this syscompat, as a default for the interpreter.
std::string default_interpreter() {
  char self[PATH_MAX];
  const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
  std::string path = length > 0 ? std::string(self, static_cast<std::size_t>(length)) : "";
  const auto slash = path.rfind('/');
  return (slash == std::string::npos ? std::string("/usr/local/bin") : path.substr(0, slash)) +
         "/" + std::string(run32_program_name);
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
      "# i386 ELF programs run by `syscompat run32` (binfmt_misc). The interpreter is\n"
      "# {0}, installed next to syscompat: {1}\n"
      "# Now (as root): echo '{2}' > /proc/sys/fs/binfmt_misc/register\n"
      "#   (mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc first if it is not)\n"
      "# Remove: echo -1 > /proc/sys/fs/binfmt_misc/{3}\n"
      "# At every boot: this file as /etc/binfmt.d/{3}.conf (systemd-binfmt.service;\n"
      "#   systemctl restart systemd-binfmt applies it now).\n"
      "{2}\n",
      run32_program_name, interpreter, line, name);
  return 0;
}

}  // namespace

std::function<int()> add_run32_command(CLI::App& app, std::vector<std::string> command) {
  struct Binfmt {
    bool print = false;
    std::string name = std::string(run32_program_name), interpreter;
  };
  auto line = std::make_shared<Run32CommandLine>();
  auto binfmt = std::make_shared<Binfmt>();
  line->command = std::move(command);
  auto* cmd = app.add_subcommand("run32", "Run an i386 Linux program, its syscalls translated");
  cmd->footer(
      "usage: syscompat run32 [--trace[=FILE]] [-s N] [-e trace=SET] [--] PROGRAM [ARGS...]\n"
      "       syscompat run32 --binfmt [--binfmt-name NAME] [--binfmt-interpreter PATH]");
  cmd->add_flag("--binfmt", binfmt->print,
                "print the binfmt_misc registration (and systemd binfmt.d file) that runs i386 "
                "programs through run32, and exit");
  cmd->add_option(binfmt_name_option, binfmt->name, "the binfmt_misc entry's name");
  cmd->add_option(binfmt_interpreter_option, binfmt->interpreter,
                  "the interpreter's path (syscompat-run32; default: next to this syscompat)");
  // A flag whose value comes only with '=' (--trace=FILE); alone it is "-", stderr.
  auto* trace = cmd->add_flag(std::string(trace_option) + "{-}", line->trace_path,
                              "one line per translated call; --trace=FILE writes them to FILE")
                    ->option_text("[=FILE]");
  cmd->add_option(string_limit_option, line->string_limit,
                  "bytes of a string or buffer a trace line shows (strace's -s; 32)");
  cmd->add_option(filter_option, line->filter,
                  "the calls traced: trace=SET, names and classes (%file %network %process "
                  "%signal %memory), `!` for the others (strace's -e)");
  // How a guest's execve of another i386 program starts the shim again.
  cmd->add_option(trace_fd_option, line->trace_fd)->group("");
  cmd->add_option(trace_shared_fd_option, line->trace_shared_fd)->group("");
  cmd->add_option(seccomp_fd_option, line->seccomp_fd)->group("");
  cmd->add_option(argv0_option, line->argv0)->group("");

  return [line, trace, binfmt]() -> int {
    if (binfmt->print) {
      if (!line->command.empty()) throw UsageError{"run32 --binfmt takes no PROGRAM"};
      return print_binfmt(
          binfmt->name, binfmt->interpreter.empty() ? default_interpreter() : binfmt->interpreter);
    }
    if (line->command.empty()) throw UsageError{"run32 needs a PROGRAM to run"};
    line->trace = trace->count() > 0;
    if (line->trace_path == "-") line->trace_path.clear();
    return run_run32_command_line(*line, run32_program_beside_this());
  };
}

}  // namespace syscompat::tools

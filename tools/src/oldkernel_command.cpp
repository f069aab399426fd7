// syscompat oldkernel: runs a command as if on an older kernel. Every syscall the
// description says came after the release fails with ENOSYS (or EPERM), on the x86_64 and
// the i386 entry paths, through a seccomp filter the command and its children inherit.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "syscompat/oldkernel.hpp"

namespace syscompat::tools {

std::function<int()> add_oldkernel_command(CLI::App& app) {
  struct Options {
    std::string release, error = "ENOSYS", no_ia32;
    bool list = false;
    std::vector<std::string> command;
  };
  auto options = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("oldkernel", "Run a command as if on an older kernel");
  cmd->add_option("--release", options->release,
                  "the kernel release to simulate: X.Y, or X.Y.Z before 3.0");
  cmd->add_flag("--no-ia32{enosys}", options->no_ia32,
                "as a kernel that cannot run i386 programs: every i386-entry syscall fails with "
                "ENOSYS (--no-ia32, --no-ia32=enosys) or kills the process with SIGSYS "
                "(--no-ia32=kill)");
  cmd->add_option("--errno", options->error, "what refused calls fail with: ENOSYS or EPERM");
  cmd->add_flag("--list", options->list, "print the calls the release refuses");
  cmd->add_option("CMD", options->command, "the command and its arguments (after --)");

  return [options]() -> int {
    if (options->release.empty() && options->no_ia32.empty())
      throw UsageError{"oldkernel needs --release, --no-ia32 or both"};
    if (!options->no_ia32.empty() && options->no_ia32 != "enosys" && options->no_ia32 != "kill")
      throw UsageError{fmt::format("bad --no-ia32 '{}'; valid: enosys, kill", options->no_ia32)};
    const auto release =
        options->release.empty() ? abi::Release{} : release_argument(options->release);
    // Under an older one the filter would refuse the exec of the command, and the error
    // path of this very program (write, exit).
    static const abi::Release oldest = abi::find_syscall(abi::Abi::x86_64, "execve")->since;
    if (!options->release.empty() && release < oldest)
      throw UsageError{fmt::format("release '{}' is older than execve ({}): no command could run",
                                   options->release, oldest.str())};
    int error_number = 0;
    if (options->error == "ENOSYS")
      error_number = ENOSYS;
    else if (options->error == "EPERM")
      error_number = EPERM;
    else
      throw UsageError{fmt::format("bad --errno '{}'; valid: ENOSYS, EPERM", options->error)};
    if (options->list && options->release.empty())
      throw UsageError{"oldkernel --list needs --release"};
    if (options->list) {
      const auto calls = sys::oldkernel::refused(release);
      for (const abi::Syscall* call : calls)
        std::cout << fmt::format("{:<7} {:>4}  {:<24} {}\n", abi::abi_name(call->abi), call->number,
                                 call->name, call->since.str());
      std::cout << fmt::format("{} calls refused under {}\n", calls.size(), release.str());
      // Out before the exec below replaces this process with its buffer.
      if (!std::cout.flush()) {
        std::cerr << "syscompat: write error on stdout: " << std::strerror(errno) << "\n";
        return 1;
      }
      if (options->command.empty()) return 0;
    }
    if (options->command.empty()) throw UsageError{"oldkernel needs a command after --"};
    std::string path;
    if (const int status = find_command(options->command[0], path); status != 0) {
      std::cerr << "syscompat: " << options->command[0]
                << (status == 126 ? ": not executable\n"
                    : options->command[0].find('/') == std::string::npos
                        ? ": command not found\n"
                        : ": No such file or directory\n");
      return status;
    }
    if (!options->no_ia32.empty()) {
      const auto how = options->no_ia32 == "kill" ? sys::oldkernel::I386Refusal::kill
                                                  : sys::oldkernel::I386Refusal::enosys;
      if (const int rc = sys::oldkernel::deny_i386(how); rc != 0) {
        std::cerr << "syscompat: cannot load the i386 filter: " << std::strerror(-rc) << "\n";
        return 1;
      }
    }
    if (!options->release.empty()) {
      sys::oldkernel::FilterReport report;
      std::string error;
      if (!sys::oldkernel::install(release, error_number, report, error)) {
        std::cerr << "syscompat: " << error << "\n";
        return 1;
      }
    }
    std::vector<char*> argv;
    for (auto& arg : options->command) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(path.c_str(), argv.data());
    const int failed = errno;
    std::cerr << "syscompat: " << options->command[0] << ": " << std::strerror(failed) << "\n";
    return failed == ENOENT ? 127 : 126;
  };
}

}  // namespace syscompat::tools

// syscompat syscalls: the syscall table of each ABI, what an old release lacks, and the
// table's check against the kernel headers.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "syscalls_check.hpp"
#include "syscompat/abi/syscalls.hpp"

namespace syscompat::tools {

using abi::Abi;

namespace {

std::string arg_type(const abi::Syscall& call, const abi::SyscallArg& arg) {
  std::string type(arg.spelling());
  const std::string_view counter =
      arg.count.index < call.signature.args.size() ? call.signature.args[arg.count.index].name : "";
  switch (arg.count.kind) {
    case abi::ArgCount::Kind::one:
      break;
    case abi::ArgCount::Kind::fixed:
      type += fmt::format("[{}]", arg.count.fixed);
      break;
    case abi::ArgCount::Kind::argument:
      type += fmt::format("[{}]", counter);
      break;
    case abi::ArgCount::Kind::pointee:
      type += fmt::format("[*{}]", counter);
      break;
  }
  return type;
}

std::string signature_text(const abi::Syscall& call) {
  if (call.signature.opaque) return "(opaque)";
  std::string text = std::string(abi::arg_scalar_name(call.signature.ret)) + " (";
  for (std::size_t i = 0; i < call.signature.args.size(); ++i) {
    const auto& arg = call.signature.args[i];
    if (i) text += ", ";
    if (arg.form == abi::ArgForm::pointer) text += std::string(abi::arg_dir_name(arg.dir)) + " ";
    // as the notation writes it: `out char *buf[count]`
    const std::string count = arg_type(call, arg).substr(arg.spelling().size());
    text += fmt::format("{}{}{}{}", arg.spelling(), arg.spelling().ends_with('*') ? "" : " ",
                        arg.name, count);
  }
  return text + ")";
}

std::string mux_text(const abi::Multiplexer& mux) {
  switch (mux.kind) {
    case abi::MultiplexerKind::none:
      return "";
    case abi::MultiplexerKind::socketcall:
      return fmt::format("  [socketcall {}]", mux.call);
    case abi::MultiplexerKind::ipc:
      return fmt::format("  [ipc {}]", mux.call);
  }
  return "";
}

int print_table(Abi a, bool json) {
  const auto& calls = abi::syscalls(a);
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& call : calls) {
      nlohmann::json args = nlohmann::json::array();
      for (const auto& arg : call.signature.args)
        args.push_back({{"name", arg.name},
                        {"type", arg_type(call, arg)},
                        {"dir", abi::arg_dir_name(arg.dir)}});
      nlohmann::json entry{
          {"nr", call.number},
          {"name", call.name},
          {"args", args},
          {"ret", call.signature.opaque ? "opaque" : abi::arg_scalar_name(call.signature.ret)},
          {"since", call.since.str()}};
      if (call.mux.kind != abi::MultiplexerKind::none)
        entry["multiplexer"] = {
            {call.mux.kind == abi::MultiplexerKind::socketcall ? "socketcall" : "ipc",
             call.mux.call}};
      out.push_back(entry);
    }
    std::cout << out.dump() << "\n";
    return 0;
  }
  std::size_t opaque = 0;
  for (const auto& call : calls) {
    opaque += call.signature.opaque;
    std::cout << fmt::format("{:>10}  {:<24} {:<8} {}{}\n", call.number, call.name,
                             call.since.str(), signature_text(call), mux_text(call.mux));
  }
  std::cout << fmt::format("{}: {} entries, {} opaque\n", abi::abi_name(a), calls.size(), opaque);
  return 0;
}

int print_missing(const abi::Release& release, const std::vector<Abi>& abis) {
  for (Abi a : abis) {
    std::size_t count = 0;
    for (const auto& call : abi::syscalls(a))
      if (call.since > release) {
        std::cout << fmt::format("{:<9} {:>10}  {:<24} {}\n", abi::abi_name(a), call.number,
                                 call.name, call.since.str());
        ++count;
      }
    std::cout << fmt::format("{}: {} calls newer than {}\n", abi::abi_name(a), count,
                             release.str());
  }
  return 0;
}

}  // namespace

std::function<int()> add_syscalls_command(CLI::App& app) {
  struct Options {
    std::vector<std::string> positional;
    bool json = false, check = false, markdown = false;
    std::string since;
    std::vector<std::string> abis;
  };
  auto options = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("syscalls", "Syscall tables of the description, per ABI");
  auto* table =
      cmd->add_option("ABI", options->positional, "the ABI whose table to print")->expected(0, 1);
  auto* json = cmd->add_flag("--json", options->json, "print the table as JSON");
  auto* since = cmd->add_option("--since", options->since,
                                "list the calls a kernel of this release lacks (X.Y)");
  cmd->add_option("--abi", options->abis, "with --since or --check: only this ABI (repeatable)");
  auto* check =
      cmd->add_flag("--check", options->check, "compare numbers and names with the UAPI headers");
  auto* markdown = cmd->add_flag("--markdown", options->markdown, "print docs/syscalls.md");
  // One thing at a time; --json is the table's only.
  table->excludes(since)->excludes(check)->excludes(markdown);
  since->excludes(check)->excludes(markdown);
  check->excludes(markdown);
  json->excludes(since)->excludes(check)->excludes(markdown);

  return [options]() -> int {
    if (!options->abis.empty() && !options->check && options->since.empty())
      throw UsageError{"--abi goes with --since or --check"};
    if (options->json && options->positional.empty())
      throw UsageError{"--json prints an ABI's table: give the ABI"};
    const std::vector<Abi> abis = abis_or_all(options->abis);
    if (options->check) return run_header_check<syscallcheck::Check>(abis);
    if (options->markdown) return syscallcheck::print_markdown(std::cout);
    if (!options->since.empty()) {
      return print_missing(release_argument(options->since), abis);
    }
    if (options->positional.size() != 1)
      throw UsageError{"syscalls needs an ABI (or --since, --check, --markdown); valid: " +
                       abi_list()};
    return print_table(parse_abi_or_usage(options->positional[0]), options->json);
  };
}

}  // namespace syscompat::tools

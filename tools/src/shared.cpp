// What the subcommands share: the release argument and the help's look (commands.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "commands.hpp"

namespace syscompat::tools {

namespace {

// The newest release the description dates a call to.
abi::Release newest_release() {
  abi::Release newest;
  for (const abi::Abi a : abi::all_abis)
    for (const auto& call : abi::syscalls(a)) newest = std::max(newest, call.since);
  return newest;
}

}  // namespace

std::string abi_list() {
  std::string text;
  for (abi::Abi a : abi::all_abis)
    text += (text.empty() ? "" : ", ") + std::string(abi::abi_name(a));
  return text;
}

abi::Abi parse_abi_or_usage(const std::string& name) {
  if (auto a = abi::parse_abi(name)) return *a;
  throw UsageError{fmt::format("unknown ABI '{}'; valid: {}", name, abi_list())};
}

std::vector<abi::Abi> abis_or_all(const std::vector<std::string>& names) {
  std::vector<abi::Abi> abis;
  for (const auto& name : names) abis.push_back(parse_abi_or_usage(name));
  if (abis.empty()) abis.assign(abi::all_abis.begin(), abi::all_abis.end());
  return abis;
}

abi::Release release_argument(const std::string& text) {
  const auto release = abi::parse_release(text);
  if (!release || release->major < 0 || release->minor < 0 || release->patch < 0)
    throw UsageError{fmt::format(
        "bad release '{}'; expected X.Y, e.g. 4.19 (X.Y.Z before 3.0, e.g. 2.6.16)", text)};
  if (release->major >= 3 && release->patch)
    throw UsageError{
        fmt::format("release '{}': from 3.0 on, syscalls arrive only in X.Y releases; give {}.{}",
                    text, release->major, release->minor)};
  static const abi::Release newest = newest_release();
  if (*release > newest)
    throw UsageError{fmt::format("release '{}' is newer than the newest the description knows ({})",
                                 text, newest.str())};
  return *release;
}

std::string HelpFormatter::make_option_name(const CLI::Option* option, bool positional) const {
  std::string name = CLI::Formatter::make_option_name(option, positional);
  for (std::size_t open; (open = name.find('{')) != std::string::npos;) {
    const std::size_t close = name.find('}', open);
    name.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
  }
  return name;
}

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
  if (!option->get_option_text().empty()) return " " + option->get_option_text();
  std::string text;
  if (option->get_type_size() != 0) {
    if (!option->get_type_name().empty()) text += " " + get_label(option->get_type_name());
    if (option->get_expected_max() > 1) text += " ...";
    if (option->get_required()) text += " " + get_label("REQUIRED");
  }
  return text;
}

}  // namespace syscompat::tools

// syscompat translate: how the i386 translators serve each syscall.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "syscompat/translators/i386.hpp"
#include "syscompat/translators/i386_ioctl.hpp"

namespace syscompat::tools {

std::function<int()> add_translate_command(CLI::App& app) {
  struct Options {
    bool coverage = false, json = false;
  };
  auto options = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("translate", "The i386 -> x86_64 translators");
  cmd->add_flag("--coverage", options->coverage,
                "how each i386 syscall, and each described ioctl request, is served");
  cmd->add_flag("--json", options->json, "with --coverage: print JSON");

  return [options]() -> int {
    if (!options->coverage) throw UsageError{"translate needs --coverage"};
    const auto plans = translators::i386_plans();
    std::array<std::size_t, 4> counts{};
    for (const auto& plan : plans) ++counts[static_cast<std::size_t>(plan.handling)];
    if (options->json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& plan : plans) {
        nlohmann::json entry{{"nr", plan.guest->number},
                             {"name", plan.guest->name},
                             {"status", translators::handling_name(plan.handling)},
                             {"served", translators::plan_served(plan)}};
        if (plan.native) entry["native"] = plan.native->name;
        if (!plan.reason.empty()) entry["reason"] = plan.reason;
        out.push_back(entry);
      }
      nlohmann::json ioctls = nlohmann::json::array();
      for (const auto& plan : translators::i386_ioctl_plans()) {
        nlohmann::json entry{{"request", plan.guest->number},
                             {"name", plan.guest->name},
                             {"status", translators::ioctl_handling_name(plan.handling)}};
        if (plan.native) entry["native"] = plan.native->number;
        if (!plan.how.empty()) entry["how"] = plan.how;
        ioctls.push_back(entry);
      }
      std::cout << nlohmann::json{{"syscalls", out}, {"ioctls", ioctls}}.dump() << "\n";
      return 0;
    }
    std::size_t pending = 0;
    for (const auto& plan : plans) {
      std::string how =
          plan.native ? "-> " + std::string(plan.native->name) : std::string(plan.reason);
      const bool waiting =
          !translators::plan_served(plan) && plan.handling == translators::Handling::special;
      pending += waiting;
      std::cout << fmt::format("{:>5}  {:<26} {:<8} {}{}\n", plan.guest->number, plan.guest->name,
                               translators::handling_name(plan.handling), how,
                               waiting ? "  [handler not written yet: ENOSYS]" : "");
    }
    std::cout << fmt::format("special handlers not written yet: {}\n", pending);
    std::array<std::size_t, 4> ioctl_counts{};
    const auto& ioctls = translators::i386_ioctl_plans();
    for (const auto& plan : ioctls) {
      ++ioctl_counts[static_cast<std::size_t>(plan.handling)];
      std::cout << fmt::format("ioctl {:#010x}  {:<40} {:<12} {}\n", plan.guest->number,
                               plan.guest->name, translators::ioctl_handling_name(plan.handling),
                               plan.how);
    }
    std::cout << fmt::format(
        "ioctl i386: {} described, {} passthrough, {} converted, {} hand-written, {} left out\n",
        ioctls.size(), ioctl_counts[0], ioctl_counts[1], ioctl_counts[2], ioctl_counts[3]);
    std::cout << fmt::format("i386: {} total, {} generic, {} special, {} hook, {} refused\n",
                             plans.size(), counts[0], counts[1], counts[2], counts[3]);
    return 0;
  };
}

}  // namespace syscompat::tools

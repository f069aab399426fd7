// `syscalls --check` is trusted because these tests plant a wrong number and a missing
// entry in a copy of the table and see the headers expose them.
#include "syscalls_check.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace syscompat;
using abi::Abi;

namespace {

bool reports(const syscallcheck::Report& report, std::string_view name, std::string_view what) {
  return std::any_of(report.mismatches.begin(), report.mismatches.end(), [&](const auto& m) {
    return m.name == name && m.what.find(what) != std::string::npos;
  });
}

}  // namespace

TEST_CASE("planted: a wrong syscall number is caught", "[syscallcheck][planted]") {
  auto input = syscallcheck::Check::description_input({Abi::arm_eabi});
  input.table_errors.clear();
  for (auto& entry : input.entries)
    if (entry.name == "openat") entry.number += 1;
  const auto report = syscallcheck::Check::check(input);
  CHECK(reports(report, "openat", "number"));
  CHECK_FALSE(report.ok());
}

TEST_CASE("planted: a missing entry is caught", "[syscallcheck][planted]") {
  auto input = syscallcheck::Check::description_input({Abi::x32});
  input.table_errors.clear();
  input.entries.erase(std::remove_if(input.entries.begin(), input.entries.end(),
                                     [](const auto& e) { return e.name == "rt_sigaction"; }),
                      input.entries.end());
  const auto report = syscallcheck::Check::check(input);
  CHECK(reports(report, "rt_sigaction", "missing from the table"));
}

TEST_CASE("planted: an entry the headers lack is caught unless it is newer than they are",
          "[syscallcheck][planted]") {
  auto input = syscallcheck::Check::description_input({Abi::mips_o32});
  input.table_errors.clear();
  input.entries.push_back({Abi::mips_o32, "frobnicate", 4999, {2, 6, 0}});
  input.entries.push_back({Abi::mips_o32, "from_the_future", 4998, {6, 18, 0}});
  const auto report = syscallcheck::Check::check(input);
  CHECK(reports(report, "frobnicate", "not in the"));
  CHECK_FALSE(reports(report, "from_the_future", ""));
}

TEST_CASE("the table agrees with the headers of every ABI", "[syscallcheck]") {
  const auto report = syscallcheck::Check::check(
      syscallcheck::Check::description_input({abi::all_abis.begin(), abi::all_abis.end()}));
  for (const auto& m : report.mismatches)
    UNSCOPED_INFO(abi::abi_name(m.abi) << " " << m.name << ": " << m.what);
  for (const auto& p : report.problems) UNSCOPED_INFO(p);
  CHECK(report.ok());
  CHECK(report.entries_checked > 4000);
}

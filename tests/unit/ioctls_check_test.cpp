// `ioctls --check` is trusted because these tests plant a wrong number and a request the
// headers lack in a copy of the table and see the headers expose them.
#include "ioctls_check.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace syscompat;
using abi::Abi;

namespace {

bool reports(const ioctlcheck::Report& report, std::string_view name, std::string_view what) {
  return std::any_of(report.mismatches.begin(), report.mismatches.end(), [&](const auto& m) {
    return m.name == name && m.what.find(what) != std::string::npos;
  });
}

}  // namespace

TEST_CASE("planted: a wrong ioctl number is caught", "[ioctlcheck][planted]") {
  auto input = ioctlcheck::Check::description_input({Abi::mips_o32});
  for (auto& entry : input.entries)
    if (entry.name == "TIOCGPTN" || entry.name == "LOOP_CONFIGURE") entry.number ^= 0x10000;
  const auto report = ioctlcheck::Check::check(input);
  CHECK(reports(report, "TIOCGPTN", "number"));
  CHECK(reports(report, "LOOP_CONFIGURE", "number"));
  CHECK_FALSE(report.ok());
}

TEST_CASE("planted: a request the headers lack is caught unless it is newer than they are",
          "[ioctlcheck][planted]") {
  auto input = ioctlcheck::Check::description_input({Abi::i386});
  input.entries.push_back({Abi::i386, "FS_IOC_FROBNICATE", "linux/fs.h", 0x1234, "", false, {}});
  input.entries.push_back({Abi::i386, "FS_IOC_FROM_THE_FUTURE", "linux/fs.h", 0x1235, "", false,
                           abi::Release{6, 18, 0}});
  const auto report = ioctlcheck::Check::check(input);
  CHECK(reports(report, "FS_IOC_FROBNICATE", "not in the"));
  CHECK_FALSE(reports(report, "FS_IOC_FROM_THE_FUTURE", ""));
}

TEST_CASE("the ioctl table agrees with the headers of every ABI", "[ioctlcheck]") {
  const auto report = ioctlcheck::Check::check(
      ioctlcheck::Check::description_input({abi::all_abis.begin(), abi::all_abis.end()}));
  for (const auto& m : report.mismatches)
    UNSCOPED_INFO(abi::abi_name(m.abi) << " " << m.source << " " << m.name << ": " << m.what);
  for (const auto& p : report.problems) UNSCOPED_INFO(p);
  CHECK(report.ok());
  CHECK(report.entries_checked > 4000);
}

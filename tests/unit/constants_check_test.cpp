// `constants --check` is trusted because these tests plant a wrong value, a constant the
// table wrongly says an ABI lacks, and one the headers lack, and see the headers expose
// them. One ABI each (gcc and clang, two probes): the whole check is cli.constants_check.
#include "constants_check.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "syscompat/abi/open_flags.hpp"

using namespace syscompat;
using abi::Abi;

namespace {

bool reports(const constantcheck::Report& report, std::string_view name, std::string_view what) {
  return std::any_of(report.mismatches.begin(), report.mismatches.end(), [&](const auto& m) {
    return m.name.ends_with(name) && m.what.find(what) != std::string::npos;
  });
}

}  // namespace

TEST_CASE("planted: a wrong constant is caught, by both compilers", "[constantcheck][planted]") {
  auto input = constantcheck::Check::description_input({Abi::mips_o32});
  for (auto& entry : input.entries) {
    if (entry.name == "SIGUSR1") entry.value = 10;     // the generic number, not mips's 16
    if (entry.name == "SOCK_STREAM") entry.value = 1;  // glibc's side: mips swaps it with DGRAM
    if (entry.name == "O_DIRECTORY") entry.value = 040000;  // arm's, not mips's
  }
  const auto report = constantcheck::Check::check(input);
  CHECK(reports(report, "SIGUSR1", "value: table 0xa, headers 0x10"));
  CHECK(reports(report, "SOCK_STREAM", "value"));
  CHECK(reports(report, "O_DIRECTORY", "value"));
  CHECK(std::count_if(report.mismatches.begin(), report.mismatches.end(), [](const auto& m) {
          return m.name.ends_with("SIGUSR1");
        }) == 2);  // gcc and clang
  CHECK_FALSE(report.ok());
  std::ostringstream out;
  constantcheck::Check::print_report(report, out);
  CHECK(out.str().ends_with("constants: 1 ABIs, " + std::to_string(report.entries_checked) +
                            " constants checked, 6 mismatches\n"));
}

TEST_CASE("planted: a constant wrongly absent, or absent from the headers, is caught",
          "[constantcheck][planted]") {
  auto input = constantcheck::Check::description_input({Abi::i386});
  for (auto& entry : input.entries)
    if (entry.name == "SIGSTKFLT") entry.value.reset();  // i386 has it
  input.entries.push_back(
      {Abi::i386, "open_flags", "O_FROBNICATE", "linux/fcntl.h", abi::HeaderSide::uapi, 0x1234});
  const auto report = constantcheck::Check::check(input);
  CHECK(reports(report, "SIGSTKFLT", "in the headers as 0x10, absent from the table"));
  CHECK(reports(report, "O_FROBNICATE", "not in the"));
  CHECK(report.mismatches.size() == 4);
}

TEST_CASE("planted: a wrong bit-field mask, or a bit-field wrongly absent or present, is caught",
          "[constantcheck][planted]") {
  auto input = constantcheck::Check::description_input({Abi::i386, Abi::x86_64});
  for (auto& entry : input.entries) {
    if (entry.name == "contents" && entry.abi == Abi::i386) entry.value = 0x4;  // one bit of two
    if (entry.name == "lm" && entry.abi == Abi::i386) entry.value = 0x80;       // only __x86_64__'s
    if (entry.name == "useable" && entry.abi == Abi::x86_64) entry.value.reset();
  }
  const auto report = constantcheck::Check::check(input);
  CHECK(reports(report, "contents", "mask: table 0x4, headers 0x6"));
  CHECK(reports(report, "lm", "not a field of struct user_desc"));
  CHECK(reports(report, "useable", "in the headers as 0x40, absent from the table"));
  CHECK(report.mismatches.size() == 6);  // gcc and clang each
}

TEST_CASE("the vocabularies are well formed and per-ABI values are the rows'", "[constants]") {
  for (const auto& error : abi::constant_table_errors()) UNSCOPED_INFO(error);
  CHECK(abi::constant_table_errors().empty());
  const auto& directory = *abi::find_constant(abi::vocab::open_flags, "O_DIRECTORY");
  CHECK(abi::constant_value(directory, Abi::i386) == 0200000);
  CHECK(abi::constant_value(directory, Abi::arm_eabi) == 040000);
  CHECK(abi::constant_value(directory, Abi::aarch64) == 040000);
  CHECK_FALSE(
      abi::constant_value(*abi::find_constant(abi::vocab::signals, "SIGSTKFLT"), Abi::mips_o32));
  CHECK(abi::constant_value(*abi::find_constant(abi::vocab::signals, "SIGEMT"), Abi::mips_o32) ==
        7);
  CHECK(abi::o_largefile(Abi::mips_o32) == 0x2000);
  CHECK(abi::find_constant(abi::vocab::signals, "SIGFROB") == nullptr);
}

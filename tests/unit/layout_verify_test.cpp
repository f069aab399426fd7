// layout --verify's map file: how a user's names reach the description's (no compiles here;
// tests/cli/layout_verify.sh runs the compilers on an emulator-style header).
#include "layout_verify.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

using namespace syscompat;
using layoutcheck::NameMap;

TEST_CASE("map: exact rules first, then the description's own name, then '*' rules", "[verify]") {
  const NameMap map = NameMap::parse(
      "# comment\n"
      "target_* = *   # a prefix\n"
      "target_stack_t = stack_t\n"
      "old_* = old_*\n"
      "target_timeval = timespec\n",
      "m");
  CHECK(map.struct_for({"target_stat64"}) == "stat64");
  CHECK(map.struct_for({"target_sigaltstack", "target_stack_t"}) == "stack_t");
  CHECK(map.struct_for({"target_timeval"}) == "timespec");  // the exact rule wins
  CHECK(map.struct_for({"iovec"}) == "iovec");
  CHECK(map.struct_for({"old_utsname"}) == "old_utsname");
  CHECK_FALSE(map.struct_for({"target_cpu_state"}));  // "cpu_state" is no entry: unmatched
  CHECK_FALSE(map.struct_for({"stat64x"}));
}

TEST_CASE("map: field rules, for one struct or every one ('*.')", "[verify]") {
  const NameMap map = NameMap::parse(
      "target_stat64.target_* = *\n"
      "target_stat64.st_dev_ = st_dev\n"
      "*.pad_ino = __st_ino\n",
      "m");
  const auto* stat64 = abi::find_struct_layout(abi::Abi::i386, "stat64");
  REQUIRE(stat64);
  CHECK(map.field_for("target_stat64", "target_st_atime", *stat64) == "st_atime");
  CHECK(map.field_for("target_stat64", "st_dev_", *stat64) == "st_dev");
  CHECK(map.field_for("target_stat64", "pad_ino", *stat64) == "__st_ino");
  CHECK(map.field_for("target_stat64", "st_size", *stat64) == "st_size");
  // A '*' rule whose result is no field of the struct leaves the name as it is.
  CHECK(map.field_for("target_stat64", "target_nothing", *stat64) == "target_nothing");
  CHECK(map.field_for("other", "st_dev_", *stat64) == "st_dev_");
}

TEST_CASE("map: malformed lines name the file and line", "[verify]") {
  auto error = [](const char* text) {
    try {
      NameMap::parse(text, "ci.map");
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK(error("\n\ntarget_stat64 stat64\n").rfind("ci.map:3: expected", 0) == 0);
  CHECK(error("a = b = c\n").rfind("ci.map:1: expected", 0) == 0);
  CHECK(error("target_x = no_such_struct\n").find("no struct 'no_such_struct'") !=
        std::string::npos);
  CHECK(error("target_* = stat64\n").find("a '*' on one side") != std::string::npos);
  CHECK(error("a** = *\n").find("at most one '*'") != std::string::npos);
  CHECK(error("1x = stat\n").find("C identifiers") != std::string::npos);
  CHECK(error("x.y.z = a\n").find("C identifiers") != std::string::npos);
  CHECK(error("target_* = *\n") == "accepted");
}

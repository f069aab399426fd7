// The layout checker is trusted only because these tests plant bugs in a copy of the
// description (through CheckInput, not by editing files) and see the real compilers'
// answers expose each one.
#include "layout_check.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace syscompat;
using abi::Abi;
using layoutcheck::CheckInput;
using layoutcheck::Report;

namespace {

abi::StructLayout& find(CheckInput& input, Abi a, std::string_view name) {
  auto it = std::find_if(input.structs.begin(), input.structs.end(),
                         [&](const auto& s) { return s.abi == a && s.name == name; });
  REQUIRE(it != input.structs.end());
  return *it;
}

abi::FieldLayout& find_field(abi::StructLayout& s, std::string_view name) {
  auto it =
      std::find_if(s.fields.begin(), s.fields.end(), [&](const auto& f) { return f.name == name; });
  REQUIRE(it != s.fields.end());
  return *it;
}

// Whether the report has an unexplained mismatch from `source` about `subject`/`what`.
bool reports(const Report& report, std::string_view source, std::string_view subject,
             std::string_view what) {
  return std::any_of(report.mismatches.begin(), report.mismatches.end(), [&](const auto& m) {
    return m.known_reason.empty() && m.source == source && m.subject == subject &&
           m.what.find(what) != std::string::npos;
  });
}

Report run(const CheckInput& input) {
  return layoutcheck::check(input, 2);
}

}  // namespace

TEST_CASE("the unaltered description passes on i386", "[checker]") {
  const Report report = run(layoutcheck::description_input({Abi::i386}));
  INFO(report.tables);
  for (const auto& p : report.problems) INFO(p);
  CHECK(report.ok());
  CHECK(report.fields_checked > 0);
}

TEST_CASE("planted: a wrong offset is caught by gcc and clang", "[checker][planted]") {
  auto input = layoutcheck::description_input({Abi::i386});
  find_field(find(input, Abi::i386, "timeval"), "tv_usec").offset += 4;
  const Report report = run(input);
  CHECK(reports(report, "gcc", "timeval.tv_usec", "offset"));
  CHECK(reports(report, "clang", "timeval.tv_usec", "offset"));
  CHECK_FALSE(report.ok());
}

TEST_CASE("planted: a wrong member alignment is caught by gcc", "[checker][planted]") {
  // stat64.st_rdev is an i386 long long: 4-aligned as a member although 8 on its own.
  auto input = layoutcheck::description_input({Abi::i386});
  find_field(find(input, Abi::i386, "stat64"), "st_rdev").align = 8;
  const Report report = run(input);
  CHECK(reports(report, "gcc", "stat64.st_rdev", "align"));
  CHECK_FALSE(reports(report, "clang", "stat64.st_rdev", "align"));  // asked of gcc only
  CHECK_FALSE(report.ok());
}

TEST_CASE("planted: a wrong struct size and a wrong field size are caught", "[checker][planted]") {
  auto input = layoutcheck::description_input({Abi::i386});
  find(input, Abi::i386, "timespec").size = 12;
  find_field(find(input, Abi::i386, "pollfd"), "events").size = 4;
  const Report report = run(input);
  CHECK(reports(report, "gcc", "timespec", "size"));
  CHECK(reports(report, "gcc", "pollfd.events", "size"));
  CHECK_FALSE(report.ok());
}

TEST_CASE("planted: a missing field is caught, in the middle and at the end",
          "[checker][planted]") {
  auto input = layoutcheck::description_input({Abi::i386});
  auto& itimerval = find(input, Abi::i386, "itimerval");
  itimerval.fields.erase(itimerval.fields.begin());  // it_interval
  auto& timeval = find(input, Abi::i386, "timeval");
  timeval.fields.pop_back();  // tv_usec
  const Report report = run(input);
  CHECK(reports(report, "description", "itimerval.it_value", "missing field"));
  CHECK(reports(report, "description", "timeval", "missing field"));
  CHECK_FALSE(report.ok());
}

TEST_CASE("planted: wrong signedness is caught, for a field and for a scalar",
          "[checker][planted]") {
  auto input = layoutcheck::description_input({Abi::i386, Abi::arm_eabi});
  auto& tz = find_field(find(input, Abi::i386, "timezone"), "tz_minuteswest");
  tz.is_signed = !tz.is_signed;
  for (auto& model : input.models)
    if (model.abi == Abi::arm_eabi)
      for (auto& scalar : model.scalars)
        if (scalar.name == "c_char") scalar.is_signed = true;  // it is unsigned on arm
  const Report report = run(input);
  CHECK(reports(report, "gcc", "timezone.tz_minuteswest", "signed"));
  CHECK(reports(report, "clang", "scalar c_char", "signed"));
}

TEST_CASE("planted: wrong byte order is caught", "[checker][planted]") {
  auto input = layoutcheck::description_input({Abi::mips_o32});
  for (auto& model : input.models) std::reverse(model.u32_sample.begin(), model.u32_sample.end());
  const Report report = run(input);
  CHECK(reports(report, "gcc", "byte order", "u32"));
  CHECK(reports(report, "clang", "byte order", "u32"));
  CHECK_FALSE(report.ok());
}

TEST_CASE("planted: a wrong type (integer for a pointer) is caught", "[checker][planted]") {
  auto input = layoutcheck::description_input({Abi::x86_64});
  auto& events = find_field(find(input, Abi::x86_64, "pollfd"), "fd");
  events.kind = abi::FieldKind::pointer;
  const Report report = run(input);
  CHECK(reports(report, "gcc", "pollfd.fd", "type class"));
}

TEST_CASE("a missing compiler is 'not checked' and fails the run", "[checker]") {
  auto input = layoutcheck::description_input({Abi::i386});
  input.toolchains.front().command.front() = "syscompat-no-such-gcc";
  const Report report = run(input);
  REQUIRE_FALSE(report.ok());
  const bool said = std::any_of(report.problems.begin(), report.problems.end(), [](const auto& p) {
    return p.find("not checked: syscompat-no-such-gcc missing") != std::string::npos;
  });
  CHECK(said);
}

TEST_CASE("a header difference that no longer occurs fails the run", "[checker]") {
  auto input = layoutcheck::description_input({Abi::i386});
  input.known_differences.push_back({Abi::i386, "timespec", "planted"});  // agrees in fact
  const Report report = run(input);
  CHECK_FALSE(report.ok());
}

TEST_CASE("x32 statfs: the header difference is reported as known, not as a pass",
          "[checker][quirk]") {
  const Report report = run(layoutcheck::description_input({Abi::x32}));
  const bool known = std::any_of(
      report.mismatches.begin(), report.mismatches.end(),
      [](const auto& m) { return m.subject.rfind("statfs", 0) == 0 && !m.known_reason.empty(); });
  CHECK(known);
  CHECK(report.ok());
}

// The structs sockets, netlink and the notification fds carry: one planted wrong field in
// each family is caught by both compilers, on the ABI where the layouts differ most.
TEST_CASE("planted: wrong fields in the netlink, socket option and notification structs",
          "[checker][planted]") {
  auto input = layoutcheck::description_input({Abi::i386});
  find_field(find(input, Abi::i386, "nlmsghdr"), "nlmsg_seq").offset += 2;
  find_field(find(input, Abi::i386, "ifinfomsg"), "ifi_index").size = 2;
  find_field(find(input, Abi::i386, "tcp_info"), "tcpi_pacing_rate").offset += 4;
  find_field(find(input, Abi::i386, "fanotify_event_metadata"), "fd").is_signed = false;
  find(input, Abi::i386, "scm_timestamping").size = 48;  // x86_64's, not i386's
  find_field(find(input, Abi::i386, "sockaddr_can"), "can_addr").offset += 4;
  const Report report = run(input);
  for (const char* compiler : {"gcc", "clang"}) {
    INFO(compiler);
    CHECK(reports(report, compiler, "nlmsghdr.nlmsg_seq", "offset"));
    CHECK(reports(report, compiler, "ifinfomsg.ifi_index", "size"));
    CHECK(reports(report, compiler, "tcp_info.tcpi_pacing_rate", "offset"));
    CHECK(reports(report, compiler, "fanotify_event_metadata.fd", "signed"));
    CHECK(reports(report, compiler, "scm_timestamping", "size"));
    CHECK(reports(report, compiler, "sockaddr_can.can_addr", "offset"));
  }
  CHECK_FALSE(report.ok());
}

// Members and structs newer than the 6.1 headers here are counted "not verifiable here",
// never as passed; the members older headers do declare are still compared.
TEST_CASE("newer than the headers: not verifiable here, never passed", "[checker]") {
  const Report report = run(layoutcheck::description_input({Abi::x86_64}));
  INFO(report.tables);
  CHECK(report.ok());
  for (const char* subject :
       {"statx.stx_subvol", "statx.stx_atomic_write_unit_max_opt",
        "landlock_ruleset_attr.handled_access_net", "landlock_ruleset_attr.scoped",
        "perf_event_attr.config3", "cachestat", "file_attr.fa_xflags", "mnt_id_req"}) {
    INFO(subject);
    CHECK(report.not_verifiable.count(subject) == 1);
  }
  CHECK(report.not_verifiable.at("statx.stx_subvol").find("6.10's include/uapi/linux/stat.h") !=
        std::string::npos);
  // statx's older members are compared as before
  CHECK(report.not_verifiable.count("statx.stx_dio_offset_align") == 0);
  CHECK(report.not_verifiable.count("statx") == 0);
}

// A member wrongly dated newer than the headers would hide from the check: a wrong offset on
// one still is not reported as passing, and a wrong offset on an older member of the same
// struct is still caught.
TEST_CASE("planted: a wrong older member of a grown struct is still caught", "[checker][planted]") {
  auto input = layoutcheck::description_input({Abi::x86_64});
  find_field(find(input, Abi::x86_64, "statx"), "stx_dio_mem_align").offset += 4;
  find_field(find(input, Abi::x86_64, "landlock_ruleset_attr"), "handled_access_fs").size = 4;
  const Report report = run(input);
  CHECK(reports(report, "gcc", "statx.stx_dio_mem_align", "offset"));
  CHECK(reports(report, "clang", "landlock_ruleset_attr.handled_access_fs", "size"));
  CHECK_FALSE(report.ok());
}

// Dated a release the headers have, a member is compared: dating statx's stx_subvol 6.1
// makes the 6.1 headers (whose __spare3 starts there, no stx_subvol) refuse the probe.
TEST_CASE("planted: a newer member dated too early is caught", "[checker][planted]") {
  auto input = layoutcheck::description_input({Abi::x86_64});
  find_field(find(input, Abi::x86_64, "statx"), "stx_subvol").since = {6, 1};
  const Report report = run(input);
  CHECK_FALSE(report.ok());
}

// The ioctl table: its notation refuses malformed rows, its numbers agree with this
// machine's x86_64 headers for a sample of every family (the full check against every
// ABI's headers is ioctls_check_test.cpp), its arguments are described structs, and the
// table built while compiling is what the run-time derivation from the rows and the struct
// layouts gives.
#include "syscompat/abi/ioctls.hpp"

#include <asm/ioctls.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/loop.h>
#include <linux/nsfs.h>
#include <linux/perf_event.h>
#include <linux/random.h>
#include <linux/sockios.h>
#include <linux/userfaultfd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "syscompat/abi/ioctl_rows.hpp"
#include "syscompat/abi/layout.hpp"

using namespace syscompat::abi;

TEST_CASE("the ioctl table is sound and covers at least 400 requests", "[ioctls]") {
  CHECK(ioctl_row_count() >= 400);
  for (const auto& request : ioctls(Abi::i386)) {
    INFO(request.name);
    if (!request.arg().struct_name.empty()) {
      const StructLayout* layout = find_struct_layout(Abi::i386, request.arg().struct_name);
      REQUIRE(layout != nullptr);
      CHECK(layout->present);
      CHECK(request.arg_size == layout->size * request.arg().count);
    }
  }
}

namespace {

// One request on one ABI as the table had it when it was built at start-up: the rows parsed
// at run time, every size and member offset from the run-time struct layouts (the compiler's
// own offsets, read through Boost.PFR).
struct Derived {
  std::string name;
  std::uint32_t number = 0;
  std::size_t arg_size = 0, trailing_element = 0, count_offset = 0, count_size = 0;
  bool operator==(const Derived&) const = default;
};

std::optional<std::size_t> runtime_size(std::string_view struct_name, std::string_view scalar,
                                        std::size_t count, Abi abi) {
  if (!struct_name.empty()) {
    const StructLayout* layout = find_struct_layout(abi, struct_name);
    if (!layout || !layout->present) return std::nullopt;
    return layout->size * count;
  }
  for (const auto& candidate : model_layout(abi).scalars)
    if (candidate.name == scalar) return candidate.size * count;
  return std::nullopt;
}

std::vector<Derived> derive_at_run_time(Abi abi) {
  std::vector<Derived> out;
  for (const auto& chunk : ioctl_family_chunks)
    for (const IoctlFamily& family : chunk)
      for (const IoctlRow& row : family.rows) {
        if (family.x86_only && abi != Abi::i386 && abi != Abi::x86_64 && abi != Abi::x32) continue;
        NotationError error;
        // request := encoding {'|' ABI encoding}: this ABI's own part, if it has one
        std::string_view request = row.request;
        std::string_view text = request.substr(0, request.find('|'));
        for (auto bar = request.find('|'); bar != std::string_view::npos;) {
          const auto next = request.find('|', bar + 1);
          auto part =
              request.substr(bar + 1, next == std::string_view::npos ? next : next - bar - 1);
          part.remove_prefix(part.find_first_not_of(' '));
          if (parse_abi(part.substr(0, part.find(' '))) == abi)
            text = part.substr(part.find(' ') + 1);
          bar = next;
        }
        const auto encoding = parse_ioctl_encoding(text, error);
        const auto arg = parse_ioctl_argument(row.argument, error);
        REQUIRE(encoding);
        REQUIRE(arg);
        std::size_t size = 0;
        if (encoding->kind != IoctlEncoding::Kind::fixed &&
            encoding->kind != IoctlEncoding::Kind::io) {
          const auto encoded =
              runtime_size(encoding->size_type.struct_name, encoding->size_type.scalar,
                           encoding->size_type.count, abi);
          if (!encoded) continue;
          size = *encoded;
        }
        Derived entry{std::string(row.name), ioctl_number(*encoding, abi, size)};
        if (arg->kind == IoctlArgKind::pointer) {
          const auto bytes = runtime_size(arg->struct_name, arg->scalar, arg->count, abi);
          if (!bytes) continue;
          entry.arg_size = *bytes;
          if (!arg->count_member.empty()) {
            const StructLayout* layout = find_struct_layout(abi, arg->struct_name);
            for (const auto& field : layout->fields)
              if (field.name == arg->count_member) {
                entry.count_offset = field.offset;
                entry.count_size = field.size;
              }
            entry.trailing_element =
                runtime_size(arg->trailing_struct, arg->trailing_scalar, 1, abi).value_or(0);
          }
        }
        out.push_back(entry);
      }
  std::stable_sort(out.begin(), out.end(),
                   [](const Derived& a, const Derived& b) { return a.number < b.number; });
  return out;
}

Derived as_derived(const Ioctl& entry) {
  return {std::string(entry.name), entry.number,       entry.arg_size,
          entry.trailing_element,  entry.count_offset, entry.count_size};
}

// What differs between the compile-time table of an ABI and the derivation.
std::vector<std::string> differences(std::span<const Ioctl> table,
                                     const std::vector<Derived>& want) {
  std::vector<std::string> found;
  if (table.size() != want.size())
    found.push_back(std::to_string(table.size()) + " requests, derived " +
                    std::to_string(want.size()));
  for (std::size_t i = 0; i < std::min(table.size(), want.size()); ++i)
    if (!(as_derived(table[i]) == want[i]))
      found.push_back(std::string(table[i].name) + " at " + std::to_string(i) + ": derived " +
                      want[i].name);
  return found;
}

}  // namespace

TEST_CASE("the compile-time ioctl table is what the run-time derivation gives", "[ioctls]") {
  for (Abi abi : all_abis) {
    INFO(abi_name(abi));
    const auto want = derive_at_run_time(abi);
    CHECK(want.size() > 300);
    const auto found = differences(ioctls(abi), want);
    for (const auto& difference : found) UNSCOPED_INFO(difference);
    CHECK(found.empty());
    for (const Ioctl& entry : ioctls(abi)) {
      CHECK(entry.abi == abi);
      CHECK(find_ioctl(abi, entry.name) == &entry);
    }
  }
  CHECK(find_ioctl(Abi::i386, "NO_SUCH_REQUEST") == nullptr);
  CHECK(find_ioctl(Abi::i386, 0xdeadbeefu) == nullptr);
  // and the comparison sees a planted difference: a number, a size, a trailing part, a
  // request missing
  const auto i386 = ioctls(Abi::i386);
  const auto want = derive_at_run_time(Abi::i386);
  REQUIRE(differences(i386, want).empty());
  const std::size_t fiemap =
      static_cast<std::size_t>(find_ioctl(Abi::i386, "FS_IOC_FIEMAP") - i386.data());
  for (int plant = 0; plant < 4; ++plant) {
    std::vector<Ioctl> wrong(i386.begin(), i386.end());
    if (plant == 0) wrong[0].number ^= 1;
    if (plant == 1) wrong[fiemap].arg_size += 4;
    if (plant == 2) wrong[fiemap].count_offset += 4;
    if (plant == 3) wrong.pop_back();
    CHECK_FALSE(differences(wrong, want).empty());
  }
}

TEST_CASE("x86_64 numbers are this machine's headers'", "[ioctls]") {
  const std::pair<std::string_view, unsigned long> headers[] = {
      {"TCGETS", TCGETS},
      {"TIOCGPTN", TIOCGPTN},
      {"TIOCSPTLCK", TIOCSPTLCK},
      {"FIONREAD", FIONREAD},
      {"SIOCGIFINDEX", SIOCGIFINDEX},
      {"LOOP_CTL_GET_FREE", LOOP_CTL_GET_FREE},
      {"LOOP_CONFIGURE", LOOP_CONFIGURE},
      {"FS_IOC_GETFLAGS", FS_IOC_GETFLAGS},
      {"FS_IOC_FIEMAP", FS_IOC_FIEMAP},
      {"FICLONE", FICLONE},
      {"BLKGETSIZE64", BLKGETSIZE64},
      {"UFFDIO_API", UFFDIO_API},
      {"NS_GET_NSTYPE", NS_GET_NSTYPE},
      {"RNDGETENTCNT", RNDGETENTCNT},
      {"PERF_EVENT_IOC_ID", PERF_EVENT_IOC_ID},
  };
  for (const auto& [name, value] : headers) {
    INFO(name);
    const Ioctl* entry = find_ioctl(Abi::x86_64, name);
    REQUIRE(entry != nullptr);
    CHECK(entry->number == value);
    CHECK(find_ioctl(Abi::x86_64, entry->number) != nullptr);
  }
}

TEST_CASE("a long or a pointer in _IOC's size gives i386 its own number", "[ioctls]") {
  // the kernel's FS_IOC32_GETFLAGS and compat BLKBSZGET, PERF_EVENT_IOC_ID
  CHECK(find_ioctl(Abi::i386, "FS_IOC_GETFLAGS")->number == FS_IOC32_GETFLAGS);
  CHECK(find_ioctl(Abi::i386, "BLKBSZGET")->number == 0x80041270u);
  CHECK(find_ioctl(Abi::i386, "PERF_EVENT_IOC_ID")->number == 0x80042407u);
  CHECK(find_ioctl(Abi::i386, "TCGETS")->number == TCGETS);
  // mips: 13 size bits, _IOC_NONE 1, _IOC_READ 2, _IOC_WRITE 4; and its own old numbers
  CHECK(find_ioctl(Abi::mips_o32, "TIOCGPTN")->number == 0x40045430u);
  CHECK(find_ioctl(Abi::mips_o32, "RNDZAPENTCNT")->number == 0x20005204u);
  CHECK(find_ioctl(Abi::mips_o32, "TCGETS")->number == 0x540du);
  CHECK(find_ioctl(Abi::arm_eabi, "FIOQSIZE")->number == 0x545eu);
  // KVM is described for the x86 ABIs only
  CHECK(find_ioctl(Abi::i386, "KVM_RUN") != nullptr);
  CHECK(find_ioctl(Abi::aarch64, "KVM_RUN") == nullptr);
}

TEST_CASE("the ioctl notation refuses malformed rows", "[ioctls]") {
  NotationError error;
  CHECK_FALSE(parse_ioctl_encoding("_IOR('f', 1)", error));
  CHECK_FALSE(parse_ioctl_encoding("_IOX('f', 1, c_int)", error));
  CHECK_FALSE(parse_ioctl_encoding("_IOW('f', 256, c_int)", error));
  CHECK_FALSE(parse_ioctl_encoding("_IOW('f', 1, no_such_scalar)", error));
  CHECK_FALSE(parse_ioctl_encoding("0x54z1", error));
  CHECK_FALSE(parse_ioctl_argument("sideways c_int", error));
  CHECK_FALSE(parse_ioctl_argument("out c_int[", error));
  CHECK_FALSE(parse_ioctl_argument("in c_int + u8[n]", error));  // a trailing part needs a struct
  auto argument =
      parse_ioctl_argument("inout struct fiemap + struct fiemap_extent[fm_extent_count]", error);
  REQUIRE(argument);
  CHECK(argument->dir == ArgDir::inout);
  CHECK(argument->trailing_struct == "fiemap_extent");
  CHECK(argument->count_member == "fm_extent_count");
  const Ioctl* fiemap = find_ioctl(Abi::i386, "FS_IOC_FIEMAP");
  CHECK(fiemap->trailing_element == sizeof(fiemap_extent));
  CHECK(fiemap->count_offset == offsetof(struct fiemap, fm_extent_count));
  // the parser is the compiler's too: a malformed row does not build (the refusals are the
  // same constexpr code, evaluated while ioctls.cpp compiles)
  constexpr auto parsed = [] {
    NotationError why;
    return parse_ioctl_encoding("_IOR('T', 0x30, c_uint)", why);
  }();
  static_assert(parsed && ioctl_number(*parsed, Abi::x86_64, 4) == 0x80045430u);
}

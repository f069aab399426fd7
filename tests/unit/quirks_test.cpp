// The kernel ABI quirks of DESIGN.md, each a named test of the description. The numbers
// here are the kernel's; `layout --check` proves the description against the compilers,
// these prove the description says what the quirk says.
#include <catch2/catch.hpp>
#include <string>

#include "syscompat/abi/describe.hpp"
#include "syscompat/abi/header_differences.hpp"
#include "syscompat/abi/layout.hpp"
#include "syscompat/abi/reflect.hpp"

using namespace syscompat::abi;

namespace {

const StructLayout& layout(Abi abi, std::string_view name) {
  const StructLayout* found = find_struct_layout(abi, name);
  INFO("struct " << name << " on " << abi_name(abi));
  REQUIRE(found != nullptr);
  return *found;
}

const FieldLayout& field(const StructLayout& s, std::string_view name) {
  for (const auto& f : s.fields)
    if (f.name == name) return f;
  FAIL("no field " << name << " in " << s.name);
  throw;
}

SYSCOMPAT_STRUCT(u32_then_u64, "u32_then_u64", no_header("test-only"), (a, u32), (b, u64));

}  // namespace

TEST_CASE("quirk: 64-bit fields are aligned to 4 on i386, to 8 on arm EABI", "[quirk]") {
  CHECK(sizeof(u32_then_u64<I386>) == 12);
  CHECK(sizeof(u32_then_u64<ArmEabi>) == 16);
  CHECK(sizeof(u32_then_u64<MipsO32>) == 16);
  CHECK(sizeof(u32_then_u64<X86_64>) == 16);
  const auto i386 = struct_layout_of<u32_then_u64<I386>>(Abi::i386);
  CHECK(i386.fields.at(1).offset == 4);
}

TEST_CASE("quirk: epoll_event is packed on x86_64 and x32 only", "[quirk]") {
  // 12 bytes on x86_64 and x32 by packing, on i386 by its 4-byte alignment of u64: the
  // three x86 ABIs agree, which is why the kernel packs it. 16 everywhere else.
  for (Abi abi : all_abis) {
    const bool twelve = abi == Abi::x86_64 || abi == Abi::x32 || abi == Abi::i386;
    INFO(abi_name(abi));
    CHECK(layout(abi, "epoll_event").size == (twelve ? 12u : 16u));
    CHECK(field(layout(abi, "epoll_event"), "data").offset == (twelve ? 4u : 8u));
  }
  CHECK(layout(Abi::i386, "epoll_event").size == 12);
  CHECK(layout(Abi::i386, "epoll_event").align == 4);
  CHECK(layout(Abi::x86_64, "epoll_event").align == 1);
}

TEST_CASE("quirk: stat64 is 96 bytes on i386 and 104 on arm EABI, with __st_ino", "[quirk]") {
  CHECK(layout(Abi::i386, "stat64").size == 96);
  CHECK(layout(Abi::arm_eabi, "stat64").size == 104);
  CHECK(field(layout(Abi::i386, "stat64"), "__st_ino").offset == 12);
  CHECK(field(layout(Abi::arm_eabi, "stat64"), "__st_ino").offset == 12);
  CHECK(field(layout(Abi::i386, "stat64"), "st_ino").offset == 88);
  CHECK(field(layout(Abi::arm_eabi, "stat64"), "st_ino").offset == 96);
  CHECK_FALSE(layout(Abi::x86_64, "stat64").present);
  CHECK_FALSE(layout(Abi::aarch64, "stat64").present);
}

TEST_CASE("quirk: statfs64 is 84 bytes on arm EABI and i386", "[quirk]") {
  CHECK(layout(Abi::arm_eabi, "statfs64").size == 84);
  CHECK(layout(Abi::i386, "statfs64").size == 84);
  CHECK(layout(Abi::mips_o32, "statfs64").size != 84);
}

TEST_CASE("quirk: x32 statfs follows the kernel (64-bit words), not the UAPI header", "[quirk]") {
  const auto& statfs = layout(Abi::x32, "statfs");
  CHECK(field(statfs, "f_type").size == 8);
  CHECK(statfs.size == layout(Abi::x86_64, "statfs").size);
  bool listed = false;
  for (const auto& difference : header_differences)
    listed |= difference.abi == Abi::x32 && difference.subject == "statfs";
  CHECK(listed);
}

TEST_CASE("quirk: x32 timespec is 16 bytes", "[quirk]") {
  CHECK(layout(Abi::x32, "timespec").size == 16);
  CHECK(field(layout(Abi::x32, "timespec"), "tv_sec").size == 8);
  CHECK(layout(Abi::i386, "timespec").size == 8);
}

TEST_CASE("quirk: siginfo is 128 bytes on every ABI", "[quirk]") {
  for (Abi abi : all_abis) {
    INFO(abi_name(abi));
    CHECK(layout(abi, "siginfo").size == 128);
  }
  CHECK(field(layout(Abi::i386, "siginfo"), "_sifields").offset == 12);
  CHECK(field(layout(Abi::x86_64, "siginfo"), "_sifields").offset == 16);
  // mips swaps si_code and si_errno
  CHECK(field(layout(Abi::mips_o32, "siginfo"), "si_code").offset == 4);
  CHECK(field(layout(Abi::i386, "siginfo"), "si_code").offset == 8);
}

TEST_CASE("quirk: char is unsigned on arm, aarch64 and riscv64", "[quirk]") {
  for (Abi abi : all_abis) {
    const bool unsigned_char = abi == Abi::arm_eabi || abi == Abi::aarch64 || abi == Abi::riscv64;
    INFO(abi_name(abi));
    CHECK(field(layout(abi, "new_utsname"), "sysname").is_signed == !unsigned_char);
    for (const auto& scalar : model_layout(abi).scalars)
      if (scalar.name == "c_char") CHECK(scalar.is_signed == !unsigned_char);
  }
}

TEST_CASE("quirk: semid64_ds is 64 bytes on i386 and 104 on x86_64", "[quirk]") {
  CHECK(layout(Abi::i386, "semid64_ds").size == 64);
  CHECK(layout(Abi::x86_64, "semid64_ds").size == 104);
}

TEST_CASE("quirk: i386 long double is 12 bytes, aligned to 4", "[quirk]") {
  for (const auto& scalar : model_layout(Abi::i386).scalars)
    if (scalar.name == "c_long_double") {
      CHECK(scalar.size == 12);
      CHECK(scalar.align == 4);
    }
  for (const auto& scalar : model_layout(Abi::x86_64).scalars)
    if (scalar.name == "c_long_double") CHECK(scalar.size == 16);
}

TEST_CASE("every ABI describes the same entries, absent ones with a reason", "[layout]") {
  const auto names = struct_names();
  CHECK(names.size() >= 55);
  for (Abi abi : all_abis)
    for (const auto& name : names) {
      const auto& s = layout(abi, name);
      if (!s.present) CHECK_FALSE(s.why_absent.empty());
      if (s.present) CHECK(s.size > 0);
    }
}

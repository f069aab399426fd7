// Storage types: a guest's bytes, readable and writable on this host whatever its order.
#include <catch2/catch.hpp>
#include <cstring>

#include "syscompat/abi/models.hpp"

using namespace syscompat::abi;

TEST_CASE("little-endian scalars store the low byte first", "[storage]") {
  I386::u32 value{};
  value.set(0x01020304);
  CHECK(value.bytes[0] == 0x04);
  CHECK(value.bytes[3] == 0x01);
  CHECK(value.get() == 0x01020304);
}

TEST_CASE("quirk: mips o32 is big-endian: its scalars store the high byte first",
          "[storage][quirk]") {
  MipsO32::u64 value{};
  value.set(0x0102030405060708);
  for (int i = 0; i < 8; ++i) CHECK(value.bytes[i] == i + 1);
  CHECK(value.get() == 0x0102030405060708);
  MipsO32::s16 negative{};
  negative.set(-2);
  CHECK(negative.bytes[0] == 0xff);
  CHECK(negative.bytes[1] == 0xfe);
  CHECK(negative.get() == -2);
}

TEST_CASE("network-order scalars are big-endian on every model", "[storage]") {
  I386::be16 port{};
  port.set(0x1f90);
  CHECK(port.bytes[0] == 0x1f);
  CHECK(port.bytes[1] == 0x90);
}

TEST_CASE("scalars reproduce size, alignment inside structs, and signedness", "[storage]") {
  STATIC_REQUIRE(sizeof(I386::u64) == 8);
  STATIC_REQUIRE(alignof(I386::u64) == 4);
  STATIC_REQUIRE(alignof(ArmEabi::u64) == 8);
  STATIC_REQUIRE(sizeof(X32::c_long) == 4);
  STATIC_REQUIRE(sizeof(X32::kernel_long) == 8);
  STATIC_REQUIRE(sizeof(I386::ptr) == 4);
  STATIC_REQUIRE(sizeof(X86_64::ptr) == 8);
  STATIC_REQUIRE(I386::c_long::is_signed);
  STATIC_REQUIRE(!I386::c_ulong::is_signed);
  STATIC_REQUIRE(sizeof(packed_t<X86_64::u64>) == 8);
  STATIC_REQUIRE(alignof(packed_t<X86_64::u64>) == 1);
}

TEST_CASE("sign extension survives a round trip through guest bytes", "[storage]") {
  I386::s32 value{};
  value.set(-123456);
  CHECK(value.get() == -123456);
  ArmEabi::c_char c{};
  c.set(0xe9);
  CHECK(c.get() == 0xe9);  // unsigned char on arm: no sign
  I386::c_char s{};
  s.set(static_cast<std::int8_t>(-23));
  CHECK(s.get() == -23);
}

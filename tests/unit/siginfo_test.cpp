// siginfo conversion by layout: the live union member moves, the rest is zero.
#include "syscompat/translators/siginfo.hpp"

#include <catch2/catch.hpp>
#include <cstring>

#include "syscompat/abi/siginfo_layout.hpp"

using namespace syscompat;
using abi::SiginfoLayout;

TEST_CASE("siginfo_layout follows the kernel's choice by signal and code", "[siginfo]") {
  constexpr int sigill = 4, sigtrap = 5, sigbus = 7, sigsegv = 11, sigchld = 17, sigio = 29,
                sigsys = 31, sigusr1 = 10;
  STATIC_REQUIRE(abi::siginfo_layout(sigusr1, 0) == SiginfoLayout::kill);    // SI_USER
  STATIC_REQUIRE(abi::siginfo_layout(sigusr1, -1) == SiginfoLayout::rt);     // SI_QUEUE
  STATIC_REQUIRE(abi::siginfo_layout(sigusr1, -2) == SiginfoLayout::timer);  // SI_TIMER
  STATIC_REQUIRE(abi::siginfo_layout(sigio, -5) == SiginfoLayout::poll);     // SI_SIGIO
  STATIC_REQUIRE(abi::siginfo_layout(sigio, 1) == SiginfoLayout::poll);      // POLL_IN
  STATIC_REQUIRE(abi::siginfo_layout(sigsegv, 1) == SiginfoLayout::fault);   // SEGV_MAPERR
  STATIC_REQUIRE(abi::siginfo_layout(sigsegv, 3) == SiginfoLayout::fault_bnderr);
  STATIC_REQUIRE(abi::siginfo_layout(sigsegv, 4) == SiginfoLayout::fault_pkuerr);
  STATIC_REQUIRE(abi::siginfo_layout(sigsegv, 10) == SiginfoLayout::fault);  // SEGV_CPERR
  STATIC_REQUIRE(abi::siginfo_layout(sigbus, 4) == SiginfoLayout::fault_mceerr);
  STATIC_REQUIRE(abi::siginfo_layout(sigtrap, 6) == SiginfoLayout::fault_perf);
  STATIC_REQUIRE(abi::siginfo_layout(sigill, 12) ==
                 SiginfoLayout::kill);  // past NSIGILL and NSIGPOLL
  STATIC_REQUIRE(abi::siginfo_layout(sigill, 11) == SiginfoLayout::fault);
  STATIC_REQUIRE(abi::siginfo_layout(sigchld, 1) == SiginfoLayout::chld);
  STATIC_REQUIRE(abi::siginfo_layout(sigsys, 1) == SiginfoLayout::sys);
  STATIC_REQUIRE(abi::siginfo_layout(sigsys, 0x80) == SiginfoLayout::kill);  // SI_KERNEL
}

namespace {
template <class T>
void put(void* base, std::size_t offset, T value) {
  std::memcpy(static_cast<char*>(base) + offset, &value, sizeof value);
}
template <class T>
T get(const void* base, std::size_t offset) {
  T value;
  std::memcpy(&value, static_cast<const char*>(base) + offset, sizeof value);
  return value;
}
}  // namespace

TEST_CASE("a native siginfo reaches an i386 guest field by field, by layout", "[siginfo]") {
  // x86_64: header 12 bytes, _sifields at 16; i386: at 12.
  abi::siginfo<abi::X86_64> native{};
  SECTION("SIGCHLD: pid, uid, status, and clock ticks cut to 32 bits as C assigns them") {
    put<std::int32_t>(&native, 0, 17);
    put<std::int32_t>(&native, 8, 1);  // CLD_EXITED
    put<std::int32_t>(&native, 16, 1234);
    put<std::uint32_t>(&native, 20, 1000);
    put<std::int32_t>(&native, 24, 3);
    put<std::int64_t>(&native, 32, 0x100000007);
    put<std::int64_t>(&native, 40, 9);
    const auto guest = translators::siginfo_to_i386(native);
    CHECK(get<std::int32_t>(&guest, 12) == 1234);
    CHECK(get<std::uint32_t>(&guest, 16) == 1000);
    CHECK(get<std::int32_t>(&guest, 20) == 3);
    CHECK(get<std::int32_t>(&guest, 24) == 7);
    CHECK(get<std::int32_t>(&guest, 28) == 9);
  }
  SECTION("SIGSEGV with SEGV_BNDERR: the address and the bounds, pointers cut to 32 bits") {
    put<std::int32_t>(&native, 0, 11);
    put<std::int32_t>(&native, 8, 3);
    put<std::uint64_t>(&native, 16, 0x8048123);
    put<std::uint64_t>(&native, 32, 0x1000);  // _lower after the pointer-sized dummy
    put<std::uint64_t>(&native, 40, 0x2000);
    const auto guest = translators::siginfo_to_i386(native);
    CHECK(get<std::uint32_t>(&guest, 12) == 0x8048123);
    CHECK(get<std::uint32_t>(&guest, 20) == 0x1000);
    CHECK(get<std::uint32_t>(&guest, 24) == 0x2000);
    const auto back = translators::siginfo_from_i386(guest);
    CHECK(get<std::uint64_t>(&back, 32) == 0x1000);
    CHECK(get<std::uint64_t>(&back, 40) == 0x2000);
  }
  SECTION("SIGSYS: the call address, number and audit arch; nothing else survives") {
    put<std::int32_t>(&native, 0, 31);
    put<std::int32_t>(&native, 8, 1);
    put<std::uint64_t>(&native, 16, 0x8049000);
    put<std::int32_t>(&native, 24, 20);
    put<std::uint32_t>(&native, 28, 0x40000003);
    put<std::uint32_t>(&native, 100, 0xdeadbeef);  // not part of the layout
    const auto guest = translators::siginfo_to_i386(native);
    CHECK(get<std::uint32_t>(&guest, 12) == 0x8049000);
    CHECK(get<std::int32_t>(&guest, 16) == 20);
    CHECK(get<std::uint32_t>(&guest, 20) == 0x40000003);
    for (std::size_t i = 24; i < sizeof guest; ++i)
      CHECK(reinterpret_cast<const unsigned char*>(&guest)[i] == 0);
    const auto back = translators::siginfo_from_i386(guest);
    CHECK(get<std::uint64_t>(&back, 16) == 0x8049000);
    CHECK(get<std::uint32_t>(&back, 100) == 0);
  }
}

#include "syscompat/abi/open_flags.hpp"

extern const unsigned kernel_o_largefile;

TEST_CASE("O_LARGEFILE is the kernel's value, not glibc's 64-bit 0", "[flags]") {
  CHECK(abi::o_largefile(abi::Abi::x86_64) == kernel_o_largefile);
  CHECK(abi::o_largefile(abi::Abi::i386) == kernel_o_largefile);
}

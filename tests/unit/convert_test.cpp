// Struct conversion between data models, derived from the descriptions.
#include "syscompat/translators/convert.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>

#include "syscompat/abi/catalog.hpp"
#include "syscompat/translators/struct_converters.hpp"

namespace abi = syscompat::abi;
using abi::ArmEabi;
using abi::I386;
using abi::MipsO32;
using abi::X86_64;
using syscompat::translators::convert;
using syscompat::translators::Narrowing;

TEST_CASE("convert: a 64-bit timespec narrows into i386's by the declared policy", "[convert]") {
  abi::timespec<X86_64> host{};
  host.tv_sec.set(1700000000);
  host.tv_nsec.set(123456789);
  abi::timespec<I386> guest{};
  REQUIRE(convert(host, guest) == 0);
  CHECK(guest.tv_sec.get() == 1700000000);
  CHECK(guest.tv_nsec.get() == 123456789);

  host.tv_sec.set(std::int64_t{1} << 33);  // past 2038 on a 32-bit time_t
  CHECK(convert(host, guest) == EOVERFLOW);
  CHECK(convert(host, guest, Narrowing::clamp) == 0);
  CHECK(guest.tv_sec.get() == INT32_MAX);
  CHECK(convert(host, guest, Narrowing::truncate) == 0);
  CHECK(guest.tv_sec.get() == 0);
  host.tv_sec.set(-(std::int64_t{1} << 33));
  CHECK(convert(host, guest, Narrowing::clamp) == 0);
  CHECK(guest.tv_sec.get() == INT32_MIN);
}

// The kernel's compat copies (put_old_timespec32, put_old_itimerval32, put_compat_rusage,
// cp_compat_stat, cp_stat64) keep the low 32 bits of a time past 2038; cp_compat_stat still
// refuses an inode and a size that do not fit. The run32 test time32_calls compares the same
// with the kernel itself (int $0x80); here each struct's rule, and that a caller asking for
// EOVERFLOW (symver's v1) still gets it.
TEST_CASE("convert: as_kernel narrows each struct as the kernel's compat copy does", "[convert]") {
  const std::int64_t past_2106 = (std::int64_t{1} << 32) + 7;
  abi::timespec<X86_64> host{};
  host.tv_sec.set(past_2106);
  abi::timespec<I386> guest{};
  REQUIRE(convert(host, guest, Narrowing::as_kernel) == 0);
  CHECK(guest.tv_sec.get() == 7);
  CHECK(convert(host, guest) == EOVERFLOW);

  // nested: itimerval has no policy of its own, its timevals do
  abi::itimerval<X86_64> timer{};
  timer.it_value.tv_sec.set(-past_2106);
  abi::itimerval<I386> guest_timer{};
  REQUIRE(convert(timer, guest_timer, Narrowing::as_kernel) == 0);
  CHECK(guest_timer.it_value.tv_sec.get() == -7);

  abi::rusage<X86_64> usage{};
  usage.ru_utime.tv_sec.set(past_2106);
  usage.ru_minflt.set(past_2106);
  abi::rusage<I386> guest_usage{};
  REQUIRE(convert(usage, guest_usage, Narrowing::as_kernel) == 0);
  CHECK(guest_usage.ru_utime.tv_sec.get() == 7);
  CHECK(guest_usage.ru_minflt.get() == 7);

  abi::stat<X86_64> status{};
  status.st_ino.set(12);
  status.st_atime_sec.set(-7);  // before 1970: an unsigned 32-bit member
  status.st_mtime_sec.set(past_2106);
  abi::stat<I386> old{};
  REQUIRE(convert(status, old, Narrowing::as_kernel) == 0);
  CHECK(old.st_atime_sec.get() == 0xfffffff9u);
  CHECK(old.st_mtime_sec.get() == 7);
  CHECK(convert(status, old) == EOVERFLOW);
  status.st_size.set(std::int64_t{1} << 31);  // MAX_NON_LFS + 1
  CHECK(convert(status, old, Narrowing::as_kernel) == EOVERFLOW);
  status.st_size.set(0);
  status.st_ino.set(std::int64_t{1} << 32);
  CHECK(convert(status, old, Narrowing::as_kernel) == EOVERFLOW);

  abi::stat64<I386> wide{};
  status.st_ino.set(12);
  REQUIRE(convert(status, wide, Narrowing::as_kernel) == 0);
  CHECK(wide.st_mtime_sec.get() == 7);
  CHECK(convert(status, wide) == EOVERFLOW);

  // a struct the kernel refuses to narrow keeps EOVERFLOW under as_kernel
  abi::timespec<X86_64> big{};
  big.tv_sec.set(past_2106);
  abi::timespec<ArmEabi> arm{};
  REQUIRE(convert(big, arm, Narrowing::as_kernel) == 0);  // the same rule on every ABI
  abi::sysinfo<X86_64> info{};
  info.procs.set(1);
  abi::sysinfo<I386> guest_info{};
  info.totalram.set(past_2106);
  CHECK(convert(info, guest_info, Narrowing::as_kernel) == EOVERFLOW);
}

TEST_CASE("convert: widening sign-extends signed and zero-extends unsigned members", "[convert]") {
  abi::timeval<I386> guest{};
  guest.tv_sec.set(-5);
  guest.tv_usec.set(-1);
  abi::timeval<X86_64> host{};
  REQUIRE(convert(guest, host) == 0);
  CHECK(host.tv_sec.get() == -5);
  CHECK(host.tv_usec.get() == -1);
  abi::rlimit<I386> limit{};
  limit.rlim_cur.set(0xffffffffu);
  abi::rlimit<X86_64> wide{};
  REQUIRE(convert(limit, wide) == 0);
  CHECK(wide.rlim_cur.get() == 0xffffffffu);
}

TEST_CASE("convert: nested structs and arrays, into a big-endian model", "[convert]") {
  abi::itimerval<X86_64> host{};
  host.it_interval.tv_sec.set(1);
  host.it_value.tv_usec.set(0x01020304);
  abi::itimerval<MipsO32> guest{};
  REQUIRE(convert(host, guest) == 0);
  CHECK(guest.it_interval.tv_sec.get() == 1);
  CHECK(guest.it_value.tv_usec.get() == 0x01020304);
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(&guest);
  CHECK(bytes[12] == 0x01);  // it_value.tv_usec, high byte first
  CHECK(bytes[15] == 0x04);

  abi::new_utsname<X86_64> name{};
  std::memcpy(name.sysname.elements, "Linux", 6);
  abi::new_utsname<ArmEabi> arm{};
  REQUIRE(convert(name, arm) == 0);
  CHECK(std::memcmp(arm.sysname.elements, "Linux", 6) == 0);
}

TEST_CASE("convert: members are matched by name, not position", "[convert]") {
  // x86_64's stat and i386's stat64 order their members differently and have different ones
  abi::stat<X86_64> host{};
  host.st_ino.set(0x123456789);
  host.st_size.set(std::int64_t{5} << 32);
  host.st_mode.set(0100644);
  host.st_blocks.set(77);
  abi::stat64<I386> guest{};
  REQUIRE(convert(host, guest) == 0);
  CHECK(guest.st_ino.get() == 0x123456789);
  CHECK(guest.st_size.get() == std::int64_t{5} << 32);
  CHECK(guest.st_mode.get() == 0100644);
  CHECK(guest.st_blocks.get() == 77);
  // the old stat cannot hold that inode
  abi::stat<I386> old{};
  CHECK(convert(host, old) == EOVERFLOW);
  // but its 16-bit ids take overflowuid where an id does not fit, as cp_compat_stat does
  host.st_ino.set(12);
  host.st_size.set(100);
  host.st_uid.set(70000);
  host.st_gid.set(1000);
  REQUIRE(convert(host, old) == 0);
  CHECK(old.st_uid.get() == 65534);
  CHECK(old.st_gid.get() == 1000);
}

TEST_CASE("convert: arm EABI structs to x86_64 and back, without execution", "[convert][arm]") {
  // stat64: arm's 104-byte layout (64-bit members 8-aligned) from x86_64's stat
  abi::stat<X86_64> host{};
  host.st_ino.set(0x1234567890);
  host.st_size.set(std::int64_t{3} << 30);
  host.st_blocks.set(99);
  host.st_mode.set(040755);
  abi::stat64<ArmEabi> arm{};
  REQUIRE(convert(host, arm) == 0);
  CHECK(sizeof arm == 104);
  CHECK(arm.st_ino.get() == 0x1234567890);
  CHECK(arm.__st_ino.get() == 0x34567890);  // the low 32 bits, as cp_new_stat64 stores them
  CHECK(arm.st_size.get() == std::int64_t{3} << 30);
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(&arm);
  std::uint64_t size_at_48;  // st_size: after __pad3, aligned to 8 on arm (44 on i386)
  std::memcpy(&size_at_48, bytes + 48, 8);
  CHECK(size_at_48 == std::uint64_t{3} << 30);

  // epoll_event: 16 bytes on arm, 12 (packed) on x86_64, data at 8 and at 4
  abi::epoll_event<ArmEabi> guest_event{};
  guest_event.events.set(1);
  guest_event.data.set(0x1122334455667788);
  abi::epoll_event<X86_64> native_event{};
  REQUIRE(convert(guest_event, native_event) == 0);
  CHECK(sizeof guest_event == 16);
  CHECK(sizeof native_event == 12);
  CHECK(native_event.data.get() == 0x1122334455667788);

  // flock64 from arm to x86_64's flock, and a 64-bit timespec the other way
  abi::flock64<ArmEabi> lock{};
  lock.l_type.set(1);
  lock.l_start.set(std::int64_t{1} << 40);
  lock.l_pid.set(42);
  abi::flock<X86_64> native_lock{};
  REQUIRE(convert(lock, native_lock) == 0);
  CHECK(native_lock.l_start.get() == std::int64_t{1} << 40);
  CHECK(native_lock.l_pid.get() == 42);
  abi::timespec<X86_64> now{};
  now.tv_sec.set(std::int64_t{1} << 34);
  abi::timespec64<ArmEabi> arm_now{};
  REQUIRE(convert(now, arm_now) == 0);
  CHECK(arm_now.tv_sec.get() == std::int64_t{1} << 34);
  abi::timespec<ArmEabi> arm_old{};
  CHECK(convert(now, arm_old) == EOVERFLOW);  // time32 past 2038
}

TEST_CASE("convert: the 6.8 mount and LSM structs have one layout on i386 and x86_64",
          "[convert]") {
  // statmount's reply, its request and lsm_ctx pass through the translators: the
  // description must give them the same bytes on both sides, or they need converting.
  for (const char* name : {"statmount", "mnt_id_req", "lsm_ctx"}) {
    const auto* converter =
        syscompat::translators::find_struct_converter(abi::Abi::i386, name, name);
    REQUIRE(converter != nullptr);
    CHECK(converter->identical);
    CHECK(converter->guest_size == converter->native_size);
  }
  // ... as user_regs_struct does not (ptrace's GETREGS converts it)
  const auto* registers = syscompat::translators::find_struct_converter(
      abi::Abi::i386, "user_regs_struct", "user_regs_struct");
  REQUIRE(registers != nullptr);
  CHECK_FALSE(registers->identical);
}

TEST_CASE("convert: netlink, socket option and notification structs pass through", "[convert]") {
  // What sendmsg/recvmsg, getsockopt/setsockopt and read(2) of the notification fds carry
  // as bytes: the translators pass them through, which needs one layout on both sides.
  for (const char* name : {"sockaddr_nl",
                           "nlmsghdr",
                           "nlmsgerr",
                           "nlattr",
                           "rtattr",
                           "rtgenmsg",
                           "ifinfomsg",
                           "ifaddrmsg",
                           "rtmsg",
                           "ip_mreq",
                           "ip_mreqn",
                           "ip_mreq_source",
                           "in_pktinfo",
                           "ipv6_mreq",
                           "in6_pktinfo",
                           "sockaddr_ll",
                           "packet_mreq",
                           "sockaddr_vm",
                           "sockaddr_can",
                           "sockaddr_alg",
                           "sock_extended_err",
                           "scm_timestamping64",
                           "tcp_info",
                           "inotify_event",
                           "signalfd_siginfo",
                           "fanotify_event_metadata",
                           "fanotify_response",
                           "perf_event_attr"}) {
    INFO(name);
    const auto* converter =
        syscompat::translators::find_struct_converter(abi::Abi::i386, name, name);
    REQUIRE(converter != nullptr);
    CHECK(converter->identical);
    CHECK(converter->guest_size == converter->native_size);
  }
  // ... and those that differ, which the translators convert: SO_ATTACH_FILTER's program,
  // the old timestamps recvmsg narrows, ptrace's registers by the description ...
  for (const char* name : {"sock_fprog", "scm_timestamping", "user_regs_struct"}) {
    INFO(name);
    const auto* converter =
        syscompat::translators::find_struct_converter(abi::Abi::i386, name, name);
    REQUIRE(converter != nullptr);
    CHECK_FALSE(converter->identical);
  }
  // ... ptrace's FPU images and user area by hand (i386_ptrace.cpp: convert_from_fxsr,
  // getreg32), as no member-by-member copy makes one of the other
  for (const char* name : {"user_fpregs_struct", "user"})
    CHECK(syscompat::translators::find_struct_converter(abi::Abi::i386, name, name) == nullptr);
}

TEST_CASE("convert: user_regs_struct narrows as getreg32 does, by the member rules' map",
          "[convert]") {
  abi::user_regs_struct<X86_64> native{};
  native.rbx.set(0xffffffff80000001);  // the upper half dropped, not refused
  native.rbp.set(0x1234567890abcdef);
  native.rip.set(0x08049000);
  native.cs.set(0x23);
  native.ds.set(0x2b);
  native.orig_rax.set(~0ull);
  native.r8.set(0x5555);  // no i386 register
  abi::user_regs_struct<I386> guest{};
  REQUIRE(convert(native, guest, Narrowing::as_kernel) == 0);
  CHECK(static_cast<std::uint32_t>(guest.ebx.get()) == 0x80000001u);
  CHECK(static_cast<std::uint32_t>(guest.ebp.get()) == 0x90abcdefu);
  CHECK(guest.eip.get() == 0x08049000);
  CHECK(guest.xcs.get() == 0x23);
  CHECK(guest.xds.get() == 0x2b);
  CHECK(guest.orig_eax.get() == -1);
  CHECK(guest.eax.get() == 0);
}

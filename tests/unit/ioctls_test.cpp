// The ioctl table: its notation refuses malformed rows, its numbers agree with this
// machine's x86_64 headers for a sample of every family (the full check against every
// ABI's headers is ioctls_check_test.cpp), and its arguments are described structs.
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

#include <catch2/catch.hpp>

#include "syscompat/abi/layout.hpp"

using namespace syscompat::abi;

TEST_CASE("the ioctl table is sound and covers at least 400 requests", "[ioctls]") {
  for (const auto& error : ioctl_table_errors()) UNSCOPED_INFO(error);
  CHECK(ioctl_table_errors().empty());
  CHECK(ioctl_row_count() >= 400);
  for (const auto& request : ioctls(Abi::i386)) {
    INFO(request.name);
    if (!request.arg.struct_name.empty()) {
      const StructLayout* layout = find_struct_layout(Abi::i386, request.arg.struct_name);
      REQUIRE(layout != nullptr);
      CHECK(layout->present);
      CHECK(request.arg_size == layout->size * request.arg.count);
    }
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
  std::string error;
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
}

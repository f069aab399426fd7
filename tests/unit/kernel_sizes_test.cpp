// The running kernel as the oracle for the extensible structs whose newest members no header
// on this machine declares (layout --check lists them as not verifiable here). The kernel
// says how big its own struct is: getsockopt(TCP_INFO) copies min(len, sizeof(tcp_info)), and
// perf_event_open answers an attr larger than its own, with non-zero bytes past it, with
// E2BIG and its own size written back into attr.size (perf_copy_attr). The description's
// size for the running release (its members whose release is at most the running one) must
// be that size: members left out, or too many, fail, unless the struct's alignment pads the
// difference away.
#include <linux/perf_event.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "running_kernel.hpp"
#include "syscompat/abi/layout.hpp"

using namespace syscompat::abi;

namespace {

// The struct as a kernel of `release` has it: the members that release has, to the end of
// the last one, rounded up to the struct's alignment.
std::size_t described_size(const StructLayout& layout, KernelRelease release) {
  std::size_t end = 0;
  for (const FieldLayout& field : layout.fields)
    if (!field.since.known() || field.since <= release)
      end = std::max(end, field.offset + field.size);
  return (end + layout.align - 1) / layout.align * layout.align;
}

// The description's headers are 6.1's: a release before it may lack members the
// description gives no release for.
constexpr KernelRelease headers_release{6, 1};

const StructLayout& native(std::string_view name) {
  const StructLayout* layout = find_struct_layout(Abi::x86_64, name);
  REQUIRE(layout != nullptr);
  return *layout;
}

}  // namespace

TEST_CASE("kernel sizes: tcp_info is what the running kernel's TCP_INFO gives", "[kernel]") {
  const KernelRelease release = running_release();
  if (release < headers_release) {
    WARN("kernel older than the description's 6.1 headers: not compared");
    return;
  }
  const int sock = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(sock >= 0);
  std::array<unsigned char, 1024> info{};
  socklen_t length = info.size();
  REQUIRE(getsockopt(sock, IPPROTO_TCP, TCP_INFO, info.data(), &length) == 0);
  close(sock);
  const StructLayout& layout = native("tcp_info");
  INFO("running " << release.major << "." << release.minor);
  CHECK(length == described_size(layout, release));
  if (release >= KernelRelease{6, 18}) {
    CHECK(length == layout.size);  // the description is current to this kernel
    // planted: the entry as it was before 6.18. (The size cannot tell one 4-byte member:
    // the struct's 8-byte alignment rounds 276 up to 280, which is why the series added the
    // two u16; each member's place is checked against the kernel's BTF, kernel_btf_test.cpp.)
    CHECK(length != described_size(layout, KernelRelease{6, 17}));
  }
}

TEST_CASE("kernel sizes: perf_event_attr is the running kernel's perf_copy_attr size", "[kernel]") {
  const KernelRelease release = running_release();
  if (release < headers_release) {
    WARN("kernel older than the description's 6.1 headers: not compared");
    return;
  }
  // 512 bytes claimed, a non-zero byte past any release's struct: E2BIG, size written back.
  std::array<unsigned char, 512> attr{};
  const std::uint32_t claimed = attr.size();
  std::memcpy(attr.data() + offsetof(perf_event_attr, size), &claimed, sizeof claimed);
  attr.back() = 1;
  errno = 0;
  const long result = syscall(SYS_perf_event_open, attr.data(), 0, -1, -1, 0);
  if (result >= 0) close(static_cast<int>(result));
  if (errno != E2BIG) {
    WARN("perf_event_open answered " << result << " errno " << errno
                                     << " (refused before reading attr?): not compared");
    return;
  }
  std::uint32_t kernel_size = 0;
  std::memcpy(&kernel_size, attr.data() + offsetof(perf_event_attr, size), sizeof kernel_size);
  const StructLayout& layout = native("perf_event_attr");
  INFO("running " << release.major << "." << release.minor);
  CHECK(kernel_size == described_size(layout, release));
  CHECK(kernel_size != described_size(layout, KernelRelease{6, 2}));  // planted: before config3
}

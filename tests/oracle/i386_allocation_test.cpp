// The translators make no heap allocation on the calls a program makes most (docs/PERFORMANCE.md,
// "Issue 14's goals": a malloc/free per path call was 7 % of the shim's time on find and ls -lR).
// Counted by replacing the global operator new of this test program, through which every
// std::string, std::vector and new expression of the translators goes; each call is made once
// first (a first use may fill a cache) and then counted over many calls, with answers equal to
// the kernel's own compat path. And guest-sized requests past the inline storage still work.
#include <dirent.h>
#include <sys/statfs.h>
#include <sys/xattr.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "oracle.hpp"

namespace {
std::atomic<long> allocations{0};

void* counted(std::size_t size) {
  ++allocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void* counted_aligned(std::size_t size, std::align_val_t alignment) {
  ++allocations;
  const auto align = static_cast<std::size_t>(alignment);
  if (void* p = std::aligned_alloc(align, (size + align - 1) / align * align)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t size) {
  return counted(size);
}
void* operator new[](std::size_t size) {
  return counted(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  ++allocations;
  return std::malloc(size ? size : 1);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  ++allocations;
  return std::malloc(size ? size : 1);
}
void* operator new(std::size_t size, std::align_val_t alignment) {
  return counted_aligned(size, alignment);
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
  return counted_aligned(size, alignment);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}

namespace {

using namespace oracle;

const char* const guest_pointers = "guest pointers: each arena has its own";

struct Call {
  const char* name;
  std::array<std::uint32_t, 6> registers;
};

// How many allocations `rounds` translations of the call make, after one uncounted call;
// the translated answer must be the kernel's (same bytes in, a result that does not change
// call to call), so that what is counted is the call's ordinary path, not an early error.
long allocations_per_rounds(I386Translator& translator, const Call& call, int rounds) {
  const std::uint32_t number = nr(call.name);
  const std::int32_t kernel = int80(number, call.registers);
  const std::int32_t first = translator.translate(number, call.registers);
  INFO(call.name);
  CHECK(first == kernel);
  CHECK(first >= 0);
  const long before = allocations.load();
  for (int i = 0; i < rounds; ++i) translator.translate(number, call.registers);
  return allocations.load() - before;
}

// A file whose path is longer than std::string's small buffer (15 characters), so that a
// path copied into a string allocates.
struct LongPath {
  std::string directory, path;
  LongPath() {
    char name[] = "/tmp/syscompat-allocations-XXXXXX";
    REQUIRE(mkdtemp(name) != nullptr);
    directory = name;
    path = directory + "/a-file-with-a-name-past-the-small-buffer";
    const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(::write(fd, "some bytes\n", 11) == 11);
    ::close(fd);
  }
  ~LongPath() {
    ::unlink(path.c_str());
    ::rmdir(directory.c_str());
  }
};

}  // namespace

TEST_CASE("translators: the counter sees an allocation the translators make", "[oracle]") {
  // The planted case: the old getdents repacks records through vectors, so a counter that
  // missed the translators' allocations (a replacement not linked in) fails here.
  Arena g;
  LongPath file;
  const int directory = ::open(file.directory.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(directory >= 0);
  I386Translator translator(g.memory);
  const std::uint32_t buffer = g.alloc(4096);
  const std::uint32_t getdents = nr("getdents");
  const long before = allocations.load();
  translator.translate(getdents, {u32(directory), buffer, 4096});
  CHECK(allocations.load() > before);
  ::close(directory);
}

TEST_CASE("translators: no allocation on the common calls", "[oracle]") {
  constexpr int rounds = 200;
  Arena g;
  LongPath file;
  I386Translator translator(g.memory);
  const std::uint32_t path = g.string(file.path);
  const std::uint32_t stat_buffer = g.alloc(256), statx_buffer = g.alloc(256);
  const std::uint32_t buffer = g.alloc(4096), time = g.alloc(16), attribute = g.alloc(64);
  const std::uint32_t xattr_name = g.string("user.syscompat.not-there");
  const int fd = ::open(file.path.c_str(), O_RDWR);
  const int directory = ::open(file.directory.c_str(), O_RDONLY | O_DIRECTORY);
  const int null = ::open("/dev/null", O_WRONLY);
  REQUIRE((fd >= 0 && directory >= 0 && null >= 0));
  // Two iovecs of 4 bytes each over `buffer`.
  const std::uint32_t vec = g.alloc(16);
  const std::array<std::uint32_t, 4> entries{buffer, 4, buffer + 4, 4};
  std::memcpy(g.base + (vec - Arena::address(g.base)), entries.data(), sizeof entries);

  const std::vector<Call> calls{
      {"stat64", {path, stat_buffer}},
      {"lstat64", {path, stat_buffer}},
      {"fstat64", {u32(fd), stat_buffer}},
      {"fstatat64", {u32(AT_FDCWD), path, stat_buffer, 0}},
      {"statx", {u32(AT_FDCWD), path, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, statx_buffer}},
      {"statfs64", {path, 84, buffer}},
      {"access", {path, R_OK}},
      {"pread64", {u32(fd), buffer, 11, 0, 0}},
      {"write", {u32(null), buffer, 11}},
      {"writev", {u32(null), vec, 2}},
      {"clock_gettime", {CLOCK_MONOTONIC, time}},
      {"clock_gettime64", {CLOCK_MONOTONIC, time}},
      {"gettimeofday", {time, 0}},
  };
  for (const Call& call : calls) {
    INFO(call.name);
    CHECK(allocations_per_rounds(translator, call, rounds) == 0);
  }

  // Calls whose answer changes the state (a descriptor, a position): counted alone, the
  // numbers looked up first (nr() asserts, and Catch may allocate then). Opened with
  // O_LARGEFILE, as i386 glibc's open64 does: a descriptor opened without it is remembered
  // while it is open (i386_large_files.hpp), state kept per open file, not per call.
  const std::uint32_t largefile = syscompat::abi::o_largefile(syscompat::abi::Abi::i386);
  const std::uint32_t openat = nr("openat"), open = nr("open"), read = nr("read"),
                      close = nr("close"), getdents64 = nr("getdents64"),
                      lgetxattr = nr("lgetxattr");
  const std::array<std::uint32_t, 6> lgetxattr_args{path, xattr_name, attribute, 64};
  const std::int32_t no_attribute = int80(lgetxattr, lgetxattr_args);
  const long before = allocations.load();
  for (int i = 0; i < rounds; ++i) {
    const std::int32_t opened = translator.translate(openat, {u32(AT_FDCWD), path, largefile, 0});
    const std::int32_t read_bytes = translator.translate(read, {u32(opened), buffer, 4096});
    const std::int32_t closed = translator.translate(close, {u32(opened)});
    if (opened < 0 || read_bytes != 11 || closed != 0) FAIL("openat, read, close: " << opened);
    const std::int32_t opened_by_open = translator.translate(open, {path, largefile, 0});
    ::close(opened_by_open);
    if (opened_by_open < 0) FAIL("open: " << opened_by_open);
    const std::int32_t listed = translator.translate(getdents64, {u32(directory), buffer, 4096});
    ::lseek(directory, 0, SEEK_SET);
    if (listed <= 0) FAIL("getdents64: " << listed);
    const std::int32_t missing = translator.translate(lgetxattr, lgetxattr_args);
    if (missing != no_attribute) FAIL("lgetxattr: " << missing << ", not " << no_attribute);
  }
  CHECK(allocations.load() - before == 0);
  ::close(fd);
  ::close(directory);
  ::close(null);
}

TEST_CASE("translators: readv and writev past the inline iovecs, up to UIO_MAXIOV", "[oracle]") {
  TempFile file(8192);
  for (std::uint32_t count : {17u, 1024u}) {
    INFO(count << " iovecs");
    compare([&](Arena& g) {
      const std::uint32_t data = g.alloc(count * 4, 0);
      const std::uint32_t vec = g.alloc(count * 8);
      for (std::uint32_t i = 0; i < count; ++i) {
        const std::array<std::uint32_t, 2> entry{data + 4 * i, 4};
        std::memcpy(g.base + (vec - Arena::address(g.base)) + 8 * i, entry.data(), 8);
      }
      ::lseek(file.fd, 0, SEEK_SET);
      return Case{nr("readv"), {u32(file.fd), vec, count}, {{vec, count * 8, guest_pointers}}};
    });
  }
  // One past UIO_MAXIOV: EINVAL, nothing read.
  compare([&](Arena& g) { return Case{nr("writev"), {u32(file.fd), g.alloc(1025 * 8), 1025}}; });
}

// Guest memory: declared mappings, EFAULT for anything else, never a host fault.
#include "syscompat/translators/guest_memory.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

using syscompat::translators::GuestAddress;
using syscompat::translators::GuestMemory;

TEST_CASE("guest memory: copies inside declared mappings, EFAULT outside", "[guest_memory]") {
  std::vector<std::uint8_t> arena(0x4000);
  GuestMemory memory(arena.data());
  memory.map(0x1000, 0x1000, GuestMemory::readable | GuestMemory::writable);
  memory.map(0x2000, 0x1000, GuestMemory::readable);  // read-only
  std::uint8_t buffer[16] = {1, 2, 3};

  CHECK(memory.copy_out(0x1ff8, buffer, 8) == 0);
  CHECK(memory.copy_out(0x1ffc, buffer, 8) == EFAULT);     // runs into the read-only page
  CHECK(memory.copy_in(buffer, 0x1ffc, 8) == 0);           // reading across both is fine
  CHECK(memory.copy_in(buffer, 0x2ffc, 8) == EFAULT);      // past the end
  CHECK(memory.copy_in(buffer, 0x0, 1) == EFAULT);         // NULL
  CHECK(memory.copy_in(buffer, 0xfffffffc, 8) == EFAULT);  // wraps past 4 GB
  CHECK(memory.copy_in(buffer, 0x0, 0) == 0);              // nothing to copy
}

TEST_CASE("guest memory: unmap and remap split regions", "[guest_memory]") {
  std::vector<std::uint8_t> arena(0x10000);
  GuestMemory memory(arena.data());
  memory.map(0x1000, 0x8000, GuestMemory::readable | GuestMemory::writable);
  memory.unmap(0x3000, 0x1000);
  CHECK(memory.accessible(0x1000, 0x2000, GuestMemory::writable));
  CHECK_FALSE(memory.accessible(0x2fff, 2, GuestMemory::readable));
  CHECK(memory.accessible(0x4000, 0x5000, GuestMemory::writable));
  memory.map(0x5000, 0x1000, GuestMemory::readable);
  CHECK_FALSE(memory.accessible(0x4000, 0x5000, GuestMemory::writable));
  CHECK(memory.accessible(0x4000, 0x5000, GuestMemory::readable));
  memory.unmap(0, 0x10000);
  CHECK_FALSE(memory.accessible(0x1000, 1, GuestMemory::readable));
}

TEST_CASE("guest memory: strings end at NUL, fault at unmapped memory, or are too long",
          "[guest_memory]") {
  std::vector<std::uint8_t> arena(0x3000);
  GuestMemory memory(arena.data());
  memory.map(0x1000, 0x1000, GuestMemory::readable);
  memory.map(0x2000, 0x1000, GuestMemory::readable);
  std::string out;
  std::memcpy(arena.data() + 0x1ffe, "ab\0", 3);  // crosses into the next region
  CHECK(memory.read_string(0x1ffe, 4096, out) == 0);
  CHECK(out == "ab");
  std::memset(arena.data() + 0x2000, 'x', 0x1000);
  CHECK(memory.read_string(0x2000, 100, out) == ENAMETOOLONG);
  CHECK(memory.read_string(0x2f00, 4096, out) == EFAULT);  // no NUL before the end

  // The same answers into a fixed buffer (its size the limit, the NUL included) and
  // without a copy (the length, the NUL not counted).
  std::array<char, 3> small;
  std::memcpy(arena.data() + 0x1ffe, "ab\0", 3);
  CHECK(memory.read_string(0x1ffe, small) == 0);
  CHECK(std::string_view(small.data()) == "ab");
  std::memcpy(arena.data() + 0x1ffd, "abc\0", 4);
  CHECK(memory.read_string(0x1ffd, small) == ENAMETOOLONG);  // "abc" and its NUL are 4
  std::array<char, 4096> path;
  CHECK(memory.read_string(0x2f00, path) == EFAULT);
  std::size_t length = 99;
  CHECK(memory.string_length(0x1ffd, 4, length) == 0);
  CHECK(length == 3);
  CHECK(memory.string_length(0x1ffd, 3, length) == ENAMETOOLONG);
  CHECK(memory.string_length(0x2f00, 1 << 20, length) == EFAULT);
  CHECK(memory.string_length(0x0ffe, 16, length) == EFAULT);  // starts unmapped
}

// Threads of a guest check and copy while another changes the map (run32's threads): the
// declarations stay whole (a reader never sees a half-made change) and a stable range is
// always there. Under ASan in the test command, which reports a heap-use-after-free in
// the map's tree without the lock (planted: 3 runs of 3; without ASan only sometimes).
// How many rounds each reader makes while the map changes, at least.
constexpr long enough_reads = 1000;

TEST_CASE("guest memory: checks and copies while another thread maps and unmaps",
          "[guest_memory]") {
  std::vector<std::uint8_t> arena(0x100000);
  GuestMemory memory(arena.data());
  memory.map(0x1000, 0x1000, GuestMemory::readable | GuestMemory::writable);
  std::memcpy(arena.data() + 0x1000, "stable", 7);
  std::atomic<bool> done{false};
  std::atomic<long> stable_failures{0}, toggled_answers{0};
  // Each reader's rounds, counted while the map changes: on a loaded machine the readers
  // may first run after the 3000 changes, so the changes go on until each has read.
  std::array<std::atomic<long>, 3> reads{};
  std::vector<std::thread> readers;
  for (int r = 0; r < 3; ++r)
    readers.emplace_back([&, r] {
      char text[8];
      std::string name;
      while (!done) {
        ++reads[r];
        if (memory.copy_in(text, 0x1000, 7) != 0 || std::strcmp(text, "stable") != 0 ||
            memory.read_string(0x1000, 64, name) != 0 || name != "stable")
          ++stable_failures;
        const int toggled = memory.copy_in(text, 0x20000 + 0x3000 * (r + 1), 8);
        if (toggled == 0 || toggled == EFAULT) ++toggled_answers;
      }
    });
  auto each_read_enough = [&] {
    return std::all_of(reads.begin(), reads.end(), [](const auto& n) { return n >= enough_reads; });
  };
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (int round = 0;
       round < 3000 || (!each_read_enough() && std::chrono::steady_clock::now() < deadline);
       ++round) {
    for (GuestAddress at = 0x20000; at < 0x80000; at += 0x2000)
      memory.map(at, 0x1000, GuestMemory::readable | GuestMemory::writable);
    auto change = memory.change();
    for (GuestAddress at = 0x20000; at < 0x80000; at += 0x3000) change.unmap(at, 0x1800);
  }
  const bool overlapped = each_read_enough();  // every reader read while the map changed
  done = true;
  for (auto& reader : readers) reader.join();
  CHECK(overlapped);
  CHECK(stable_failures == 0);
  CHECK(toggled_answers > 0);
}

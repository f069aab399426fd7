#include "guest_memory_map.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <iterator>

namespace syscompat::run32 {

namespace {

constexpr std::uint64_t page = 4096;
constexpr std::uint64_t four_gb = std::uint64_t{1} << 32;

std::uint64_t page_down(std::uint64_t address) {
  return address & ~(page - 1);
}

// /proc/sys/vm/mmap_min_addr, which the x86_64 kernel also applies to the shim's calls;
// placement starts there (never below a page).
std::uint64_t read_mmap_min_addr() {
  std::uint64_t value = 65536;
  if (std::FILE* file = std::fopen("/proc/sys/vm/mmap_min_addr", "r")) {
    if (std::fscanf(file, "%" SCNu64, &value) != 1) value = 65536;
    std::fclose(file);
  }
  return std::max(value, page);
}

// arch/x86/mm/mmap.c mmap_base(): the stack's rlimit plus the guard gap, between 128 MB and
// five sixths of the task, under the top of the stack (no randomization: run32 places the
// stack without it too).
std::uint64_t compute_mmap_base(std::uint64_t limit) {
  constexpr std::uint64_t stack_guard_gap = 256 * page, gap_min = std::uint64_t{128} << 20;
  const std::uint64_t gap_max = limit / 6 * 5;
  rlimit stack{};
  std::uint64_t gap = gap_max;
  if (::getrlimit(RLIMIT_STACK, &stack) == 0 && stack.rlim_cur != RLIM_INFINITY)
    gap = stack.rlim_cur + stack_guard_gap;
  return page_down(limit - std::clamp(gap, gap_min, gap_max));
}

}  // namespace

GuestMemoryMap::GuestMemoryMap(std::uint64_t limit)
    : limit_(limit), mmap_base_(compute_mmap_base(limit)), min_address_(read_mmap_min_addr()) {}

void GuestMemoryMap::taken(std::uint64_t address, std::uint64_t length) {
  std::uint64_t start = address, end = address + length;
  // Merge with every range it touches.
  auto it = taken_.upper_bound(start);
  if (it != taken_.begin() && std::prev(it)->second >= start) --it;
  while (it != taken_.end() && it->first <= end) {
    start = std::min(start, it->first);
    end = std::max(end, it->second);
    it = taken_.erase(it);
  }
  taken_.emplace(start, end);
}

void GuestMemoryMap::released(std::uint64_t address, std::uint64_t length) {
  const std::uint64_t start = address, end = address + length;
  auto it = taken_.upper_bound(start);
  if (it != taken_.begin()) --it;
  while (it != taken_.end() && it->first < end) {
    const auto [low, high] = *it;
    if (high <= start) {
      ++it;
      continue;
    }
    it = taken_.erase(it);
    if (low < start) taken_.emplace(low, start);
    if (high > end) taken_.emplace(end, high);
  }
}

void GuestMemoryMap::reload() {
  taken_.clear();
  std::FILE* maps = std::fopen("/proc/self/maps", "r");
  if (!maps) return;
  char line[512];
  while (std::fgets(line, sizeof line, maps)) {
    std::uint64_t start = 0, end = 0;
    if (std::sscanf(line, "%" SCNx64 "-%" SCNx64, &start, &end) != 2 || start >= four_gb) continue;
    taken(start, std::min(end, four_gb) - start);
  }
  std::fclose(maps);
}

bool GuestMemoryMap::is_free(std::uint64_t address, std::uint64_t length) const {
  auto it = taken_.upper_bound(address);
  if (it != taken_.begin() && std::prev(it)->second > address) return false;
  return it == taken_.end() || it->first >= address + length;
}

// The highest page-aligned [a, a + length) inside [low, high) that no taken range touches.
std::optional<std::uint64_t> GuestMemoryMap::highest_gap(std::uint64_t low, std::uint64_t high,
                                                         std::uint64_t length) const {
  if (high < low || high - low < length) return std::nullopt;
  std::uint64_t gap_end = high;
  auto it = taken_.lower_bound(high);
  // A range starting below `high` may reach past it.
  while (true) {
    const bool first = it == taken_.begin();
    const std::uint64_t gap_start = first ? low : std::max(low, std::prev(it)->second);
    if (gap_end >= gap_start && gap_end - gap_start >= length) return gap_end - length;
    if (first) return std::nullopt;
    --it;
    gap_end = std::min(gap_end, it->first);
    if (gap_end < low) return std::nullopt;
  }
}

std::optional<std::uint64_t> GuestMemoryMap::place(std::uint64_t hint, std::uint64_t length) {
  if (length > limit_ - min_address_) return std::nullopt;
  // get_unmapped_area's hint: page-aligned down, used when free (the caller drops a hint
  // past TASK_SIZE).
  if (hint) {
    hint = std::max(page_down(hint), min_address_);
    if (hint + length <= limit_ && is_free(hint, length)) return hint;
  }
  if (auto at = highest_gap(min_address_, mmap_base_, length)) return at;
  // The kernel's fallback when nothing fits under mmap_base: anywhere in the task.
  return highest_gap(min_address_, limit_, length);
}

}  // namespace syscompat::run32

#include "syscompat/translators/guest_memory.hpp"

#include <cerrno>
#include <cstring>

namespace syscompat::translators {

namespace {
constexpr std::uint64_t address_space_end = std::uint64_t{1} << 32;
}

void GuestMemory::unmap_locked(GuestAddress start, std::uint64_t length) {
  const std::uint64_t begin = start, end = std::min(begin + length, address_space_end);
  if (begin >= end) return;
  // Split a region that straddles `begin`, then drop or trim everything up to `end`.
  auto it = regions_.upper_bound(begin);
  if (it != regions_.begin()) {
    auto before = std::prev(it);
    if (before->second.end > begin) {
      const Region tail{before->second.end, before->second.access};
      before->second.end = begin;
      if (tail.end > end) regions_[end] = tail;
    }
  }
  for (it = regions_.lower_bound(begin); it != regions_.end() && it->first < end;) {
    if (it->second.end > end) {
      const Region rest = it->second;
      regions_.erase(it);
      regions_[end] = rest;
      break;
    }
    it = regions_.erase(it);
  }
}

void GuestMemory::map_locked(GuestAddress start, std::uint64_t length, int access) {
  const std::uint64_t end =
      std::min<std::uint64_t>(std::uint64_t{start} + length, address_space_end);
  if (start >= end) return;
  unmap_locked(start, end - start);
  regions_[start] = {end, access};
}

bool GuestMemory::accessible_locked(GuestAddress start, std::uint64_t length, int access) const {
  if (length == 0) return true;
  std::uint64_t at = start;
  const std::uint64_t end = at + length;
  if (end > address_space_end) return false;
  auto it = regions_.upper_bound(at);
  if (it == regions_.begin()) return false;
  --it;
  while (true) {
    if (it->first > at || it->second.end <= at || (it->second.access & access) != access)
      return false;
    at = it->second.end;
    if (at >= end) return true;
    if (++it == regions_.end()) return false;
  }
}

std::uint64_t GuestMemory::accessible_length(GuestAddress start, std::uint64_t length,
                                             int access) const {
  std::shared_lock lock(mutex_);
  std::uint64_t at = start;
  const std::uint64_t end = std::min(at + length, address_space_end);
  auto it = regions_.upper_bound(at);
  if (it == regions_.begin()) return 0;
  --it;
  while (at < end && it != regions_.end() && it->first <= at && it->second.end > at &&
         (it->second.access & access) == access) {
    at = it->second.end;
    ++it;
  }
  return std::min(at, end) - start;
}

int GuestMemory::copy_in(void* to, GuestAddress from, std::size_t length) const {
  std::shared_lock lock(mutex_);
  if (!accessible_locked(from, length, readable)) return EFAULT;
  if (length) std::memcpy(to, host(from), length);
  return 0;
}

int GuestMemory::copy_out(GuestAddress to, const void* from, std::size_t length) const {
  std::shared_lock lock(mutex_);
  if (!accessible_locked(to, length, writable)) return EFAULT;
  if (length) std::memcpy(host(to), from, length);
  return 0;
}

int GuestMemory::string_length_locked(GuestAddress from, std::size_t max_length,
                                      std::size_t& length) const {
  length = 0;
  std::uint64_t at = from;
  while (length < max_length) {
    // The readable region holding `at`, scanned for the NUL in one go.
    auto it = regions_.upper_bound(at);
    if (it == regions_.begin()) return EFAULT;
    --it;
    if (it->second.end <= at || !(it->second.access & readable)) return EFAULT;
    const std::size_t chunk =
        static_cast<std::size_t>(std::min<std::uint64_t>(it->second.end - at, max_length - length));
    const auto* start = host(static_cast<GuestAddress>(at));
    if (const void* nul = std::memchr(start, 0, chunk)) {
      length += static_cast<std::size_t>(static_cast<const std::uint8_t*>(nul) - start);
      return 0;
    }
    length += chunk;
    at += chunk;
  }
  return ENAMETOOLONG;
}

int GuestMemory::string_length(GuestAddress from, std::size_t max_length,
                               std::size_t& length) const {
  std::shared_lock lock(mutex_);
  return string_length_locked(from, max_length, length);
}

int GuestMemory::read_string(GuestAddress from, std::size_t max_length, std::string& out) const {
  std::shared_lock lock(mutex_);
  std::size_t length = 0;
  out.clear();
  if (int error = string_length_locked(from, max_length, length)) return error;
  out.assign(reinterpret_cast<const char*>(host(from)), length);
  return 0;
}

int GuestMemory::read_string(GuestAddress from, std::span<char> out) const {
  std::shared_lock lock(mutex_);
  std::size_t length = 0;
  if (int error = string_length_locked(from, out.size(), length)) return error;
  std::memcpy(out.data(), host(from), length + 1);  // the NUL came within out.size()
  return 0;
}

}  // namespace syscompat::translators

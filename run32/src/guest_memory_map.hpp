// Where the guest's mappings go below 4 GB, chosen by the shim (DESIGN.md, "No IA32 syscall
// from the shim"): the i386 kernel's get_unmapped_area made with x86_64 calls. The kernel
// places a compat mapping top-down under mmap_base only for an i386 task; the shim's calls
// come from 64-bit code, so it picks a free range itself and maps there with
// MAP_FIXED_NOREPLACE (MAP_32BIT would cover only the low 2 GB).
#pragma once

#include <cstdint>
#include <map>
#include <optional>

namespace syscompat::run32 {

class GuestMemoryMap {
 public:
  // [mmap_min_addr, limit): the guest's part of the address space; mmap_base as
  // arch/x86/mm/mmap.c computes it for a 32-bit task whose stack ends at `limit`, without
  // randomization.
  explicit GuestMemoryMap(std::uint64_t limit);

  // vm_unmapped_area top-down (arch_get_unmapped_area_topdown): the hint if [hint, hint +
  // length) is free and above mmap_min_addr, else the highest free range under mmap_base,
  // else the highest anywhere in the guest's part. Nothing when none is large enough.
  std::optional<std::uint64_t> place(std::uint64_t hint, std::uint64_t length);

  // What a successful x86_64 call did to the range.
  void taken(std::uint64_t address, std::uint64_t length);
  void released(std::uint64_t address, std::uint64_t length);

  // Everything below 4 GB from /proc/self/maps, when a range thought free was not (something
  // mapped there without the shim's knowledge). Not at start: the map is made when the shim's
  // process starts, after an execve, when nothing lies below 4 GB (the x86_64 kernel places
  // none of a 64-bit program's own mappings there), and every mapping the shim makes there
  // for the guest (the program, its interpreter, stack, vDSO and every call of the guest that
  // maps) goes through GuestProcess, which tells the map (taken, released). The range past
  // TASK_SIZE the shim reserves lies beyond the map's limit.
  void reload();

  std::uint64_t mmap_base() const { return mmap_base_; }
  std::uint64_t min_address() const { return min_address_; }

 private:
  std::optional<std::uint64_t> highest_gap(std::uint64_t low, std::uint64_t high,
                                           std::uint64_t length) const;
  bool is_free(std::uint64_t address, std::uint64_t length) const;

  std::uint64_t limit_, mmap_base_, min_address_;
  std::map<std::uint64_t, std::uint64_t> taken_;  // start -> end, disjoint, merged
};

}  // namespace syscompat::run32

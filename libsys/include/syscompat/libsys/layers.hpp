// Ready-made dispatch layers. Each wraps the slots it is installed on, so they stack: the
// last one installed runs first. Every install returns an Installed, whose remove() takes
// the layer off again (outermost first). A layer's state lives as long as the process:
// another thread may still be inside a removed handler.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "syscompat/libsys/dispatch.hpp"

namespace syscompat::sys::layers {

struct Installed {
  Level level = Level::top;
  std::vector<std::pair<std::uint32_t, const Handler*>> handlers;
  // Takes the layer off every slot where it is still the outermost; false if any was not.
  bool remove();
};

// Every x86_64 syscall number the description has.
std::vector<std::uint32_t> all_numbers();
// Numbers for names; an unknown name is a std::invalid_argument.
std::vector<std::uint32_t> numbers_of(std::span<const std::string_view> names);

// The numbers of strace's `-e trace=SET` (names, %file %network %process %signal %memory,
// `!` for the others; docs/trace.md); a SET naming no x86_64 syscall or class is a
// std::invalid_argument saying so in one line.
std::vector<std::uint32_t> numbers_of_trace_set(std::string_view expression);

// strace-style lines, `name(args...) = result`, decoded from the description, to `fd`;
// strings and buffers shown up to `string_limit` bytes (strace's -s).
Installed trace(int fd, std::span<const std::uint32_t> numbers, Level level = Level::top,
                std::size_t string_limit = 32);

// Appends each call to `fd` (open it O_APPEND): number, result, argument registers, and the
// bytes of every pointer argument the signature sizes (before the call for in, after it for
// out), one record per write so threads do not interleave. The format is text:
//   call NR NAME RESULT A0 A1 A2 A3 A4 A5
//   in|out ARG HEXBYTES
//   end
// At Level::kernel it records what really entered the kernel (a probe's failing call too).
Installed record(int fd, std::span<const std::uint32_t> numbers, Level level = Level::top);

// Serves calls from a recording, in order, without the kernel: the recorded result, and
// each recorded out buffer copied to the same argument of the replayed call. A call that
// does not match the next record (another number) returns ENOSYS and counts a divergence.
struct Replay {
  std::size_t served = 0;
  std::size_t divergences = 0;
};
Installed replay(std::string_view recording, std::span<const std::uint32_t> numbers,
                 Replay** state = nullptr);

// Returns -error (EPERM or ENOSYS, say) for the given calls, without the kernel.
Installed deny(std::span<const std::uint32_t> numbers, int error);

// Counts calls per number; at Level::kernel it counts what actually enters the kernel.
struct Counter {
  std::array<std::atomic<std::uint64_t>, slot_count> calls{};
  std::uint64_t operator[](std::uint32_t nr) const { return calls[nr].load(); }
};
Installed count(Counter& counter, std::span<const std::uint32_t> numbers, Level level = Level::top);

}  // namespace syscompat::sys::layers

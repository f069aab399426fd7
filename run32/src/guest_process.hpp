// The i386 guest process run32 owns: its memory map below 4 GB (declared to the translators),
// its heap, its thread area, its signal dispositions, and the calls that create, replace or
// end it. One per shim process, shared by the guest's threads (threads.hpp) and by the
// processes it starts on this same memory (CLONE_VM).
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "guest_memory_map.hpp"
#include "guest_registers.hpp"
#include "syscompat/translators/guest_memory.hpp"
#include "syscompat/translators/i386.hpp"
#include "syscompat/translators/process_hooks.hpp"

namespace syscompat::run32 {

using translators::GuestAddress;

// Signals 1..64, indexed by number.
inline constexpr std::size_t guest_signal_count = 65;

class GuestProcess final : public translators::ProcessHooks {
 public:
  // The i386 kernel's TASK_SIZE: the guest may not map at or above it; the shim's own
  // low page lives there.
  static constexpr GuestAddress task_size = translators::i386_task_size;
  static constexpr std::uint32_t page_size = 4096;

  // Its signal dispositions start as execve left this process's.
  GuestProcess();

  translators::GuestMemory& memory() { return memory_; }

  // Maps with x86_64 calls where the shim's placement (GuestMemoryMap) says, with the i386
  // kernel's checks and errors (ranges past TASK_SIZE refused), and declares what it mapped.
  // The guest address, or -errno.
  std::int32_t map(const translators::MapRequest& request) override;
  std::int32_t unmap(GuestAddress address, std::uint32_t length) override;
  std::int32_t protect(GuestAddress address, std::uint32_t length, int protection) override;
  std::int32_t remap(GuestAddress address, std::uint32_t old_length, std::uint32_t new_length,
                     int flags, GuestAddress new_address) override;
  std::int32_t brk(GuestAddress address) override;
  std::int32_t shm_attach(int id, GuestAddress address, int flags) override;
  std::int32_t sigaction(int signal, const translators::GuestSigaction* action,
                         translators::GuestSigaction* previous) override;
  std::int32_t owner_call(const translators::CallPlan& plan,
                          const std::array<std::uint32_t, 6>& registers) override;
  // For the calling guest thread (guest_seccomp.hpp).
  std::int32_t seccomp(const translators::SeccompRequest& request) override;
  // run32_int80: the kernel's i386 entry.
  bool has_compat_entry() const override { return true; }
  std::int32_t compat_entry(std::uint32_t number,
                            const std::array<std::uint32_t, 6>& registers) override;

  // The guest program's absolute path: what /proc/self/exe names for the guest (as QEMU
  // does), and what the guest's execve of /proc/self/exe runs.
  void set_program_path(std::string path) { program_path_ = std::move(path); }
  // What the guest's execve of an i386 program executes (Options::shim_program).
  void set_shim_program(std::string path) { shim_program_ = std::move(path); }
  // readlink and readlinkat of /proc/self/exe (or /proc/PID/exe of this process): answered
  // from program_path; other paths are the translators'.
  bool is_own_executable_link(std::string_view path) const;
  std::int32_t read_own_executable_link(GuestAddress buffer, std::uint32_t size);

  // The heap starts on the page after the program's last segment.
  void set_brk_start(GuestAddress start) { brk_start_ = brk_current_ = brk_mapped_end_ = start; }

  // The disposition of a signal for the calling thread's thread group.
  translators::GuestSigaction disposition(int signal) const;
  // The main thread group's dispositions (guest_signal_count of them).
  translators::GuestSigaction* dispositions() { return dispositions_.data(); }
  std::mutex& dispositions_lock() { return dispositions_lock_; }

 private:
  std::int32_t clone(const std::array<std::uint32_t, 6>& registers);
  std::int32_t execve(const std::array<std::uint32_t, 6>& registers);
  std::int32_t execveat(const std::array<std::uint32_t, 6>& registers);
  std::int32_t execute(std::string path, GuestAddress argv, GuestAddress envp);
  void declare(translators::GuestMemory::Change& change, GuestAddress address, std::uint64_t length,
               int protection);

  std::string resolve_own_executable(const std::string& path) const;

  std::string program_path_;
  std::string shim_program_ = "/proc/self/exe";
  translators::GuestMemory memory_;
  GuestMemoryMap address_space_{task_size};  // under memory_'s Change
  GuestAddress brk_start_ = 0, brk_current_ = 0, brk_mapped_end_ = 0;
  std::array<translators::GuestSigaction, guest_signal_count> dispositions_{};
  mutable std::mutex dispositions_lock_;
};

// The one guest of this process: the entry points (AT_SYSINFO, SIGSYS, signals) find it here.
GuestProcess& guest_process();
void set_guest_process(GuestProcess* process);

}  // namespace syscompat::run32

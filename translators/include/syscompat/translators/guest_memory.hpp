// A 32-bit guest's address space, as the translators see it: which guest ranges are mapped
// with which protection, and copies in and out that fail with EFAULT instead of faulting.
//
// The owner of the guest's memory (run32, or a test) declares every mapping it makes; the
// translators check a range against those declarations before touching it, as QEMU's
// linux-user checks its page flags. A guest address is `base + address` on the host: base is
// null when the guest lives in the low 4 GB of this very process (run32).
//
// Safe under threads: the declarations are read under a shared lock (each check, and each
// copy with its check, so that a copy never touches a range another thread unmaps meanwhile)
// and changed under an exclusive one. An owner that changes the real mapping and the
// declarations together (munmap, then forgetting the range) holds a Change across both, so
// that no copy of another thread falls between the two.
#pragma once

#include <pthread.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <new>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>

namespace syscompat::translators {

using GuestAddress = std::uint32_t;

// The end of a 32-bit task's address space on an x86_64 kernel (IA32_PAGE_OFFSET, a compat
// task's TASK_SIZE): nothing of the task lies at or above it.
inline constexpr GuestAddress i386_task_size = 0xffffe000;

// Where the translators point the kernel for a guest pointer the guest may not use: a user
// address (access_ok passes, as it does natively for any 32-bit one) where nothing is mapped,
// so that the kernel answers EFAULT exactly where it touches the memory and not before; a
// read at end of file into it returns 0, as a native read into an unmapped buffer does. Far
// from where the kernel's mmap places anything (and from ASan's shadow); run32 reserves it.
inline constexpr std::uint64_t poisoned_pointer = 0x0000200000000000ull;

class GuestMemory {
  // A reader-writer lock that lets a waiting writer in before new readers (glibc's
  // PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP): threads that copy all the time must not
  // starve one that maps. std::shared_mutex prefers readers. No reader takes it twice.
  class Lock {
   public:
    Lock() {
      pthread_rwlockattr_t attributes;
      pthread_rwlockattr_init(&attributes);
      pthread_rwlockattr_setkind_np(&attributes, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
      pthread_rwlock_init(&lock_, &attributes);
      pthread_rwlockattr_destroy(&attributes);
    }
    ~Lock() { pthread_rwlock_destroy(&lock_); }
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;
    void lock() { pthread_rwlock_wrlock(&lock_); }
    void unlock() { pthread_rwlock_unlock(&lock_); }
    void lock_shared() { pthread_rwlock_rdlock(&lock_); }
    void unlock_shared() { pthread_rwlock_unlock(&lock_); }

   private:
    pthread_rwlock_t lock_;
  };

 public:
  static constexpr int readable = 1, writable = 2;

  explicit GuestMemory(std::uint8_t* base = nullptr) : base_(base) {}

  // The exclusive hold on the declarations for a change of the map: declare and forget
  // through it; accessible() through it sees the map as it is.
  class Change {
   public:
    explicit Change(GuestMemory& memory) : memory_(memory), lock_(memory.mutex_) {}
    void map(GuestAddress start, std::uint64_t length, int access) {
      memory_.map_locked(start, length, access);
    }
    void unmap(GuestAddress start, std::uint64_t length) { memory_.unmap_locked(start, length); }
    bool accessible(GuestAddress start, std::uint64_t length, int access) const {
      return memory_.accessible_locked(start, length, access);
    }
    // In the child of a fork made while this Change was held: the child's one thread is the
    // holder, and the lock is made new rather than released (a reader-writer lock may not be
    // released by a thread of another id).
    void abandon_after_fork() {
      lock_.release();
      memory_.mutex_.~Lock();
      new (&memory_.mutex_) Lock;
    }

   private:
    GuestMemory& memory_;
    std::unique_lock<Lock> lock_;
  };
  Change change() { return Change(*this); }

  // Declares [start, start + length) mapped with `access` (readable | writable), replacing
  // whatever was declared there; unmap forgets it.
  void map(GuestAddress start, std::uint64_t length, int access) {
    change().map(start, length, access);
  }
  void unmap(GuestAddress start, std::uint64_t length) { change().unmap(start, length); }

  // Whether every byte of the range is declared with at least `access`. Empty ranges are
  // accessible; ranges past 4 GB are not.
  bool accessible(GuestAddress start, std::uint64_t length, int access) const {
    std::shared_lock lock(mutex_);
    return accessible_locked(start, length, access);
  }
  // How many of the range's first bytes are declared with `access` (at most length).
  std::uint64_t accessible_length(GuestAddress start, std::uint64_t length, int access) const;

  // 0, or EFAULT when the guest range is not entirely readable / writable.
  int copy_in(void* to, GuestAddress from, std::size_t length) const;
  int copy_out(GuestAddress to, const void* from, std::size_t length) const;
  // A NUL-terminated guest string of at most max_length bytes: EFAULT if it runs into
  // unreadable memory, ENAMETOOLONG if no NUL comes within max_length.
  int read_string(GuestAddress from, std::size_t max_length, std::string& out) const;
  // The same string copied with its NUL into `out`, whose size is the max_length: no
  // allocation, for the paths a call reads on every use (PATH_MAX bytes at most).
  int read_string(GuestAddress from, std::span<char> out) const;
  // The same checks without a copy: 0 and the string's length (its NUL not counted), for a
  // caller that hands the guest's own bytes on.
  int string_length(GuestAddress from, std::size_t max_length, std::size_t& length) const;

  // Integer arithmetic: base_ is null for a guest in this process's low 4 GB, and adding
  // to a null pointer is undefined.
  std::uint8_t* host(GuestAddress address) const {
    return reinterpret_cast<std::uint8_t*>(reinterpret_cast<std::uintptr_t>(base_) + address);
  }

 private:
  struct Region {
    std::uint64_t end;
    int access;
  };
  void map_locked(GuestAddress start, std::uint64_t length, int access);
  void unmap_locked(GuestAddress start, std::uint64_t length);
  bool accessible_locked(GuestAddress start, std::uint64_t length, int access) const;
  int string_length_locked(GuestAddress from, std::size_t max_length, std::size_t& length) const;

  mutable Lock mutex_;
  std::uint8_t* base_;
  std::map<std::uint64_t, Region> regions_;  // by start; never overlapping
};

}  // namespace syscompat::translators

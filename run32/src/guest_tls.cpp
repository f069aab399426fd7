#include "guest_tls.hpp"

#include <asm/ldt.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <mutex>

#include "syscompat/abi/catalog.hpp"
#include "syscompat/abi/x86_segments.hpp"

namespace syscompat::run32 {

namespace {

using translators::GuestAddress;

static_assert(sizeof(user_desc) == sizeof(abi::user_desc<abi::I386>));

// An x86_64 kernel's GDT TLS entries as an i386 task sees them, and the LDT's size
// (asm/ldt.h).
constexpr std::uint32_t tls_min = abi::x86::gdt_entry_tls_min,
                        tls_entries = abi::x86::gdt_entry_tls_entries;
constexpr int ldt_size = LDT_ENTRIES;

// The LDT entries backing the guest's TLS entries, shared by the threads that inherited one
// (users), taken from index 255 down, then from the top of the LDT down to 256 (a guest's own
// modify_ldt usually starts at 0). Below 256 first because musl's i386 __clone computes the
// entry number as %gs >> 3 and then sets only %al to the syscall number: a selector whose
// index needs more than 8 bits turns clone into syscall (index & ~0xff) | 120.
constexpr int musl_safe_slots = 256;
struct Slot {
  int users = 0;
  std::uint32_t entry = 0;  // which TLS entry, 0 to 2
  user_desc descriptor{};
};
std::mutex slots_lock;
std::array<Slot, ldt_size> slots;

// This thread's TLS entries: the LDT index behind each, or -1.
__thread int thread_slots[tls_entries] __attribute__((tls_model("initial-exec"))) = {-1, -1, -1};

std::uint16_t ldt_selector(int slot) {
  return static_cast<std::uint16_t>((slot << 3) | 4 | 3);
}
std::uint16_t current_gs() {
  std::uint16_t selector;
  asm volatile("mov %%gs, %0" : "=r"(selector));
  return selector;
}
void load_gs(std::uint16_t selector) {
  asm volatile("mov %0, %%gs" : : "r"(selector));
}

// asm/desc.h's LDT_empty and LDT_zero: descriptors that clear an entry.
bool clears(const user_desc& d) {
  const bool zero = !d.base_addr && !d.limit && !d.contents && !d.read_exec_only && !d.seg_32bit &&
                    !d.limit_in_pages && !d.seg_not_present && !d.useable;
  const bool empty = !d.base_addr && !d.limit && !d.contents && d.read_exec_only && !d.seg_32bit &&
                     !d.limit_in_pages && d.seg_not_present && !d.useable;
  return zero || empty;
}

// arch/x86/kernel/tls.c tls_desc_okay: 32-bit, present data segments only.
bool acceptable(const user_desc& d) {
  return clears(d) || (d.seg_32bit && d.contents <= 1 && !d.seg_not_present);
}

// The TLS entry a guest names: 12 to 14, or an LDT index the shim handed out (what clone
// gets from %gs >> 3). Under slots_lock.
int entry_of(std::uint32_t number) {
  if (number >= tls_min && number < tls_min + tls_entries)
    return static_cast<int>(number - tls_min);
  if (number < ldt_size && slots[number].users > 0) return static_cast<int>(slots[number].entry);
  return -1;
}

void drop(int slot) {
  if (slot >= 0) --slots[slot].users;
}

// An LDT entry for TLS entry `entry`: `slot`, or a free one (-1). The slot, or -errno.
// Under slots_lock.
int write_slot(int slot, std::uint32_t entry, user_desc descriptor) {
  if (slot < 0) {
    for (int candidate = musl_safe_slots - 1; candidate >= 0 && slot < 0; --candidate)
      if (slots[candidate].users == 0) slot = candidate;
    for (int candidate = ldt_size - 1; candidate >= musl_safe_slots && slot < 0; --candidate)
      if (slots[candidate].users == 0) slot = candidate;
    if (slot < 0) return -ESRCH;
  }
  descriptor.entry_number = static_cast<unsigned>(slot);
  descriptor.lm = 0;
  if (::syscall(SYS_modify_ldt, 0x11, &descriptor, sizeof descriptor) == -1) return -errno;
  if (slots[slot].users == 0) slots[slot].users = 1;
  slots[slot].entry = entry;
  slots[slot].descriptor = descriptor;
  return slot;
}

// set_tls_desc for this thread's entry; a shared LDT entry is copied first. Under slots_lock.
int write_entry(int entry, const user_desc& descriptor) {
  const int old = thread_slots[entry];
  const bool reload = old >= 0 && current_gs() == ldt_selector(old);
  if (clears(descriptor)) {
    drop(old);
    thread_slots[entry] = -1;
    return 0;
  }
  const bool shared = old >= 0 && slots[old].users > 1;
  const int slot = write_slot(shared ? -1 : old, static_cast<std::uint32_t>(entry), descriptor);
  if (slot < 0) return slot;
  if (slot != old) drop(old);
  thread_slots[entry] = slot;
  // do_set_thread_area refreshes a segment register that holds the entry's selector.
  if (reload) load_gs(ldt_selector(slot));
  return 0;
}

// do_set_thread_area(p, idx, u_info, can_allocate) for this thread.
std::int32_t set_area(translators::GuestMemory& memory, GuestAddress address, bool can_allocate) {
  user_desc descriptor;
  if (memory.copy_in(&descriptor, address, sizeof descriptor)) return -EFAULT;
  if (!acceptable(descriptor)) return -EINVAL;
  std::lock_guard lock(slots_lock);
  int entry = -1;
  if (descriptor.entry_number == ~0u) {
    if (!can_allocate) return -EINVAL;
    for (std::uint32_t e = 0; e < tls_entries && entry < 0; ++e)
      if (thread_slots[e] < 0) entry = static_cast<int>(e);
    if (entry < 0) return -ESRCH;
    const std::uint32_t number = tls_min + static_cast<std::uint32_t>(entry);
    if (memory.copy_out(address, &number, sizeof number)) return -EFAULT;
  } else {
    entry = entry_of(descriptor.entry_number);
    if (entry < 0) return -EINVAL;
  }
  return write_entry(entry, descriptor);
}

}  // namespace

std::int32_t guest_set_thread_area(translators::GuestMemory& memory, GuestAddress descriptor) {
  return set_area(memory, descriptor, true);
}

std::int32_t guest_get_thread_area(translators::GuestMemory& memory, GuestAddress address) {
  std::uint32_t number;
  if (memory.copy_in(&number, address, sizeof number)) return -EFAULT;
  user_desc descriptor{};
  {
    std::lock_guard lock(slots_lock);
    const int entry = entry_of(number);
    if (entry < 0) return -EINVAL;
    if (const int slot = thread_slots[entry]; slot >= 0) {
      descriptor = slots[slot].descriptor;
    } else {  // fill_user_desc of an empty descriptor
      descriptor.read_exec_only = 1;
      descriptor.seg_not_present = 1;
    }
  }
  descriptor.entry_number = number;
  descriptor.lm = 0;
  return memory.copy_out(address, &descriptor, sizeof descriptor) ? -EFAULT : 0;
}

std::int32_t guest_tls_prepare_child(translators::GuestMemory& memory, GuestAddress tls,
                                     GuestTlsStart& start) {
  start.gs = current_gs();
  user_desc descriptor{};
  int entry = -1;
  if (tls) {
    if (memory.copy_in(&descriptor, tls, sizeof descriptor)) return -EFAULT;
    if (descriptor.entry_number == ~0u || !acceptable(descriptor)) return -EINVAL;
  }
  std::lock_guard lock(slots_lock);
  if (tls && (entry = entry_of(descriptor.entry_number)) < 0) return -EINVAL;
  for (std::uint32_t e = 0; e < tls_entries; ++e) {
    start.slots[e] = thread_slots[e];
    if (start.slots[e] >= 0) ++slots[start.slots[e]].users;
  }
  if (entry < 0) return 0;
  // The child's entry, written here (the LDT is the process's): a slot of its own.
  const int inherited = start.slots[entry];
  start.slots[entry] = -1;
  drop(inherited);
  if (!clears(descriptor)) {
    const int slot = write_slot(-1, static_cast<std::uint32_t>(entry), descriptor);
    if (slot < 0) {
      for (const int held : start.slots) drop(held);
      return slot;
    }
    start.slots[entry] = slot;
  }
  // The child's %gs names its own entry where the creator's named the creator's.
  if (inherited >= 0 && start.gs == ldt_selector(inherited))
    start.gs = start.slots[entry] >= 0 ? ldt_selector(start.slots[entry]) : 0;
  return 0;
}

void guest_tls_abandon_child(const GuestTlsStart& start) {
  std::lock_guard lock(slots_lock);
  for (const int slot : start.slots) drop(slot);
}

void guest_tls_start_thread(const GuestTlsStart& start) {
  for (std::uint32_t e = 0; e < tls_entries; ++e) thread_slots[e] = start.slots[e];
  load_gs(start.gs);
}

std::int32_t guest_tls_set_child(translators::GuestMemory& memory, GuestAddress tls) {
  return set_area(memory, tls, false);
}

void guest_tls_end_thread() {
  std::lock_guard lock(slots_lock);
  for (int& slot : thread_slots) {
    drop(slot);
    slot = -1;
  }
}

bool serve_tls_selector_fault(const translators::GuestMemory& memory, ucontext_t& context) {
  auto& g = context.uc_mcontext.gregs;
  // #GP (13) or #NP (11) with the selector as the error code: GDT, not external.
  if (g[REG_TRAPNO] != 13 && g[REG_TRAPNO] != 11) return false;
  const auto error = static_cast<std::uint32_t>(g[REG_ERR]);
  if (error & 7) return false;
  const std::uint32_t index = (error & 0xffff) >> 3;
  if (index < tls_min || index >= tls_min + tls_entries) return false;
  const int slot = thread_slots[index - tls_min];
  if (slot < 0) return false;  // an entry never set faults natively too
  // The instruction: prefixes, then 8E /5 (mov r/m16, %gs) or 0F A9 (pop %gs).
  std::uint8_t code[15] = {};
  const auto eip = static_cast<GuestAddress>(g[REG_RIP]);
  std::size_t have = 0;
  while (have < sizeof code && memory.copy_in(&code[have], eip + have, 1) == 0) ++have;
  std::size_t at = 0;
  bool operand16 = false;
  for (; at < 4 && at < have; ++at) {
    const std::uint8_t b = code[at];
    if (b == 0x66)
      operand16 = true;
    else if (b != 0x26 && b != 0x2e && b != 0x36 && b != 0x3e && b != 0x64 && b != 0x65)
      break;
  }
  std::size_t length = 0, popped = 0;
  if (at + 1 < have && code[at] == 0x8e && ((code[at + 1] >> 3) & 7) == 5) {
    // The ModRM operand's length, 32-bit addressing.
    const std::uint8_t modrm = code[at + 1], mod = modrm >> 6, rm = modrm & 7;
    length = at + 2;
    if (mod != 3) {
      if (rm == 4) {
        if (at + 2 >= have) return false;
        if (mod == 0 && (code[at + 2] & 7) == 5) length += 4;
        ++length;
      }
      if (mod == 0 && rm == 5) length += 4;
      if (mod == 1) length += 1;
      if (mod == 2) length += 4;
    }
  } else if (at + 1 < have && code[at] == 0x0f && code[at + 1] == 0xa9) {
    length = at + 2;
    popped = operand16 ? 2 : 4;
  } else {
    return false;
  }
  if (length > have) return false;
  load_gs(ldt_selector(slot));
  g[REG_RIP] = static_cast<greg_t>(eip + length);
  if (popped) g[REG_RSP] = static_cast<greg_t>(static_cast<std::uint32_t>(g[REG_RSP] + popped));
  return true;
}

}  // namespace syscompat::run32

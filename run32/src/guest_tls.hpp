// The guest's TLS entries (set_thread_area, get_thread_area, clone's CLONE_SETTLS) without the
// i386 entry (DESIGN.md, "No IA32 syscall from the shim"). x86_64's own set_thread_area is
// ENOSYS, and the kernel's GDT TLS slots cannot be written from 64-bit code, so each entry a
// guest thread sets lives in an LDT entry of its own (modify_ldt), while the guest sees the
// numbers an i386 task on an x86_64 kernel sees: GDT_ENTRY_TLS_MIN 12 to 14, per thread.
//
// i386 glibc and musl load the selector they compute from the number, (n << 3) | 3: a GDT
// selector whose slot the shim never filled, so the load faults (#GP with the selector as the
// error code). The shim's SIGSEGV handler recognizes that fault on `mov r/m16, %gs` and
// `pop %gs`, loads the LDT selector of the thread's entry instead and steps past the
// instruction. From then on the guest's %gs holds the LDT selector: glibc's and musl's clone
// name the entry as %gs >> 3 (the LDT index), which the shim takes as the entry it backs.
// %fs is left out: the shim keeps its own FS base while it runs (mode_switch.S), and neither
// libc uses %fs on i386.
#pragma once

#include <ucontext.h>

#include <cstdint>

#include "syscompat/translators/guest_memory.hpp"

namespace syscompat::run32 {

// do_set_thread_area(current, -1, u_info, 1) and do_get_thread_area for the calling thread.
std::int32_t guest_set_thread_area(translators::GuestMemory& memory,
                                   translators::GuestAddress descriptor);
std::int32_t guest_get_thread_area(translators::GuestMemory& memory,
                                   translators::GuestAddress descriptor);

// A new guest thread's entries, made ready by its creator: copy_thread copies the creator's
// TLS array (the LDT entries behind it shared), then do_set_thread_area(p, -1, tls, 0) for
// CLONE_SETTLS, in an LDT entry of the child's own. The creator's %gs goes with them.
struct GuestTlsStart {
  int slots[3] = {-1, -1, -1};
  std::uint16_t gs = 0;
};
// In the creator, before the child exists (tls 0: no CLONE_SETTLS): 0, or clone's -errno
// for a descriptor the kernel refuses (nothing held then).
std::int32_t guest_tls_prepare_child(translators::GuestMemory& memory,
                                     translators::GuestAddress tls, GuestTlsStart& start);
// The child never started: what was prepared for it let go.
void guest_tls_abandon_child(const GuestTlsStart& start);
// In the child, first thing: the entries become the calling thread's and %gs is loaded (the
// creator's selector, or the child's own entry behind it).
void guest_tls_start_thread(const GuestTlsStart& start);
// CLONE_SETTLS in the child of a fork (the same thread, in a copy of the process).
std::int32_t guest_tls_set_child(translators::GuestMemory& memory, translators::GuestAddress tls);
// A guest thread ending (or its helper, once a child on this memory has left it): its LDT
// entries free again once no thread uses them.
void guest_tls_end_thread();

// The guest's load of an entry's GDT selector (the fault above): served, and true; false
// for any other fault, which is the guest's.
bool serve_tls_selector_fault(const translators::GuestMemory& memory, ucontext_t& context);

}  // namespace syscompat::run32

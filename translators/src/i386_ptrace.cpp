// ptrace for an i386 tracer, as the x86_64 kernel serves one (arch/x86/kernel/ptrace.c's
// ia32_arch_ptrace, kernel/ptrace.c's compat_ptrace_request), each request made of the native
// ones a 64-bit tracer has.
//
// Served: process control (TRACEME, ATTACH, SEIZE, DETACH, KILL, CONT, SYSCALL, SINGLESTEP,
// INTERRUPT, LISTEN, SETOPTIONS), the tracee's memory in 32-bit words (PEEK/POKE TEXT and
// DATA), GETEVENTMSG, GETSIGINFO/SETSIGINFO, the TLS entries, the general registers
// (GETREGS/SETREGS), the user area (PEEKUSR/POKEUSR: getreg32/putreg32 of struct user32),
// the FPU (GETFPREGS/SETFPREGS in the i387 fsave format, GETFPXREGS/SETFPXREGS as the fxsave
// image), the regsets (GETREGSET/SETREGSET through a compat_iovec: ptrace_regset, which
// takes the tracee's view, not the tracer's), GET_SYSCALL_INFO and GET_RSEQ_CONFIGURATION,
// as the kernel gives a 32-bit tracer of any tracee. A tracee under run32 stopped while the
// shim serves one of its calls has its i386 registers in the shim, not in those: the tracer
// then sees the shim's, as a native i386 tracer of it would (docs/run32.md).
// Other requests answer EIO, the kernel's answer to a request it does not know; of those the
// kernel does know, PEEKSIGINFO, GETSIGMASK/SETSIGMASK, SYSEMU, the seccomp filter dump, the
// syscall user dispatch configuration and SET_SYSCALL_INFO (6.16) are not built (README,
// "Not yet").
#include "i386_ptrace.hpp"

#include <elf.h>
#include <sys/ptrace.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <memory>

#include "i386_special.hpp"
#include "syscompat/abi/catalog.hpp"
#include "syscompat/abi/x86_segments.hpp"
#include "syscompat/translators/convert.hpp"
#include "syscompat/translators/guest_memory.hpp"
#include "syscompat/translators/siginfo.hpp"

namespace syscompat::translators::i386_ptrace {

namespace {

using abi::I386;
using abi::X86_64;
using i386_special::native;

using RegsI386 = abi::user_regs_struct<I386>;        // user_regs_struct32
using RegsNative = abi::user_regs_struct<X86_64>;    // user_regs_struct
using UserI386 = abi::user_area<I386>;               // struct user32
using UserNative = abi::user_area<X86_64>;           // struct user
using FpregsI386 = abi::user_fpregs_struct<I386>;    // user_i387_ia32_struct
using Fxsave = abi::user_fpregs_struct<X86_64>;      // user_i387_struct, the fxsave image
using FpxregsI386 = abi::user_fpxregs_struct<I386>;  // user32_fxsr_struct

static_assert(sizeof(FpxregsI386) == sizeof(Fxsave),
              "user32_fxsr_struct and user_i387_struct are one fxsave image");
static_assert(sizeof(RegsI386) == RegsI386::field_names.size() * sizeof(std::uint32_t) &&
                  sizeof(RegsNative) == RegsNative::field_names.size() * sizeof(std::uint64_t),
              "one word per register");

template <class T>
std::uint64_t address(T& object) {
  return reinterpret_cast<std::uint64_t>(&object);
}

template <class T>
std::int32_t result(T value) {
  return static_cast<std::int32_t>(value);
}

// ---- the tracee's memory -----------------------------------------------------------------

// A 32-bit tracee's address space ends at IA32_PAGE_OFFSET (TASK_SIZE of a compat task):
// nothing of it lies above, so access_process_vm finds nothing there (EIO). A tracee under
// run32 has its shim's memory there instead, which a guest must not reach.
constexpr std::uint64_t compat_task_size = i386_task_size;

// Four bytes of the tracee at `address`, from the native 8-byte peek that covers them
// (from four bytes earlier where the 8 bytes would cross into the next page).
long peek_word(std::uint64_t pid, std::uint64_t at, std::uint32_t& word, std::uint64_t& base) {
  if (at > compat_task_size - sizeof word) return -EIO;
  base = (at & 0xfff) > 0xff8 ? at - 4 : at;
  std::uint64_t data = 0;
  const long error = native<"ptrace">(PTRACE_PEEKDATA, pid, base, address(data));
  if (error < 0) return error;
  std::memcpy(&word, reinterpret_cast<const char*>(&data) + (at - base), sizeof word);
  return 0;
}

// ---- the general registers ---------------------------------------------------------------

// Where each register of the i386 struct lives in x86_64's: the one its member rule names
// (abi/.../structs/process.hpp, getreg32's R32 and SEG32 cases).
constexpr std::uint64_t native_offset(std::string_view native_member) {
  return detail::present_member_index<RegsNative>(native_member) * sizeof(std::uint64_t);
}
constexpr std::array native_register_offsets = [] {
  std::array<std::uint64_t, RegsI386::field_names.size()> offsets{};
  for (std::size_t i = 0; i < offsets.size(); ++i) {
    const abi::MemberRule rule = detail::member_rule<RegsI386>(RegsI386::field_names[i]);
    offsets[i] = native_offset(rule.from.empty() ? RegsI386::field_names[i] : rule.from);
  }
  return offsets;
}();
constexpr std::uint32_t register_index(std::string_view member) {
  return static_cast<std::uint32_t>(detail::present_member_index<RegsI386>(member));
}
constexpr std::uint32_t fs_index = register_index("xfs"), gs_index = register_index("xgs");
constexpr std::uint64_t fs_base_offset = native_offset("fs_base"),
                        gs_base_offset = native_offset("gs_base");

// putreg32 of each register the guest's struct has: the native register its member rule
// names takes the 32 bits zero-extended (R32's `regs->q = value`, SEG32's set_segment_reg);
// r8-r15 and the segment bases keep the tracee's own.
void put_registers32(const RegsI386& guest, RegsNative& registers) {
  const auto from = boost::pfr::structure_tie(const_cast<RegsI386&>(guest));
  auto to = boost::pfr::structure_tie(registers);
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          constexpr abi::MemberRule rule = detail::member_rule<RegsI386>(RegsI386::field_names[I]);
          constexpr std::size_t at = detail::present_member_index<RegsNative>(
              rule.from.empty() ? RegsI386::field_names[I] : rule.from);
          static_assert(at != static_cast<std::size_t>(-1), "an i386 register x86_64 lacks");
          std::get<at>(to).set(static_cast<std::uint32_t>(std::get<I>(from).get()));
        }(),
        ...);
  }
  (std::make_index_sequence<RegsI386::field_names.size()>{});
}

// putreg32 writing FS or GS also sets its base to the one the selector's descriptor gives
// (x86_fsgsbase_read_task): a GDT TLS entry's (read with PTRACE_GET_THREAD_AREA), 0 for
// any other GDT selector. An LDT one's descriptor is in the tracee's LDT, which no call
// shows another process: its base stays the tracee's own, the descriptor's as long as the
// tracee loaded that selector (a tracer that switches it to another LDT entry is not
// served).
std::uint64_t segment_base(std::uint64_t pid, std::uint64_t selector, std::uint64_t current) {
  const std::uint32_t index = abi::x86::selector_index(static_cast<std::uint32_t>(selector));
  if (abi::x86::selector_in_ldt(static_cast<std::uint32_t>(selector))) return current;
  if (index < abi::x86::gdt_entry_tls_min ||
      index >= abi::x86::gdt_entry_tls_min + abi::x86::gdt_entry_tls_entries)
    return 0;
  abi::user_desc<I386> entry{};
  if (native<"ptrace">(PTRACE_GET_THREAD_AREA, pid, index, address(entry)) < 0) return 0;
  return entry.base_addr.get();
}

// invalid_selector: a selector other than null must have the user privilege level.
constexpr bool invalid_selector(std::uint16_t selector) {
  return selector != 0 && (selector & 3) != 3;
}

// ---- the user area (struct user32, asm/user32.h) -----------------------------------------

// The debug registers, u_debugreg[0..7]: getreg32 and putreg32 take any offset from the
// first to the last one's (aligned or not) as register (offset - first) / 4.
constexpr std::uint32_t debugreg_first = offsetof(UserI386, u_debugreg);
constexpr std::uint32_t debugreg_last = debugreg_first + 7 * sizeof(std::uint32_t);
constexpr std::uint32_t user32_size = sizeof(UserI386);
// ptrace_get_debugreg/ptrace_set_debugreg's register n, for the native PEEKUSR/POKEUSR.
constexpr std::uint64_t native_debugreg(std::uint32_t offset) {
  return offsetof(UserNative, u_debugreg) + (offset - debugreg_first) / 4 * sizeof(std::uint64_t);
}

// getreg32: the word of struct user32 at `regno`.
long getreg32(std::uint64_t pid, std::uint32_t regno, std::uint32_t& value) {
  RegsNative registers{};
  // first, as ptrace_check_attach comes first: ESRCH for a process that is not a stopped
  // tracee of ours
  if (long error = native<"ptrace">(PTRACE_GETREGS, pid, 0, address(registers)); error < 0)
    return error;
  if (regno < sizeof(RegsI386) && regno % 4 == 0) {  // R32 and SEG32: the low 32 bits
    RegsI386 guest{};
    convert(registers, guest, Narrowing::as_kernel);
    std::memcpy(&value, reinterpret_cast<const char*>(&guest) + regno, sizeof value);
    return 0;
  }
  if (regno >= debugreg_first && regno <= debugreg_last) {
    std::uint64_t word = 0;
    if (long error = native<"ptrace">(PTRACE_PEEKUSER, pid, native_debugreg(regno), address(word));
        error < 0)
      return error;
    value = static_cast<std::uint32_t>(word);
    return 0;
  }
  // the kernel's test is `regno > sizeof(struct user32)`: the offset just past it reads 0
  if (regno > user32_size || regno % 4) return -EIO;
  value = 0;  // the other (dummy) fields of the virtual user structure
  return 0;
}

// putreg32: the word of struct user32 at `regno` set.
long putreg32(std::uint64_t pid, std::uint32_t regno, std::uint32_t value) {
  RegsNative registers{};
  if (long error = native<"ptrace">(PTRACE_GETREGS, pid, 0, address(registers)); error < 0)
    return error;
  if (regno < sizeof(RegsI386) && regno % 4 == 0) {
    const std::uint32_t index = regno / 4;
    if (index == fs_index || index == gs_index) {
      // set_segment_reg, then the base the selector's descriptor gives. The base goes
      // first: the native base write (do_arch_prctl_64) clears the selector.
      const auto selector = static_cast<std::uint16_t>(value);
      if (invalid_selector(selector)) return -EIO;
      const bool fs = index == fs_index;
      const std::uint64_t base =
          segment_base(pid, selector, fs ? registers.fs_base.get() : registers.gs_base.get());
      if (long error =
              native<"ptrace">(PTRACE_POKEUSER, pid, fs ? fs_base_offset : gs_base_offset, base);
          error < 0)
        return error;
      return native<"ptrace">(PTRACE_POKEUSER, pid, native_register_offsets[index], selector);
    }
    // R32's zero-extension; set_segment_reg and set_flags are the native putreg's own.
    // (orig_eax: the kernel also marks a compat tracee's registers poked, TS_I386_REGS_POKED,
    // which no native request can.)
    return native<"ptrace">(PTRACE_POKEUSER, pid, native_register_offsets[index],
                            std::uint64_t{value});
  }
  if (regno >= debugreg_first && regno <= debugreg_last)
    return native<"ptrace">(PTRACE_POKEUSER, pid, native_debugreg(regno), std::uint64_t{value});
  if (regno > user32_size || regno % 4) return -EIO;
  return 0;  // the other fields are ignored
}

// ---- the FPU (arch/x86/kernel/fpu/regset.c) ----------------------------------------------

// An x87 register in the fxsave image: 16 bytes, of which the first 10 are the register.
struct X87Register {
  std::uint16_t significand[4];
  std::uint16_t exponent;
};
constexpr std::size_t x87_bytes = 10, fxsave_register_bytes = 16;

X87Register x87_register(const Fxsave& fx, std::uint32_t n) {
  X87Register reg{};
  std::memcpy(&reg,
              reinterpret_cast<const unsigned char*>(&fx.st_space) + n * fxsave_register_bytes,
              x87_bytes);
  return reg;
}

// twd_fxsr_to_i387: the full tag word from fxsave's abridged one, each register not empty
// tagged by its exponent and integer bit (valid 0, zero 1, special 2, empty 3).
std::uint32_t twd_fxsr_to_i387(const Fxsave& fx) {
  const std::uint32_t top = (fx.swd.get() >> 11) & 7;
  std::uint32_t abridged = fx.ftw.get();
  std::uint32_t twd = 0xffff0000u;
  for (std::uint32_t i = 0; i < 8; ++i, abridged >>= 1) {
    std::uint32_t tag = 3;
    if (abridged & 1) {
      const X87Register st = x87_register(fx, (i - top) & 7);
      switch (st.exponent & 0x7fff) {
        case 0x7fff:
          tag = 2;
          break;
        case 0:
          tag = st.significand[0] || st.significand[1] || st.significand[2] || st.significand[3]
                    ? 2
                    : 1;
          break;
        default:
          tag = st.significand[3] & 0x8000 ? 0 : 2;
      }
    }
    twd |= tag << (2 * i);
  }
  return twd;
}

// twd_i387_to_fxsr: each register's two tag bits to one, 0 for empty.
std::uint16_t twd_i387_to_fxsr(std::uint16_t twd) {
  std::uint32_t tmp = ~std::uint32_t{twd};
  tmp = (tmp | (tmp >> 1)) & 0x5555;
  tmp = (tmp | (tmp >> 1)) & 0x3333;
  tmp = (tmp | (tmp >> 2)) & 0x0f0f;
  tmp = (tmp | (tmp >> 4)) & 0x00ff;
  return static_cast<std::uint16_t>(tmp);
}

// __convert_from_fxsr as a 64-bit kernel has it: the instruction and operand offsets are
// rip's and rdp's low halves, the selectors the tracee's cs and ds ("not available in 64bit
// mode").
FpregsI386 convert_from_fxsr(const Fxsave& fx, const RegsNative& registers) {
  FpregsI386 env{};
  auto set = [](auto& member, std::uint32_t value) {
    member.set(static_cast<std::int32_t>(value));
  };
  set(env.cwd, fx.cwd.get() | 0xffff0000u);
  set(env.swd, fx.swd.get() | 0xffff0000u);
  set(env.twd, twd_fxsr_to_i387(fx));
  set(env.fip, static_cast<std::uint32_t>(fx.rip.get()));
  set(env.foo, static_cast<std::uint32_t>(fx.rdp.get()));
  set(env.fcs, static_cast<std::uint32_t>(registers.cs.get()));
  set(env.fos, static_cast<std::uint32_t>(registers.ds.get()) | 0xffff0000u);
  for (std::uint32_t i = 0; i < 8; ++i)
    std::memcpy(reinterpret_cast<unsigned char*>(&env.st_space) + i * x87_bytes,
                reinterpret_cast<const unsigned char*>(&fx.st_space) + i * fxsave_register_bytes,
                x87_bytes);
  return env;
}

// convert_to_fxsr as a 64-bit kernel has it: fop from fcs's upper half, rip and rdp from
// fip and foo; the selectors are ignored, mxcsr and the SSE registers kept.
void convert_to_fxsr(const FpregsI386& env, Fxsave& fx) {
  auto word = [](const auto& member) { return static_cast<std::uint32_t>(member.get()); };
  fx.cwd.set(static_cast<std::uint16_t>(word(env.cwd)));
  fx.swd.set(static_cast<std::uint16_t>(word(env.swd)));
  fx.ftw.set(twd_i387_to_fxsr(static_cast<std::uint16_t>(word(env.twd))));
  fx.fop.set(static_cast<std::uint16_t>(word(env.fcs) >> 16));
  fx.rip.set(word(env.fip));
  fx.rdp.set(word(env.foo));
  for (std::uint32_t i = 0; i < 8; ++i)
    std::memcpy(reinterpret_cast<unsigned char*>(&fx.st_space) + i * fxsave_register_bytes,
                reinterpret_cast<const unsigned char*>(&env.st_space) + i * x87_bytes, x87_bytes);
}

// xfpregs_set clears xmm8..15 for a 32-bit caller (in_ia32_syscall()), which has none.
void clear_upper_xmm(Fxsave& fx) {
  constexpr std::size_t xmm_bytes = 16;
  std::memset(reinterpret_cast<unsigned char*>(&fx.xmm_space) + 8 * xmm_bytes, 0, 8 * xmm_bytes);
}

// ---- the regsets (kernel/ptrace.c's ptrace_regset) ---------------------------------------

// ptrace_regset takes the regsets of the tracee's view, task_user_regset_view(task): x86_64's
// for a tracee stopped in 64-bit code (user_64bit_mode: CS is __USER_CS), user_x86_32_view
// for one in 32-bit code, whichever the tracer is. A native request from here reaches the
// same view and the same regset functions (genregs32_get is getreg32's, fpregs_get
// convert_from_fxsr's, for a 32-bit tracee); what a 32-bit tracer changes is its iovec
// (compat_iovec) and, on a write, xfpregs_set's clearing of xmm8-15 for an in_ia32_syscall()
// caller.
bool stopped_in_64bit_code(std::uint64_t pid) {
  RegsNative registers{};
  return native<"ptrace">(PTRACE_GETREGS, pid, 0, address(registers)) == 0 &&
         registers.cs.get() == abi::x86::user_cs;
}

// The regsets' data goes through a buffer of ours, as the kernel reads and writes only as
// much of the guest's as the regset has (iov_len clamped to n * size), which nothing here
// knows before it asks. Every regset fits in 64 KiB (the largest, NT_X86_XSTATE, is
// fpu_user_cfg.max_size, under 12 KiB with AMX's tiles; NT_386_IOPERM is 8 KiB). A longer
// guest length reaches the kernel as that room plus its remainder modulo 16, the largest
// element (user_desc), so ptrace_regset's `iov_len % size` test answers as it would.
constexpr std::uint64_t regset_room = 64 * 1024;
constexpr std::uint64_t largest_regset_element = sizeof(abi::user_desc<I386>);

struct RegsetBuffer {
  explicit RegsetBuffer(std::uint32_t guest_length)
      : length(guest_length <= regset_room ? guest_length
                                           : regset_room + guest_length % largest_regset_element),
        bytes(std::make_unique<unsigned char[]>(length)) {}
  // the native iovec over the first `used` bytes
  abi::iovec<X86_64> iovec(std::uint64_t used) const {
    abi::iovec<X86_64> native_iovec{};
    native_iovec.iov_base.set(reinterpret_cast<std::uint64_t>(bytes.get()));
    native_iovec.iov_len.set(used);
    return native_iovec;
  }
  std::uint64_t length;
  std::unique_ptr<unsigned char[]> bytes;
};

// compat_ptrace_request's PTRACE_GETREGSET and PTRACE_SETREGSET: the compat_iovec read, then
// ptrace_regset, then the length it used written back (__put_user of kiov.iov_len).
long regset(const GuestMemory& memory, std::int32_t request, std::uint64_t pid, std::uint64_t type,
            std::uint64_t iovec_at) {
  const auto guest_iovec = static_cast<GuestAddress>(iovec_at);
  abi::iovec<I386> iov{};
  // ptrace_check_attach first (ESRCH), then the iovec: a native request on an address
  // every access faults on answers both in that order
  if (memory.copy_in(&iov, guest_iovec, sizeof iov))
    return native<"ptrace">(static_cast<std::uint32_t>(request), pid, type, poisoned_pointer);
  const std::uint32_t guest_length = iov.iov_len.get();
  const auto data = static_cast<GuestAddress>(iov.iov_base.get());
  RegsetBuffer buffer(guest_length);
  // ptrace_regset's test and clamp: the native request on the whole buffer (for a write, a
  // read of the regset, whose test and clamp are the same) gives the length the kernel uses
  auto native_iovec = buffer.iovec(buffer.length);
  long error = native<"ptrace">(PTRACE_GETREGSET, pid, type, address(native_iovec));
  if (error < 0 && (request == PTRACE_GETREGSET || error == -EINVAL)) return error;
  if (error < 0) {
    // a regset that cannot be read now (NT_386_IOPERM without an I/O bitmap) may still be
    // written, or not (it has no set): the kernel answers for itself, reading guest data
    // from an address every access faults on
    native_iovec.iov_base.set(poisoned_pointer);
    return native<"ptrace">(PTRACE_SETREGSET, pid, type, address(native_iovec));
  }
  const std::uint64_t used = native_iovec.iov_len.get();
  if (used == buffer.length && buffer.length < guest_length)
    return -EIO;  // a regset larger than regset_room: not served (none is)
  if (request == PTRACE_GETREGSET) {
    // copy_to_user: the bytes up to the first fault, then EFAULT
    const std::uint64_t writable = memory.accessible_length(data, used, GuestMemory::writable);
    memory.copy_out(data, buffer.bytes.get(), writable);
    if (writable < used) return -EFAULT;
  } else {
    // the regset's bytes; from guest memory that is not all readable, an address every
    // access faults on, so the set's own tests answer first (xfpregs_set's EINVAL for a
    // partial image). (The kernel's set may store some registers before it reaches a
    // fault, genregs32_set's one by one; this stores none.)
    native_iovec = buffer.iovec(used);
    if (memory.copy_in(buffer.bytes.get(), data, used)) native_iovec.iov_base.set(poisoned_pointer);
    if ((error = native<"ptrace">(PTRACE_SETREGSET, pid, type, address(native_iovec))) < 0)
      return error;
    // xfpregs_set: NT_PRXFPREG of user_x86_32_view, NT_PRFPREG of x86_64's
    if (type == NT_PRXFPREG || (type == NT_PRFPREG && stopped_in_64bit_code(pid))) {
      Fxsave fx{};
      if ((error = native<"ptrace">(PTRACE_GETFPREGS, pid, 0, address(fx))) < 0) return error;
      clear_upper_xmm(fx);
      if ((error = native<"ptrace">(PTRACE_SETFPREGS, pid, 0, address(fx))) < 0) return error;
    }
  }
  const auto length = static_cast<std::uint32_t>(used);
  return memory.copy_out(guest_iovec + offsetof(abi::iovec<I386>, iov_len), &length, sizeof length)
             ? -EFAULT
             : 0;
}

// ptrace_get_syscall_info and ptrace_get_rseq_configuration: the struct (one layout for
// every tracer, abi/.../structs/process.hpp) filled by the kernel, min(its size, the
// caller's) bytes of it copied out, its size the result. What a later kernel's struct has
// past the described one is not passed on.
template <class Answer>
long sized_answer(const GuestMemory& memory, std::int32_t request, std::uint64_t pid,
                  std::uint64_t size, std::uint64_t at) {
  Answer answer{};
  const long full = native<"ptrace">(static_cast<std::uint32_t>(request), pid,
                                     std::min<std::uint64_t>(size, sizeof answer), address(answer));
  if (full < 0) return full;
  const std::uint64_t bytes =
      std::min({static_cast<std::uint64_t>(full), size, std::uint64_t{sizeof answer}});
  const auto guest = static_cast<GuestAddress>(at);
  const std::uint64_t writable = memory.accessible_length(guest, bytes, GuestMemory::writable);
  memory.copy_out(guest, &answer, writable);
  return writable < bytes ? -EFAULT : full;
}

}  // namespace

std::int32_t translate(const GuestMemory& memory, std::span<const abi::ArgValue> a) {
  const auto request = static_cast<std::int32_t>(a[0].value);
  const std::uint64_t pid = a[1].value, at = a[2].value, data = a[3].value;
  auto copy_out = [&](const auto& value) {
    return memory.copy_out(static_cast<GuestAddress>(data), &value, sizeof value) ? -EFAULT : 0;
  };
  auto copy_in = [&](auto& value) {
    return memory.copy_in(&value, static_cast<GuestAddress>(data), sizeof value) ? -EFAULT : 0;
  };
  switch (request) {
    case PTRACE_TRACEME:
    case PTRACE_ATTACH:
    case PTRACE_SEIZE:
    case PTRACE_DETACH:
    case PTRACE_KILL:
    case PTRACE_CONT:
    case PTRACE_SYSCALL:
    case PTRACE_SINGLESTEP:
    case PTRACE_INTERRUPT:
    case PTRACE_LISTEN:
    case PTRACE_SETOPTIONS:
      return result(native<"ptrace">(static_cast<std::uint32_t>(request), pid, at, data));
    case PTRACE_PEEKTEXT:
    case PTRACE_PEEKDATA: {
      std::uint32_t word;
      std::uint64_t base;
      if (long error = peek_word(pid, at, word, base); error < 0) return result(error);
      return copy_out(word);
    }
    case PTRACE_POKETEXT:
    case PTRACE_POKEDATA: {
      std::uint32_t word;
      std::uint64_t base;
      if (long error = peek_word(pid, at, word, base); error < 0) return result(error);
      std::uint64_t wide = 0;
      if (long error = native<"ptrace">(PTRACE_PEEKDATA, pid, base, address(wide)); error < 0)
        return result(error);
      const auto value = static_cast<std::uint32_t>(data);
      std::memcpy(reinterpret_cast<char*>(&wide) + (at - base), &value, sizeof value);
      return result(native<"ptrace">(static_cast<std::uint32_t>(request), pid, base, wide));
    }
    case PTRACE_PEEKUSER: {  // getreg32, then put_user of the word
      std::uint32_t value = 0;
      if (long error = getreg32(pid, static_cast<std::uint32_t>(at), value); error < 0)
        return result(error);
      return copy_out(value);
    }
    case PTRACE_POKEUSER:
      return result(
          putreg32(pid, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(data)));
    case PTRACE_GETEVENTMSG: {  // a compat_ulong_t
      std::uint64_t message = 0;
      if (long error = native<"ptrace">(PTRACE_GETEVENTMSG, pid, 0, address(message)); error < 0)
        return result(error);
      return copy_out(static_cast<std::uint32_t>(message));
    }
    case PTRACE_GETSIGINFO: {
      abi::siginfo<X86_64> info{};
      if (long error = native<"ptrace">(PTRACE_GETSIGINFO, pid, 0, address(info)); error < 0)
        return result(error);
      return copy_out(siginfo_to_i386(info));
    }
    case PTRACE_SETSIGINFO: {
      abi::siginfo<I386> guest{};
      if (copy_in(guest)) return -EFAULT;
      auto info = siginfo_from_i386(guest);
      return result(native<"ptrace">(PTRACE_SETSIGINFO, pid, 0, address(info)));
    }
    case PTRACE_GETREGS: {  // genregs32_get: getreg32 of each, the native registers' low bits
      RegsNative registers{};
      if (long error = native<"ptrace">(PTRACE_GETREGS, pid, 0, address(registers)); error < 0)
        return result(error);
      RegsI386 guest{};
      convert(registers, guest, Narrowing::as_kernel);
      return copy_out(guest);
    }
    case PTRACE_SETREGS: {  // genregs32_set: putreg32 of each over the tracee's own registers
      RegsNative registers{};
      if (long error = native<"ptrace">(PTRACE_GETREGS, pid, 0, address(registers)); error < 0)
        return result(error);
      RegsI386 guest{};
      if (copy_in(guest)) return -EFAULT;
      put_registers32(guest, registers);
      registers.fs_base.set(segment_base(pid, registers.fs.get(), registers.fs_base.get()));
      registers.gs_base.set(segment_base(pid, registers.gs.get(), registers.gs_base.get()));
      return result(native<"ptrace">(PTRACE_SETREGS, pid, 0, address(registers)));
    }
    case PTRACE_GETFPREGS: {  // fpregs_get: the fxsave image converted (convert_from_fxsr)
      Fxsave fx{};
      RegsNative registers{};
      if (long error = native<"ptrace">(PTRACE_GETFPREGS, pid, 0, address(fx)); error < 0)
        return result(error);
      if (long error = native<"ptrace">(PTRACE_GETREGS, pid, 0, address(registers)); error < 0)
        return result(error);
      return copy_out(convert_from_fxsr(fx, registers));
    }
    case PTRACE_SETFPREGS: {  // fpregs_set: convert_to_fxsr over the tracee's image
      Fxsave fx{};
      if (long error = native<"ptrace">(PTRACE_GETFPREGS, pid, 0, address(fx)); error < 0)
        return result(error);
      FpregsI386 env{};
      if (copy_in(env)) return -EFAULT;
      convert_to_fxsr(env, fx);
      return result(native<"ptrace">(PTRACE_SETFPREGS, pid, 0, address(fx)));
    }
    case PTRACE_GETFPXREGS: {  // xfpregs_get: the fxsave image as it is
      Fxsave fx{};
      if (long error = native<"ptrace">(PTRACE_GETFPREGS, pid, 0, address(fx)); error < 0)
        return result(error);
      return copy_out(fx);
    }
    case PTRACE_SETFPXREGS: {  // xfpregs_set: the image (mxcsr checked natively), xmm8-15 0
      Fxsave fx{};
      if (long error = native<"ptrace">(PTRACE_GETFPREGS, pid, 0, address(fx)); error < 0)
        return result(error);
      if (copy_in(fx)) return -EFAULT;
      clear_upper_xmm(fx);
      return result(native<"ptrace">(PTRACE_SETFPREGS, pid, 0, address(fx)));
    }
    case PTRACE_GET_THREAD_AREA:
    case PTRACE_SET_THREAD_AREA:  // user_desc: one layout on both sides
    {
      // a guest range the kernel may touch, or an address every access faults on
      const auto guest = static_cast<GuestAddress>(data);
      const std::uint64_t entry = !data ? 0
                                  : memory.accessible(guest, sizeof(abi::user_desc<I386>),
                                                      GuestMemory::readable | GuestMemory::writable)
                                      ? reinterpret_cast<std::uint64_t>(memory.host(guest))
                                      : poisoned_pointer;
      return result(native<"ptrace">(static_cast<std::uint32_t>(request), pid, at, entry));
    }
    case PTRACE_GETREGSET:
    case PTRACE_SETREGSET:
      return result(regset(memory, request, pid, at, data));
    case PTRACE_GET_SYSCALL_INFO:
      return result(sized_answer<abi::ptrace_syscall_info<X86_64>>(memory, request, pid, at, data));
    case PTRACE_GET_RSEQ_CONFIGURATION:
      return result(
          sized_answer<abi::ptrace_rseq_configuration<X86_64>>(memory, request, pid, at, data));
    default:
      return -EIO;
  }
}

}  // namespace syscompat::translators::i386_ptrace

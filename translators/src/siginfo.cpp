#include "syscompat/translators/siginfo.hpp"

#include <cstring>

#include "syscompat/abi/siginfo_layout.hpp"
#include "syscompat/translators/convert.hpp"

namespace syscompat::translators {

namespace {

using abi::I386;
using abi::SiginfoLayout;
using abi::X86_64;

// One member of the _sifields union, read as its described struct.
template <class Member, class Union>
Member member_of(const Union& fields, std::size_t offset = 0) {
  Member member{};
  std::memcpy(&member, fields.bytes + offset, sizeof member);
  return member;
}
template <class Member, class Union>
void set_member(Union& fields, const Member& member, std::size_t offset = 0) {
  std::memcpy(fields.bytes + offset, &member, sizeof member);
}

// Moves the live member from one model's union to the other's. The compat copies assign
// member by member, so a value too wide for the narrower model keeps its low bits (a C
// assignment), never fails.
template <template <class> class Member, class To, class From, class ToUnion, class FromUnion>
void move_member(const FromUnion& from, ToUnion& to, std::size_t from_offset = 0,
                 std::size_t to_offset = 0) {
  Member<To> converted{};
  convert(member_of<Member<From>>(from, from_offset), converted, Narrowing::truncate);
  set_member(to, converted, to_offset);
}

template <class To, class From>
void move_fields(const abi::siginfo<From>& from, abi::siginfo<To>& to) {
  to.si_signo.set(from.si_signo.get());
  to.si_errno.set(from.si_errno.get());
  to.si_code.set(from.si_code.get());
  const auto& in = from._sifields;
  auto& out = to._sifields;
  // _sigfault's inner union follows si_addr, one pointer in.
  constexpr std::size_t from_inner = sizeof(typename From::ptr),
                        to_inner = sizeof(typename To::ptr);
  // si_addr: ptr_to_compat / compat_ptr (the rest of _sigfault's size differs by model).
  auto fault_address = [&] {
    typename To::ptr address;
    address.set(static_cast<typename To::ptr::repr>(member_of<typename From::ptr>(in).get()));
    set_member(out, address);
  };
  switch (abi::siginfo_layout(from.si_signo.get(), from.si_code.get())) {
    case SiginfoLayout::kill:
      move_member<abi::siginfo_kill, To, From>(in, out);
      break;
    case SiginfoLayout::timer: {
      move_member<abi::siginfo_timer, To, From>(in, out);
      // si_sys_private is the kernel's own: the compat copy leaves it zero.
      auto timer = member_of<abi::siginfo_timer<To>>(out);
      timer._sys_private.set(0);
      set_member(out, timer);
      break;
    }
    case SiginfoLayout::poll:
      move_member<abi::siginfo_sigpoll, To, From>(in, out);
      break;
    case SiginfoLayout::fault:
      fault_address();
      break;
    case SiginfoLayout::fault_mceerr: {
      fault_address();
      const auto lsb = member_of<typename From::c_short>(in, from_inner);
      typename To::c_short converted;
      converted.set(lsb.get());
      set_member(out, converted, to_inner);
      break;
    }
    case SiginfoLayout::fault_bnderr:
      fault_address();
      move_member<abi::siginfo_addr_bnd, To, From>(in, out, from_inner, to_inner);
      break;
    case SiginfoLayout::fault_pkuerr:
      fault_address();
      move_member<abi::siginfo_addr_pkey, To, From>(in, out, from_inner, to_inner);
      break;
    case SiginfoLayout::fault_perf:
      fault_address();
      move_member<abi::siginfo_perf, To, From>(in, out, from_inner, to_inner);
      break;
    case SiginfoLayout::chld:
      move_member<abi::siginfo_sigchld, To, From>(in, out);
      break;
    case SiginfoLayout::rt:
      move_member<abi::siginfo_rt, To, From>(in, out);
      break;
    case SiginfoLayout::sys:
      move_member<abi::siginfo_sigsys, To, From>(in, out);
      break;
  }
}

}  // namespace

abi::siginfo<I386> siginfo_to_i386(const abi::siginfo<X86_64>& native) {
  abi::siginfo<I386> guest{};
  move_fields(native, guest);
  return guest;
}

abi::siginfo<X86_64> siginfo_from_i386(const abi::siginfo<I386>& guest) {
  abi::siginfo<X86_64> native{};
  move_fields(guest, native);
  return native;
}

abi::sigevent<X86_64> sigevent_from_i386(const abi::sigevent<I386>& guest) {
  abi::sigevent<X86_64> native{};
  detail::convert_member(guest.sigev_value, native.sigev_value, Narrowing::truncate);  // sival_int
  native.sigev_signo.set(guest.sigev_signo.get());
  native.sigev_notify.set(guest.sigev_notify.get());
  // _sigev_un: only its int _tid (SIGEV_THREAD_ID) is read; the compat _pad array is
  // longer than the native one, so the union converts through that member by hand.
  const auto tid = member_of<typename I386::c_int>(guest._sigev_un);
  std::memset(native._sigev_un.bytes, 0, sizeof native._sigev_un.bytes);
  typename X86_64::c_int native_tid;
  native_tid.set(tid.get());
  set_member(native._sigev_un, native_tid);
  return native;
}

}  // namespace syscompat::translators

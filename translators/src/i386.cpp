#include "syscompat/translators/i386.hpp"

#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>

#include "i386_hooks.hpp"
#include "i386_large_files.hpp"
#include "i386_special.hpp"
#include "syscompat/abi/syscall_args.hpp"
#include "syscompat/abi/syscall_rows.hpp"
#include "syscompat/translators/native_call.h"
#include "syscompat/translators/struct_converters.hpp"

namespace syscompat::translators {

using abi::Abi;
using abi::ArgForm;
using abi::ArgScalar;

std::string_view handling_name(Handling handling) {
  switch (handling) {
    case Handling::generic:
      return "generic";
    case Handling::special:
      return "special";
    case Handling::hook:
      return "hook";
    case Handling::refused:
      return "refused";
  }
  return "?";
}

namespace {

using i386_special::poisoned_pointer;

std::uint64_t read_guest_scalar(const std::uint8_t* bytes, std::size_t size, bool is_signed) {
  std::uint64_t value = 0;
  std::memcpy(&value, bytes, size);  // both little-endian
  if (is_signed && size < 8 && (value >> (8 * size - 1)) & 1)
    value |= ~std::uint64_t{0} << (8 * size);
  return value;
}

bool fits(std::uint64_t value, std::size_t size, bool is_signed) {
  if (size >= 8) return true;
  const unsigned bits = static_cast<unsigned>(8 * size);
  if (is_signed) {
    const auto v = static_cast<std::int64_t>(value);
    return v >= -(std::int64_t{1} << (bits - 1)) && v < (std::int64_t{1} << (bits - 1));
  }
  return value < (std::uint64_t{1} << bits);
}

// One pointer argument carried across: what the native call gets, and what to copy back.
// A byte buffer that lives on the stack when small, as almost every struct argument is.
class ScratchBytes {
 public:
  void assign(std::size_t size) {
    size_ = size;
    if (size > small_.size())
      large_.assign(size, 0);
    else
      std::memset(small_.data(), 0, size);
  }
  std::uint8_t* data() { return size_ > small_.size() ? large_.data() : small_.data(); }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  alignas(16) std::array<std::uint8_t, 512> small_;  // aligned: structs are built in it
  std::vector<std::uint8_t> large_;
  std::size_t size_ = 0;
};

struct Carried {
  std::uint64_t native_value = 0;
  ScratchBytes buffer;  // the native-layout copy, when layouts differ
  std::size_t elements = 0;
  const StructConverter* converter = nullptr;
  std::size_t guest_element = 0, native_element = 0;
  bool is_signed = false;
  bool truncated = false;  // a scalar the kernel cuts instead of refusing
};

}  // namespace

std::int32_t I386Translator::translate(std::uint32_t number,
                                       const std::array<std::uint32_t, 6>& registers) {
  // The last guard of "the shim never dies of what a guest asks": no guest-sized allocation
  // is made unbounded (counts are checked against the guest's memory first), and one the
  // host cannot satisfy is the kernel's answer to the same, ENOMEM.
  try {
    // Files the guest opened without O_LARGEFILE change a few calls (i386_large_files.hpp).
    if (i386_large_files::any()) [[unlikely]] {
      std::array<std::uint32_t, 6> cut = registers;
      if (auto answer = i386_large_files::filter(memory_, number, cut)) return *answer;
      return translate_checked(number, cut);
    }
    return translate_checked(number, registers);
  } catch (const std::bad_alloc&) {
    return -ENOMEM;
  }
}

std::int32_t I386Translator::translate_checked(std::uint32_t number,
                                               const std::array<std::uint32_t, 6>& registers) {
  const CallPlan* plan = i386_plan(number);
  if (!plan) return -ENOSYS;
  if (plan->handling == Handling::special) {
    if (i386_hooks::is_ipc_shmat(*plan->guest, registers[0]))
      return hooks_ ? i386_hooks::ipc_shmat(memory_, *hooks_, registers) : -ENOSYS;
    const auto owner_optional = i386_hooks::owner_optional[number];
    const auto special = i386_special::handlers[number];
    if (!special && !owner_optional) return -ENOSYS;
    const std::array<std::uint64_t, 6> wide{registers[0], registers[1], registers[2],
                                            registers[3], registers[4], registers[5]};
    const auto args = abi::decode_args(*plan->guest, wide);
    return owner_optional ? owner_optional(memory_, hooks_, args) : special(memory_, args);
  }
  if (plan->handling == Handling::hook) {
    if (!hooks_) return -ENOSYS;
    const auto hook = i386_hooks::handlers[number];
    const auto refusal = i386_hooks::refusals[number];
    if (hook || refusal) {
      const std::array<std::uint64_t, 6> wide{registers[0], registers[1], registers[2],
                                              registers[3], registers[4], registers[5]};
      const auto args = abi::decode_args(*plan->guest, wide);
      if (hook) return hook(memory_, *hooks_, args);
      if (std::int32_t error = refusal(memory_, args)) return error;
    }
    return hooks_->owner_call(*plan, registers);
  }
  if (plan->handling != Handling::generic) return -ENOSYS;
  return translate_generic(memory_, *plan, registers);
}

bool plan_served(const CallPlan& plan) {
  switch (plan.handling) {
    case Handling::generic:
    case Handling::hook:
      return true;
    case Handling::special:
      return plan.guest->number < i386_special::handlers.size() &&
             (i386_special::handlers[plan.guest->number] ||
              i386_hooks::owner_optional[plan.guest->number]);
    case Handling::refused:
      return false;
  }
  return false;
}

std::int32_t translate_planned(const GuestMemory& memory, const CallPlan& plan,
                               const std::array<std::uint32_t, 6>& registers) {
  // An i386 call is served as its number is; one i386 reaches only through socketcall has
  // no number of its own and goes the generic way.
  if (i386_plan(plan.guest->number) == &plan)
    return I386Translator(memory).translate(plan.guest->number, registers);
  return translate_generic(memory, plan, registers);
}

std::int32_t translate_named(const GuestMemory& memory, std::string_view name,
                             const std::array<std::uint32_t, 6>& registers) {
  const CallPlan* plan = find_named_plan(name);
  return plan ? translate_planned(memory, *plan, registers) : -ENOSYS;
}

namespace {
// The sleeps that write the time left when a signal interrupts them: hrtimer_nanosleep's
// nanosleep_copyout, for nanosleep and a relative clock_nanosleep (an absolute one answers
// ERESTARTNOHAND and leaves rmtp alone).
bool writes_remaining_time(const abi::Syscall& native, const std::array<std::uint64_t, 6>& args) {
  constexpr std::uint32_t nanosleep = abi::syscall_number(Abi::x86_64, "nanosleep"),
                          clock_nanosleep = abi::syscall_number(Abi::x86_64, "clock_nanosleep");
  return native.number == nanosleep ||
         (native.number == clock_nanosleep && !(args[1] & TIMER_ABSTIME));
}
}  // namespace

std::int32_t translate_generic(const GuestMemory& memory_, const CallPlan& call_plan,
                               const std::array<std::uint32_t, 6>& registers) {
  const CallPlan* plan = &call_plan;
  const abi::Syscall& guest = *plan->guest;
  const abi::Syscall& native = *plan->native;
  const std::array<std::uint64_t, 6> wide{registers[0], registers[1], registers[2],
                                          registers[3], registers[4], registers[5]};
  const auto values = abi::decode_args(guest, wide);
  if (plan->values_only) {
    std::array<long, 6> native_args{};
    for (std::size_t i = 0; i < values.size(); ++i)
      native_args[i] = static_cast<long>(values[i].value);
    // eax is the low half of what the native call returned, as on the kernel's compat path
    // (a call not made answers SYSCOMPAT_NATIVE_CALL_NOT_MADE, which fits).
    return static_cast<std::int32_t>(
        syscompat_native_call(static_cast<long>(native.number), native_args[0], native_args[1],
                              native_args[2], native_args[3], native_args[4], native_args[5]));
  }
  auto value_of = [&](const abi::ArgCount& count) -> std::uint64_t {
    return count.index < values.size() ? values[count.index].value : 0;
  };

  std::array<std::uint64_t, 6> native_args{};
  std::array<Carried, 6> carried;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const abi::SyscallArg& g = guest.signature.args[i];
    const abi::SyscallArg& n = native.signature.args[i];
    const std::uint64_t value = values[i].value;
    Carried& c = carried[i];
    c.native_value = value;
    if (g.form == ArgForm::string) {
      std::size_t ignored = 0;
      // The kernel checks the length itself; what matters is that every byte up to the
      // NUL is the guest's (scanned in place: no copy, no allocation on every path call).
      if (value &&
          memory_.string_length(static_cast<GuestAddress>(value), 1 << 20, ignored) == EFAULT)
        c.native_value = poisoned_pointer;
      else if (value)
        c.native_value =
            reinterpret_cast<std::uint64_t>(memory_.host(static_cast<GuestAddress>(value)));
    } else if (g.form == ArgForm::pointer && value != 0) {
      std::size_t elements = 1;
      switch (g.count.kind) {
        case abi::ArgCount::Kind::one:
          break;
        case abi::ArgCount::Kind::fixed:
          elements = g.count.fixed;
          break;
        case abi::ArgCount::Kind::argument:
          elements = static_cast<std::size_t>(value_of(g.count));
          break;
        case abi::ArgCount::Kind::pointee: {
          const std::uint64_t where = value_of(g.count);
          std::uint32_t count = 0;
          if (where && memory_.copy_in(&count, static_cast<GuestAddress>(where), sizeof count) == 0)
            elements = count;
          break;
        }
      }
      if (g.struct_name.empty()) {
        c.guest_element =
            g.scalar == ArgScalar::char_ ? 1 : abi::arg_scalar_size(g.scalar, Abi::i386);
        c.native_element =
            n.scalar == ArgScalar::char_ ? 1 : abi::arg_scalar_size(n.scalar, Abi::x86_64);
        c.is_signed = abi::arg_scalar_signed(g.scalar);
        c.truncated = abi::arg_scalar_truncated(g.scalar);
      } else {
        c.converter = plan->converters[i];
        c.guest_element = c.converter->guest_size;
        c.native_element = c.converter->native_size;
      }
      const int access =
          (g.dir == abi::ArgDir::in ? GuestMemory::readable : 0) |
          (g.dir == abi::ArgDir::out ? GuestMemory::writable : 0) |
          (g.dir == abi::ArgDir::inout ? GuestMemory::readable | GuestMemory::writable : 0);
      // A count from the guest may be anything: one past what 4 GB can hold is unreachable
      // memory (EFAULT where the kernel gets that far), never an allocation of its size.
      const bool countable =
          c.guest_element == 0 || elements <= (std::uint64_t{1} << 32) / c.guest_element;
      const std::uint64_t guest_bytes = countable ? std::uint64_t{elements} * c.guest_element : 0;
      const bool identical =
          c.converter ? c.converter->identical : c.guest_element == c.native_element;
      if (!countable ||
          !memory_.accessible(static_cast<GuestAddress>(value), guest_bytes, access)) {
        c.native_value = poisoned_pointer;
      } else if (identical) {
        c.native_value =
            reinterpret_cast<std::uint64_t>(memory_.host(static_cast<GuestAddress>(value)));
      } else {
        // Converted through a native-layout copy: bounded, as the guest range already is.
        c.elements = elements;
        c.buffer.assign(elements * c.native_element);
        const std::uint8_t* from = memory_.host(static_cast<GuestAddress>(value));
        if (g.dir != abi::ArgDir::out) {
          ScratchBytes aligned;  // guest pointers need not be aligned; C++ references must be
          aligned.assign(c.guest_element);
          for (std::size_t e = 0; e < elements; ++e) {
            if (c.converter) {
              std::memcpy(aligned.data(), from + e * c.guest_element, c.guest_element);
              if (int error = c.converter->to_native(
                      aligned.data(), c.buffer.data() + e * c.native_element, Narrowing::as_kernel))
                return -error;
            } else {
              const std::uint64_t v =
                  read_guest_scalar(from + e * c.guest_element, c.guest_element, c.is_signed);
              std::memcpy(c.buffer.data() + e * c.native_element, &v, c.native_element);
            }
          }
        }
        c.native_value = reinterpret_cast<std::uint64_t>(c.buffer.data());
      }
    }
    native_args[i] = c.native_value;
  }

  long result =
      syscompat_native_call(static_cast<long>(native.number), static_cast<long>(native_args[0]),
                            static_cast<long>(native_args[1]), static_cast<long>(native_args[2]),
                            static_cast<long>(native_args[3]), static_cast<long>(native_args[4]),
                            static_cast<long>(native_args[5]));
  if (result == SYSCOMPAT_NATIVE_CALL_NOT_MADE) return static_cast<std::int32_t>(result);
  if (result < 0 && result >= -4095) {
    if (result != -EINTR || !writes_remaining_time(native, native_args))
      return static_cast<std::int32_t>(result);
    // -EINTR, and the remaining time goes back to the guest as on success
  }

  // Copy back what the call wrote into native-layout copies.
  for (std::size_t i = 0; i < values.size(); ++i) {
    const abi::SyscallArg& g = guest.signature.args[i];
    Carried& c = carried[i];
    if (c.buffer.empty() || g.dir == abi::ArgDir::in) continue;
    std::uint8_t* to = memory_.host(static_cast<GuestAddress>(values[i].value));
    // Converted whole before anything is written: a value that does not fit leaves the
    // guest's buffer as it was, as the kernel's copy of a whole struct does.
    ScratchBytes converted;
    converted.assign(c.elements * c.guest_element);
    std::memcpy(converted.data(), to, converted.size());
    for (std::size_t e = 0; e < c.elements; ++e) {
      if (c.converter) {
        if (int error =
                c.converter->to_guest(c.buffer.data() + e * c.native_element,
                                      converted.data() + e * c.guest_element, Narrowing::as_kernel))
          return -error;
      } else {
        std::uint64_t v = 0;
        std::memcpy(&v, c.buffer.data() + e * c.native_element, c.native_element);
        if (!c.truncated && !fits(v, c.guest_element, c.is_signed)) return -EOVERFLOW;
        std::memcpy(converted.data() + e * c.guest_element, &v, c.guest_element);
      }
    }
    std::memcpy(to, converted.data(), converted.size());
  }
  // eax is the low half of what the native call returned, as on the kernel's compat path.
  return static_cast<std::int32_t>(result);
}

}  // namespace syscompat::translators

// The flag of native_call.h: set by a runner's signal handler, cleared when it delivers.
__thread volatile std::uint8_t syscompat_signal_waiting __attribute__((tls_model("initial-exec"))) =
    0;

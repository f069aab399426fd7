#include "syscompat/translators/struct_converters.hpp"

#include <vector>

#include "syscompat/abi/catalog.hpp"
#include "syscompat/abi/layout.hpp"
#include "syscompat/abi/reflect.hpp"

namespace syscompat::translators {

namespace {

using Native = abi::X86_64;

bool same_layout(const abi::StructLayout& a, const abi::StructLayout& b) {
  if (a.size != b.size || a.fields.size() != b.fields.size()) return false;
  for (std::size_t i = 0; i < a.fields.size(); ++i) {
    const auto &x = a.fields[i], &y = b.fields[i];
    if (x.name != y.name || x.offset != y.offset || x.size != y.size || x.kind != y.kind ||
        x.is_signed != y.is_signed || x.type != y.type)
      return false;
  }
  return true;
}

template <class Guest, class Host>
StructConverter make_converter(abi::Abi abi) {
  const auto guest_layout = abi::struct_layout_of<Guest>(abi);
  const auto native_layout = abi::struct_layout_of<Host>(abi::Abi::x86_64);
  return {Guest::description_name,
          Host::description_name,
          sizeof(Guest),
          sizeof(Host),
          same_layout(guest_layout, native_layout),
          [](const void* guest, void* native, Narrowing policy) {
            return convert(*static_cast<const Guest*>(guest), *static_cast<Host*>(native), policy);
          },
          [](const void* native, void* guest, Narrowing policy) {
            return convert(*static_cast<const Host*>(native), *static_cast<Guest*>(guest), policy,
                           abi::kernel_writes_members_only<Guest>);
          }};
}

template <class M>
std::vector<StructConverter> build(abi::Abi abi) {
  std::vector<StructConverter> converters;
  // Every entry both ABIs have converts into itself.
#define SYSCOMPAT_ADD(entry)                                                                 \
  if constexpr (abi::is_present_v<abi::entry<M>> && abi::is_present_v<abi::entry<Native>>) { \
    if constexpr (convertible_v<abi::entry<M>, abi::entry<Native>>)                          \
      converters.push_back(make_converter<abi::entry<M>, abi::entry<Native>>(abi));          \
  }
  SYSCOMPAT_ALL_STRUCTS(SYSCOMPAT_ADD)
#undef SYSCOMPAT_ADD
  // Where the 32-bit ABI has its own struct for what the native call fills in: the kernel's
  // compat code converts between exactly these.
  if constexpr (abi::is_present_v<abi::stat64<M>>)
    converters.push_back(make_converter<abi::stat64<M>, abi::stat<Native>>(abi));  // cp_new_stat64
  if constexpr (abi::is_present_v<abi::statfs64<M>>)
    converters.push_back(
        make_converter<abi::statfs64<M>, abi::statfs<Native>>(abi));  // put_compat_statfs64
  if constexpr (abi::is_present_v<abi::old_kernel_stat<M>>)
    converters.push_back(make_converter<abi::old_kernel_stat<M>, abi::stat<Native>>(abi));
  if constexpr (abi::is_present_v<abi::flock64<M>>)
    converters.push_back(make_converter<abi::flock64<M>, abi::flock<Native>>(abi));
  // The time64 calls pass 64-bit times, which x86_64's own structs already are.
  converters.push_back(make_converter<abi::timespec64<M>, abi::timespec<Native>>(abi));
  converters.push_back(make_converter<abi::itimerspec64<M>, abi::itimerspec<Native>>(abi));
  converters.push_back(make_converter<abi::kernel_timex<M>, abi::timex<Native>>(abi));
  return converters;
}

const std::vector<StructConverter>& converters(abi::Abi abi) {
  static const std::vector<StructConverter> i386 = build<abi::I386>(abi::Abi::i386);
  static const std::vector<StructConverter> none;
  return abi == abi::Abi::i386 ? i386 : none;
}

}  // namespace

const StructConverter* find_struct_converter(abi::Abi guest, std::string_view guest_name,
                                             std::string_view native_name) {
  for (const auto& converter : converters(guest))
    if (converter.guest_name == guest_name && converter.native_name == native_name)
      return &converter;
  return nullptr;
}

}  // namespace syscompat::translators

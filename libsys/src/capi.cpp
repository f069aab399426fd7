// The C dispatch API (libsys_dispatch.h) over the C++ one (dispatch.hpp): the same slots,
// handlers and probes. A C handler and a C++ HandlerFn take the same two pointers (a
// reference is a pointer in the ABI), and struct libsys_call is Call, checked here.
#include <cstddef>

#include "libsys_dispatch.h"
#include "syscompat/libsys/dispatch.hpp"
#include "syscompat/libsys/fallbacks.hpp"

namespace sys = syscompat::sys;

static_assert(sizeof(libsys_call) == sizeof(sys::Call) &&
              offsetof(libsys_call, nr) == offsetof(sys::Call, nr) &&
              offsetof(libsys_call, args) == offsetof(sys::Call, args));
static_assert(static_cast<int>(LIBSYS_LEVEL_TOP) == static_cast<int>(sys::Level::top) &&
              static_cast<int>(LIBSYS_LEVEL_KERNEL) == static_cast<int>(sys::Level::kernel));

namespace {
const sys::Call& to_cpp(const libsys_call* call) {
  return *reinterpret_cast<const sys::Call*>(call);
}
const sys::Handler* to_cpp(const libsys_handler* handler) {
  return reinterpret_cast<const sys::Handler*>(handler);
}
}  // namespace

extern "C" {

long libsys_dispatch(const libsys_call* call) {
  return sys::dispatch(to_cpp(call));
}

long libsys_raw_syscall(const libsys_call* call) {
  return sys::raw_syscall(to_cpp(call));
}

const libsys_handler* libsys_install_layer(std::uint32_t nr, libsys_handler_fn fn, void* context,
                                           libsys_level level) {
  return reinterpret_cast<const libsys_handler*>(
      sys::install_layer(nr, reinterpret_cast<sys::HandlerFn>(reinterpret_cast<void (*)()>(fn)),
                         context, static_cast<sys::Level>(level)));
}

int libsys_remove_layer(std::uint32_t nr, const libsys_handler* layer, libsys_level level) {
  return sys::remove_layer(nr, to_cpp(layer), static_cast<sys::Level>(level)) ? 1 : 0;
}

long libsys_call_next(const libsys_handler* self, const libsys_call* call) {
  return sys::call_next(*to_cpp(self), to_cpp(call));
}

void* libsys_handler_context(const libsys_handler* self) {
  return to_cpp(self)->context;
}

int libsys_has_fallback(std::uint32_t nr) {
  return sys::find_fallback(nr) != nullptr ? 1 : 0;
}

int libsys_fallback_active(std::uint32_t nr) {
  return sys::fallback_active(nr) ? 1 : 0;
}

void libsys_reset_probe(std::uint32_t nr) {
  sys::reset_probe(nr);
}

}  // extern "C"

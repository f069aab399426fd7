/* libsys's dispatch, layer, errno and pinning API in C (libsys.h includes it; docs/libsys.md).
   Valid C99 and C++. The C++ API (syscompat/libsys/dispatch.hpp) is the same machinery. */
#ifndef LIBSYS_DISPATCH_H
#define LIBSYS_DISPATCH_H

#include <stdint.h>

#define LIBSYS_API __attribute__((visibility("default")))

#ifdef __cplusplus
extern "C" {
#endif

/* One call as it travels through the layers: the x86_64 number and six argument registers. */
struct libsys_call {
  uint32_t nr;
  uint64_t args[6];
};

/* A layer: opaque; libsys_call_next passes a call on to the handler it wraps. */
struct libsys_handler;
/* Returns the kernel's convention: a value, or -errno. */
typedef long (*libsys_handler_fn)(const struct libsys_handler* self,
                                  const struct libsys_call* call);

/* Where a layer goes: on top of what the program calls, or just above the kernel (it then
   sees a probe's failing attempt too). */
enum libsys_level { LIBSYS_LEVEL_TOP = 0, LIBSYS_LEVEL_KERNEL = 1 };

/* The call through its slot (layers, probe, fallback): a value or -errno, errno untouched. */
LIBSYS_API long libsys_dispatch(const struct libsys_call* call);
/* The kernel itself, no slot (what a layer uses for its own I/O). */
LIBSYS_API long libsys_raw_syscall(const struct libsys_call* call);

/* Wraps slot `nr` with `fn`; returns the layer (for libsys_remove_layer) or NULL when `nr`
   is out of range or no memory is left. Layers are never freed. */
LIBSYS_API const struct libsys_handler* libsys_install_layer(uint32_t nr, libsys_handler_fn fn,
                                                             void* context,
                                                             enum libsys_level level);
/* Unwraps `layer` if it is the slot's outermost (layers come off in reverse order): 1, else 0. */
LIBSYS_API int libsys_remove_layer(uint32_t nr, const struct libsys_handler* layer,
                                   enum libsys_level level);
LIBSYS_API long libsys_call_next(const struct libsys_handler* self, const struct libsys_call* call);
LIBSYS_API void* libsys_handler_context(const struct libsys_handler* self);

/* Fallbacks: whether `nr` has one, whether this process switched to it, back to probing. */
LIBSYS_API int libsys_has_fallback(uint32_t nr);
LIBSYS_API int libsys_fallback_active(uint32_t nr);
LIBSYS_API void libsys_reset_probe(uint32_t nr);

/* For a runtime without a libc. libsys_clone starts a thread (or process) as musl's __clone:
   clone(flags, stack, parent_tid, child_tid, tls), and the child runs fn(arg) on `stack`
   (its top) and exits with its result; returns the child's id or -errno. libsys_sigreturn
   is the sa_restorer an x86_64 rt_sigaction with SA_RESTORER (0x04000000) needs. */
LIBSYS_API long libsys_clone(unsigned long flags, void* stack, int* parent_tid, int* child_tid,
                             unsigned long tls, int (*fn)(void*), void* arg);
LIBSYS_API void libsys_sigreturn(void);

/* Pinning (docs/libsys.md): from now on a syscall instruction outside libsys's own text
   raises SIGSYS (Syscall User Dispatch, Linux 5.11), in this thread and the threads and
   children it starts. REPORT names each outside call site once on fd 2 and serves the call;
   DENY names it and fails the call with ENOSYS; OFF disarms this thread and gives the C++
   API's inline calls their fast path back (other threads still pinned would then see those
   as outside calls: OFF is for single-threaded use). Returns 0 or -errno
   (EINVAL for another mode, and the kernel's error where it lacks the feature). The
   environment variable LIBSYS_PIN=report|deny pins a program as libsys.so is loaded. */
enum libsys_pin_mode { LIBSYS_PIN_OFF = 0, LIBSYS_PIN_REPORT = 1, LIBSYS_PIN_DENY = 2 };
LIBSYS_API int libsys_pin(int mode);
LIBSYS_API void libsys_pin_report_fd(int fd);

/* errno of the C API for a program without a libc (with one, its __errno_location is used
   when no location is set). */
LIBSYS_API void libsys_set_errno_location(int* (*location)(void));

#ifdef __cplusplus
}
#endif

#endif

/* The native syscall every translated call makes (translators/src/native_call.S), shared by
   the C++ code and the assembly. A runner that serves signals itself (run32) sets
   syscompat_signal_waiting when a signal comes for the calling thread while the call is being
   translated; the call is then not made and answers SYSCOMPAT_NATIVE_CALL_NOT_MADE, so that
   the runner delivers the signal before the call, as the kernel would have, and makes the
   call again after the handler: a blocking call never starts with a signal waiting for it.
   A signal that comes between the check and the syscall instruction finds its interrupted
   address in [syscompat_native_call_check, syscompat_native_call_syscall] and moves it to
   syscompat_native_call_not_made. */
#ifndef SYSCOMPAT_TRANSLATORS_NATIVE_CALL_H
#define SYSCOMPAT_TRANSLATORS_NATIVE_CALL_H

/* -ERESTARTNOINTR: a value no syscall returns to user space. */
#define SYSCOMPAT_NATIVE_CALL_NOT_MADE (-513)

#ifndef __ASSEMBLER__
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
/* The raw result: the value, or -errno, or SYSCOMPAT_NATIVE_CALL_NOT_MADE. */
long syscompat_native_call(long number, long a, long b, long c, long d, long e, long f);
extern const uint8_t syscompat_native_call_check[], syscompat_native_call_syscall[],
    syscompat_native_call_not_made[];
/* Nonzero while a signal waits for the calling thread's return to its guest. */
extern __thread volatile uint8_t syscompat_signal_waiting __attribute__((tls_model("initial-exec")));
#ifdef __cplusplus
}
#endif
#endif
#endif

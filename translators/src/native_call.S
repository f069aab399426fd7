// long syscompat_native_call(long number, long a, long b, long c, long d, long e, long f):
// the native syscall of a translated call, not made when a signal waits (native_call.h).
#include "syscompat/translators/native_call.h"

        .text
        .globl syscompat_native_call, syscompat_native_call_check
        .globl syscompat_native_call_syscall, syscompat_native_call_not_made
        .type syscompat_native_call, @function
syscompat_native_call:
        mov syscompat_signal_waiting@gottpoff(%rip), %rax
syscompat_native_call_check:             // from here to the syscall: moved to not_made
        cmpb $0, %fs:(%rax)
        jne syscompat_native_call_not_made
        mov %rdi, %rax
        mov %rsi, %rdi
        mov %rdx, %rsi
        mov %rcx, %rdx
        mov %r8, %r10
        mov %r9, %r8
        mov 8(%rsp), %r9
syscompat_native_call_syscall:
        syscall
        ret
syscompat_native_call_not_made:
        mov $SYSCOMPAT_NATIVE_CALL_NOT_MADE, %rax
        ret
        .size syscompat_native_call, . - syscompat_native_call

        .section .note.GNU-stack, "", @progbits

// What a language runtime without a libc needs beyond the entry points: starting a thread
// with clone (the child cannot return through a C function: it has a new, empty stack) and
// the signal return trampoline x86_64's rt_sigaction requires (SA_RESTORER). Both in
// libsys_text, with their syscall instructions: pinning allows exactly this range. As
// musl's __clone and __restore_rt, written in assembly.
#include "libsys_dispatch.h"
#include "syscompat/libsys/dispatch.hpp"
#include "syscompat/libsys/entries.hpp"

namespace syscompat::sys::detail {
// Re-arms pinning in a new thread (the kernel does not copy Syscall User Dispatch into a
// clone child); pin.cpp.
void pin_new_thread();
}  // namespace syscompat::sys::detail

// The child's first C function: pinning first, then the runtime's function, then the
// thread's exit with its result (exit, not exit_group: the other threads go on).
extern "C" __attribute__((visibility("hidden"), noreturn, used)) void libsys_thread_start(
    int (*fn)(void*), void* arg) {
  syscompat::sys::detail::pin_new_thread();
  const int status = fn(arg);
  for (;;)
    syscompat::sys::raw_syscall(
        {syscompat::sys::nr::exit, {static_cast<std::uint64_t>(static_cast<unsigned>(status))}});
}

// The numbers from libsys.h, as text for the assembler.
#define LIBSYS_STRING_OF(x) #x
#define LIBSYS_STRING(x) LIBSYS_STRING_OF(x)

// long libsys_clone(flags, stack, parent_tid, child_tid, tls, fn, arg): rdi, rsi, rdx, rcx,
// r8, r9, and arg on the stack. fn and arg go on the child's stack, which the kernel hands
// it; the parent returns the kernel's answer (the child's id or -errno).
__asm__(R"(
  .pushsection libsys_text, "ax", @progbits
  .globl libsys_clone
  .type libsys_clone, @function
libsys_clone:
  mov 8(%rsp), %rax
  and $-16, %rsi
  sub $16, %rsi
  mov %r9, 0(%rsi)
  mov %rax, 8(%rsi)
  mov %rcx, %r10
  mov $)" LIBSYS_STRING(LIBSYS_NR_clone) R"(, %eax
  syscall
  test %rax, %rax
  jnz 1f
  xor %ebp, %ebp
  pop %rdi
  pop %rsi
  call libsys_thread_start
  hlt
1:
  ret
  .size libsys_clone, . - libsys_clone

  .globl libsys_sigreturn
  .type libsys_sigreturn, @function
libsys_sigreturn:
  mov $)" LIBSYS_STRING(LIBSYS_NR_rt_sigreturn) R"(, %eax
  syscall
  hlt
  .size libsys_sigreturn, . - libsys_sigreturn
  .popsection
)");

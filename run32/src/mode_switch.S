// run32's mode switches between the i386 guest (code segment 0x23, 32-bit) and the shim
// (code segment 0x33, 64-bit), and the shim's own i386 system calls.
//
// The guest reaches the shim through AT_SYSINFO: glibc and musl `call *%gs:0x10` with the
// call number in eax and the arguments in ebx, ecx, edx, esi, edi, ebp, and expect every
// register but eax preserved, as the kernel's __kernel_vsyscall does. The 32-bit part of the
// entry (run32_sysinfo_code .. run32_sysinfo_code_end) is copied to a page of the shim's below
// 4 GB, since a 32-bit far return can only name a 32-bit address; it is position-independent
// and ends in a 64-bit jump to run32_syscall_entry, here in the shim's own text.
//
// The guest's registers travel as struct GuestRegisters (run32/src/guest_registers.hpp): nine
// 64-bit slots eax, ebx, ecx, edx, esi, edi, ebp, esp, eip, then eflags.

#include "syscompat/abi/x86_segments.hpp"
#include "thread_slots.h"

#define GUEST_CODE_SELECTOR SYSCOMPAT_X86_USER32_CS
#define GUEST_DATA_SELECTOR SYSCOMPAT_X86_USER_DS
#define SHIM_CODE_SELECTOR SYSCOMPAT_X86_USER_CS

        .text

// ---- copied below 4 GB ----
        .globl run32_sysinfo_code, run32_sysinfo_code_end, run32_sysinfo_target
        .globl run32_sysinfo_far_offset, run32_sysinfo_64
        .p2align 4
run32_sysinfo_code:
        .code32
        // A direct far jump to our own 64-bit half (ljmp $0x33, $offset): its 32-bit offset
        // is the copy's own address, written when the page is installed.
        .byte 0xea
run32_sysinfo_far_offset:
        .long 0
        .word SHIM_CODE_SELECTOR
        .code64
run32_sysinfo_64:
        jmp *run32_sysinfo_target(%rip)
        .p2align 3
run32_sysinfo_target:
        .quad 0  // run32_syscall_entry, written when the page is installed
run32_sysinfo_code_end:

// ---- the vDSO's __vdso_* functions, copied below 4 GB (vdso_image.hpp: VdsoText::time) ----
// i386 functions (cdecl: arguments on the stack; ebx, esi, edi, ebp kept), mirroring the
// kernel's vdso32 (lib/vdso/gettimeofday.c). Each one pushes ebx, esi and edi, loads its
// arguments into ecx (the clock) and edx (the pointer), eax = which (VdsoFunction, in this
// order), and far-jumps to run32_vdso_time_entry, which asks the host's own vDSO and comes
// back to the function's second half (run32_vdso_return) with the host's answer in
// registers: eax the result, ebx/esi the seconds (low/high), ecx the nanoseconds or
// microseconds, edi/edx struct timezone's two fields. The second half writes the guest's
// memory itself, in 32-bit guest code: a bad pointer faults in the guest, as natively.
// For a clock the host's vDSO does not serve (vdso_served_clocks), eax comes back as the
// i386 syscall's number, ebx the clock and ecx the pointer, and the function makes the
// syscall through __kernel_vsyscall, as the kernel's vdso32 does (clock_gettime32_fallback).
// Position-independent but for the far jump's offset and the call to __kernel_vsyscall,
// both written when the page is installed (syscall_capture.cpp: write_vdso).
        .globl run32_vdso_code, run32_vdso_code_end, run32_vdso_layout
        .globl run32_vdso_far_offset, run32_vdso_64, run32_vdso_target, run32_vdso_vsyscall_call
        .p2align 4
run32_vdso_code:
        .code32
.macro vdso_prologue id, clock_at, pointer_at
        push %ebx
        push %esi
        push %edi
        mov \clock_at(%esp), %ecx
        mov \pointer_at(%esp), %edx
        mov $\id, %eax
        jmp vdso_enter_shim
.endm
// Back from the shim with eax > 0: the syscall; eax < 0: the error.
.macro vdso_not_served
        jg vdso_fallback
        jmp vdso_return
.endm

// int __vdso_clock_gettime(clockid_t clock, struct old_timespec32 *ts): the seconds cut to
// 32 bits, as the kernel's __cvdso_clock_gettime32_data does (no EOVERFLOW).
vdso_clock_gettime:
        vdso_prologue 0, 16, 20
vdso_clock_gettime_back:
        test %eax, %eax
        jnz 1f
        mov 20(%esp), %edx
        mov %ebx, (%edx)
        mov %ecx, 4(%edx)
        jmp vdso_return
1:      vdso_not_served

// int __vdso_clock_gettime64(clockid_t clock, struct __kernel_timespec *ts)
vdso_clock_gettime64:
        vdso_prologue 1, 16, 20
vdso_clock_gettime64_back:
        test %eax, %eax
        jnz 1f
        mov 20(%esp), %edx
        mov %ebx, (%edx)
        mov %esi, 4(%edx)
        mov %ecx, 8(%edx)
        movl $0, 12(%edx)
        jmp vdso_return
1:      vdso_not_served

// int __vdso_clock_getres(clockid_t clock, struct old_timespec32 *res): res may be NULL.
vdso_clock_getres:
        vdso_prologue 2, 16, 20
vdso_clock_getres_back:
        test %eax, %eax
        jnz 1f
        mov 20(%esp), %edx
        test %edx, %edx
        jz vdso_return
        mov %ebx, (%edx)
        mov %ecx, 4(%edx)
        jmp vdso_return
1:      vdso_not_served

// int __vdso_gettimeofday(struct old_timeval32 *tv, struct timezone *tz): either may be NULL.
vdso_gettimeofday:
        vdso_prologue 3, 16, 20
vdso_gettimeofday_back:
        test %eax, %eax
        jnz vdso_return
        mov 16(%esp), %eax
        test %eax, %eax
        jz 1f
        mov %ebx, (%eax)
        mov %ecx, 4(%eax)
1:      mov 20(%esp), %eax
        test %eax, %eax
        jz 2f
        mov %edi, (%eax)
        mov %edx, 4(%eax)
2:      xor %eax, %eax
        jmp vdso_return

// __kernel_old_time_t __vdso_time(__kernel_old_time_t *t): t may be NULL; the host's is
// asked with NULL (ecx = 0), its 64-bit seconds cut to 32 bits as the kernel's do.
vdso_time:
        push %ebx
        push %esi
        push %edi
        xor %ecx, %ecx
        mov $4, %eax
        jmp vdso_enter_shim
vdso_time_back:
        mov 16(%esp), %edx
        test %edx, %edx
        jz vdso_return
        mov %eax, (%edx)
        jmp vdso_return

// long __vdso_getcpu(unsigned *cpu, unsigned *node, void *cache): in 32-bit code, as the
// kernel's vdso32 (vdso_read_cpunode): the limit of the per-CPU GDT entry (__CPUNODE_SEG,
// GDT entry 15 at privilege 3) holds the node above 12 bits of CPU number.
vdso_getcpu:
        mov $0x7b, %eax
        lsl %eax, %eax
        mov 4(%esp), %ecx
        test %ecx, %ecx
        jz 1f
        mov %eax, %edx
        and $0xfff, %edx
        mov %edx, (%ecx)
1:      mov 8(%esp), %ecx
        test %ecx, %ecx
        jz 2f
        shr $12, %eax
        mov %eax, (%ecx)
2:      xor %eax, %eax
        ret
vdso_getcpu_end:

vdso_fallback:                           // eax: the i386 number; ebx, ecx: its arguments
        .byte 0xe8                       // call __kernel_vsyscall (rel32 written at install)
run32_vdso_vsyscall_call:
        .long 0
vdso_return:
        pop %edi
        pop %esi
        pop %ebx
        ret
vdso_enter_shim:                         // ljmp $0x33, $run32_vdso_64 (the copy's address)
        .byte 0xea
run32_vdso_far_offset:
        .long 0
        .word SHIM_CODE_SELECTOR
        .code64
run32_vdso_64:
        jmp *run32_vdso_target(%rip)
        .p2align 3
run32_vdso_target:
        .quad 0  // run32_vdso_time_entry, written when the page is installed
run32_vdso_code_end:

// Per VdsoFunction: the function's start and size in the code above, and where the shim
// resumes it (0 for getcpu, which never leaves 32-bit code).
        .section .rodata
        .p2align 2
run32_vdso_layout:
        .long vdso_clock_gettime - run32_vdso_code, vdso_clock_gettime64 - vdso_clock_gettime
        .long vdso_clock_gettime_back - run32_vdso_code
        .long vdso_clock_gettime64 - run32_vdso_code, vdso_clock_getres - vdso_clock_gettime64
        .long vdso_clock_gettime64_back - run32_vdso_code
        .long vdso_clock_getres - run32_vdso_code, vdso_gettimeofday - vdso_clock_getres
        .long vdso_clock_getres_back - run32_vdso_code
        .long vdso_gettimeofday - run32_vdso_code, vdso_time - vdso_gettimeofday
        .long vdso_gettimeofday_back - run32_vdso_code
        .long vdso_time - run32_vdso_code, vdso_getcpu - vdso_time
        .long vdso_time_back - run32_vdso_code
        .long vdso_getcpu - run32_vdso_code, vdso_getcpu_end - vdso_getcpu, 0
        .text

// ---- the shim side ----
// Per thread (one host thread per guest thread), in the shim's TLS (threads.cpp):
// run32_shim_stack, the top of the 64-bit stack the entry runs on, and syscompat_signal_waiting.
// Reaching them needs the thread's own FS base, which the guest may have replaced.
        .data
        .globl run32_have_fsgsbase, run32_arch_prctl, run32_gettid
run32_arch_prctl:  // x86_64 arch_prctl's number, from the description (without FSGSBASE)
        .long 0
run32_gettid:  // x86_64 gettid's number, from the description
        .long 0
run32_have_fsgsbase:  // whether rdfsbase/wrfsbase may be used (AT_HWCAP2's FSGSBASE)
        .byte 0

        .text
        .code64

// The guest may load %fs (glibc and musl do not; Wine and setcontext do), which sets the FS
// base from its descriptor, and the kernel keeps that base when the guest enters the shim;
// the shim's C++ reaches its thread-local data (errno, the stack protector, the per-thread
// state of threads.cpp) through FS. So on every way in the FS base is made the thread's own
// again. With FSGSBASE the test is the base itself: a descriptor holds a 32-bit base, and
// every host thread's FS base is above 4 GB (checked when it starts), so a base below 4 GB
// is the guest's (a null selector load clears it on CPUs with NULL_SEL_CLR_BASE). Without
// FSGSBASE, every way in, null selector or not (the base cannot be read without a syscall
// either). Then swap_in_shim_fsbase finds the thread's base by its tid.
// Out: r12 = 0 when FS was the shim's, else 0x10000 | the guest's %fs selector; r13 = the
// guest's FS base (with FSGSBASE). Uses r10 and the flags; a stack only on the slow path.
.macro enter_shim_fs
        mov %fs, %r12d
        and $0xffff, %r12d
        cmpb $0, run32_have_fsgsbase(%rip)
        je 71f
        rdfsbase %r13
        mov %r13, %r10
        shr $32, %r10
        jnz 79f
        jmp 72f
71:     test %r12d, %r12d
        jnz 72f
        // A null selector the guest loaded (setcontext) may have cleared the base (Intel,
        // AMD with NullSelectorClearsBase), and without FSGSBASE the base cannot be read:
        // put it back, with r12 = 0 (nothing of the guest's to restore).
        call swap_in_shim_fsbase
        jmp 78f
72:     or $0x10000, %r12d
        call swap_in_shim_fsbase
        jmp 78f
79:     xor %r12d, %r12d
78:
.endm

// The way out, from what enter_shim_fs left in r12 and r13: the guest's base back (with
// FSGSBASE) or its selector reloaded (without: arch_prctl cleared the selector).
.macro leave_shim_fs
        test %r12d, %r12d
        jz 9f
        cmpb $0, run32_have_fsgsbase(%rip)
        je 7f
        wrfsbase %r13
        jmp 9f
7:      mov %r12d, %fs
9:
.endm

// r8 = the address of this thread's syscompat_signal_waiting (the shim's FS base in place).
.macro signals_waiting_address
        mov syscompat_signal_waiting@gottpoff(%rip), %r8
        add %fs:0, %r8
.endm

// The FS base := this thread's own, found in run32_thread_fsbases by gettid (open
// addressing: the slot tid & mask, then the next ones). Keeps every register but the flags.
        .type swap_in_shim_fsbase, @function
swap_in_shim_fsbase:
        push %rax
        push %rcx
        push %rdx
        push %rsi
        push %rdi
        push %r11
        push %r10
        mov run32_gettid(%rip), %eax
        syscall
        lea run32_thread_fsbases(%rip), %rcx
        mov %eax, %edx
1:      and $RUN32_THREAD_SLOTS - 1, %edx
        mov %rdx, %r10
        shl $4, %r10
        cmp %eax, (%rcx,%r10)
        je 2f
        cmpl $0, (%rcx,%r10)
        je 5f                            // never registered: a bug of the shim's, not a loop
        inc %edx
        jmp 1b
5:      ud2
2:      mov 8(%rcx,%r10), %rsi
        cmpb $0, run32_have_fsgsbase(%rip)
        je 3f
        wrfsbase %rsi
        jmp 4f
3:      mov run32_arch_prctl(%rip), %eax
        mov $0x1002, %edi                // ARCH_SET_FS
        syscall
4:      pop %r10
        pop %r11
        pop %rdi
        pop %rsi
        pop %rdx
        pop %rcx
        pop %rax
        ret
        .size swap_in_shim_fsbase, .-swap_in_shim_fsbase

// Every host signal handler of the shim: the kernel calls it as sa_sigaction (signal, info,
// context) on the thread's alternate stack; it calls run32_host_signal with the shim's FS.
// r12 and r13 need no keeping: the host's sigreturn restores every register.
        .globl run32_host_signal_entry
        .type run32_host_signal_entry, @function
run32_host_signal_entry:
        sub $8, %rsp                     // entered as after a call: now 16-aligned
        enter_shim_fs
        call run32_host_signal
        leave_shim_fs
        add $8, %rsp
        ret
        .size run32_host_signal_entry, .-run32_host_signal_entry

// The restorer of the host handlers the shim installs with the raw rt_sigaction.
        .globl run32_host_restorer
        .type run32_host_restorer, @function
run32_host_restorer:
        mov $15, %eax                    // x86_64 rt_sigreturn
        syscall
        .size run32_host_restorer, .-run32_host_restorer

// Entered in 64-bit mode with the guest's registers intact, on the guest's stack; its esp
// points at the return address its call pushed. r8-r15 are free: 32-bit code cannot name
// them. The slow path of enter_shim_fs pushes below the guest's esp, where
// __kernel_vsyscall pushes its own registers.
        .globl run32_syscall_entry
        .type run32_syscall_entry, @function
        .p2align 4
run32_syscall_entry:
        pushfq                           // eflags, below the return address
        enter_shim_fs
        pop %r14
        mov %esp, %r11d                  // the guest's esp, zero-extended
        mov run32_shim_stack@gottpoff(%rip), %r10
        mov %fs:(%r10), %rsp
        push %r14                        // eflags
        mov (%r11), %r10d                // eip: where the guest's call returns to
        add $4, %r11d                    // esp after that return
        push %r10
        push %r11
        push %rbp
        push %rdi
        push %rsi
        push %rdx
        push %rcx
        push %rbx
        push %rax
        cld                              // the SysV ABI's direction flag for the shim's C++
        // The guest's xmm0-7 (all 32-bit code can name), which i386 code may keep across the
        // syscall's inline asm and the shim's C++ (memcpy and friends) does not preserve. The
        // x87 stack, its control word and MXCSR the shim's syscall path leaves alone (a full
        // fxsave costs as much as the rest of the entry). 10 slots on a 16-aligned top keep
        // the area aligned for movaps. Then 16 bytes for the guest's %fs (r12, r13).
        sub $144, %rsp
        mov %r12, 128(%rsp)
        mov %r13, 136(%rsp)
        .irp n, 0, 1, 2, 3, 4, 5, 6, 7
        movaps %xmm\n, \n*16(%rsp)
        .endr
        lea 144(%rsp), %rdi
        mov %rsp, %rsi
        call run32_dispatch_sysinfo
        .irp n, 0, 1, 2, 3, 4, 5, 6, 7
        movaps \n*16(%rsp), %xmm\n
        .endr
        signals_waiting_address
        mov 128(%rsp), %r12
        mov 136(%rsp), %r13
        leave_shim_fs
        lea 144(%rsp), %rdi
        jmp resume_guest
        .size run32_syscall_entry, .-run32_syscall_entry

// The vDSO's time functions in 64-bit mode (run32_vdso_code above): eax = which
// (VdsoFunction), ecx = the clock, edx = the guest's pointer, the guest's ebx, esi and edi on
// its stack. Calls the host's own vDSO function (run32_vdso_host, found at start) on this
// thread's shim stack with its results there, and goes back to the guest through
// resume_guest, which delivers the signals that came meanwhile (handle_guest_signal leaves
// them waiting: this is shim code) before the function's second half runs. No guest memory
// is read or written here; the host's vDSO needs no TLS (it reads only its own vvar pages),
// and keeps r12 and r13 (callee-saved), the guest's %fs from enter_shim_fs.
        .data
        .globl run32_vdso_host, run32_vdso_return, run32_vdso_syscall, run32_vdso_clocks
        .p2align 3
run32_vdso_host:     // per VdsoFunction but getcpu: the host's function (x86_64 SysV ABI)
        .quad 0, 0, 0, 0, 0
run32_vdso_return:   // per VdsoFunction but getcpu: the guest address of its second half
        .quad 0, 0, 0, 0, 0
run32_vdso_syscall:  // per VdsoFunction taking a clock: the i386 syscall it falls back to
        .long 0, 0, 0
run32_vdso_clocks:   // the clocks the host's vDSO serves, one bit each (vdso_served_clocks)
        .long 0
        .text
#define VDSO_CLOCK_FUNCTIONS 3                   // clock_gettime, clock_gettime64, clock_getres
#define VDSO_GETTIMEOFDAY 3
        .globl run32_vdso_time_entry
        .type run32_vdso_time_entry, @function
        .p2align 4
run32_vdso_time_entry:
        enter_shim_fs
        mov %esp, %r11d                  // the guest's esp, zero-extended
        mov run32_shim_stack@gottpoff(%rip), %r10
        mov %fs:(%r10), %rsp
        // struct GuestRegisters at 32(%rsp), the host's results (a timespec or a timeval,
        // then a timezone) at 0(%rsp); 16-aligned for the call.
        sub $112, %rsp
        pushfq
        popq 32+72(%rsp)                 // eflags
        mov %r11, 32+56(%rsp)            // esp
        mov %ebp, %ebp
        mov %rbp, 32+48(%rsp)            // ebp
        mov %eax, %r10d                  // which
        lea run32_vdso_return(%rip), %r11
        mov (%r11,%r10,8), %r11
        mov %r11, 32+64(%rsp)            // eip: the function's second half
        cmp $VDSO_CLOCK_FUNCTIONS, %eax
        jae 2f
        cmp $31, %ecx
        ja 5f
        mov run32_vdso_clocks(%rip), %r11d
        bt %ecx, %r11d
        jnc 5f
2:      xor %r11d, %r11d
        mov %r11, 0(%rsp)
        mov %r11, 8(%rsp)
        mov %r11, 16(%rsp)
        mov %ecx, %edi                   // the clock (time: NULL)
        mov %rsp, %rsi
        lea 16(%rsp), %rdx
        cmp $VDSO_GETTIMEOFDAY, %eax
        jne 3f
        mov %rsp, %rdi                   // gettimeofday (tv, tz)
        mov %rdx, %rsi
3:      lea run32_vdso_host(%rip), %r11
        cld
        call *(%r11,%r10,8)
        mov %eax, %eax
        mov %rax, 32+0(%rsp)             // eax: the result
        movl 0(%rsp), %r11d
        mov %r11, 32+8(%rsp)             // ebx: the seconds' low half
        movl 8(%rsp), %r11d
        mov %r11, 32+16(%rsp)            // ecx: nanoseconds or microseconds
        movl 20(%rsp), %r11d
        mov %r11, 32+24(%rsp)            // edx: tz_dsttime
        movl 4(%rsp), %r11d
        mov %r11, 32+32(%rsp)            // esi: the seconds' high half
        movl 16(%rsp), %r11d
        mov %r11, 32+40(%rsp)            // edi: tz_minuteswest
        jmp 6f
5:      lea run32_vdso_syscall(%rip), %r11   // not served: the function makes the syscall
        movl (%r11,%r10,4), %r11d
        mov %r11, 32+0(%rsp)             // eax: the i386 number
        mov %ecx, %ecx
        mov %rcx, 32+8(%rsp)             // ebx: the clock
        mov %edx, %edx
        mov %rdx, 32+16(%rsp)            // ecx: the guest's pointer
        xor %r11d, %r11d
        mov %r11, 32+24(%rsp)
        mov %r11, 32+32(%rsp)
        mov %r11, 32+40(%rsp)
6:      signals_waiting_address
        leave_shim_fs
        lea 32(%rsp), %rdi
        jmp resume_guest
        .size run32_vdso_time_entry, .-run32_vdso_time_entry

// run32_resume(const GuestRegisters*): enters (or re-enters) the guest with these registers,
// copied to the top of this thread's shim stack; does not return. Also a thread's first
// entry into the guest.
        .globl run32_resume
        .type run32_resume, @function
run32_resume:
        mov $GUEST_DATA_SELECTOR, %eax   // compatibility mode checks ds and es: a null selector faults
        mov %eax, %ds
        mov %eax, %es
        mov run32_shim_stack@gottpoff(%rip), %r10
        mov %fs:(%r10), %rsp
        .irp n, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0
        pushq \n*8(%rdi)
        .endr
        mov %rsp, %rdi
        signals_waiting_address
resume_guest:                            // rdi: the registers; r8: &syscompat_signal_waiting
        mov %rdi, %r9                    // kept through the stretch below
// From here to the lretq, a signal that interrupts the shim must not be left waiting until
// the guest's next syscall: handle_guest_signal sends such a signal back to this check. The
// FS base may be the guest's already: the flag is reached through r8.
        .globl run32_resume_check, run32_resume_last
run32_resume_check:
        cmpb $0, (%r8)
        jne deliver_waiting
        mov 0(%r9), %eax
        mov 8(%r9), %ebx
        mov 16(%r9), %ecx
        mov 24(%r9), %edx
        mov 32(%r9), %esi
        mov 40(%r9), %edi
        mov 48(%r9), %ebp
        mov 56(%r9), %r11d               // esp
        mov 64(%r9), %r10d               // eip
        // The far return's frame goes just below the guest's esp, where __kernel_vsyscall
        // would have pushed its own registers.
        mov %r11, %rsp
        pushq $GUEST_CODE_SELECTOR
        push %r10
run32_resume_last:
        lretq

// Signals waited while the shim ran: their frames are built on the guest's stack (with its
// live x87/SSE state), then the guest resumes in the first handler.
deliver_waiting:
        lea -32(%r9), %rsp               // below the registers, the shim's stack is free
        and $-16, %rsp
        enter_shim_fs
        mov %r12, 0(%rsp)
        mov %r13, 8(%rsp)
        sub $512, %rsp
        fxsave64 (%rsp)
        mov %r9, %rdi
        mov %rsp, %rsi
        push %r9
        push %r9                         // twice: the stack stays 16-aligned for the call
        call run32_deliver_waiting_signals
        pop %r9
        pop %r9
        fxrstor64 (%rsp)
        add $512, %rsp
        signals_waiting_address
        mov 0(%rsp), %r12
        mov 8(%rsp), %r13
        leave_shim_fs
        mov %r9, %rdi
        jmp resume_guest
        .size run32_resume, .-run32_resume

// std::int32_t run32_int80(nr, a1, a2, a3, a4, a5, a6): an i386 system call made by the shim
// through the kernel's compat entry, so that the kernel places and checks memory as it does
// for an i386 process (below 4 GB, TASK_SIZE of 0xffffe000). Returns eax.
        .globl run32_int80
        .type run32_int80, @function
run32_int80:
        push %rbx
        push %rbp
        mov %edi, %eax
        mov %esi, %ebx
        mov %ecx, %r10d                  // a3
        mov %edx, %ecx                   // a2
        mov %r10d, %edx
        mov %r8d, %esi
        mov %r9d, %edi
        mov 24(%rsp), %ebp               // a6, past the two pushes and the return address
        int $0x80
        pop %rbp
        pop %rbx
        ret
        .size run32_int80, .-run32_int80

        .section .note.GNU-stack, "", @progbits

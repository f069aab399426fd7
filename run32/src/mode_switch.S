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

#define GUEST_CODE_SELECTOR 0x23
#define GUEST_DATA_SELECTOR 0x2b
#define SHIM_CODE_SELECTOR 0x33

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

// ---- the shim side ----
        .data
        .globl run32_shim_stack
        .p2align 3
run32_shim_stack:  // top of the 64-bit stack the shim's entry runs on (one guest thread)
        .quad 0
        .globl run32_shim_fsbase, run32_have_fsgsbase, run32_arch_prctl
run32_shim_fsbase:  // the shim's thread pointer (FS base), which a guest %fs load replaces
        .quad 0
run32_arch_prctl:  // x86_64 arch_prctl's number, from the description (without FSGSBASE)
        .long 0
run32_have_fsgsbase:  // whether rdfsbase/wrfsbase may be used (AT_HWCAP2's FSGSBASE)
        .byte 0

        .text
        .code64

// The guest may load %fs (Wine does; glibc's setcontext reloads the null selector that
// getcontext saved), which sets the FS base from its descriptor, and the kernel keeps that
// base when the guest enters the shim; the shim's C++ reaches its thread-local data (errno,
// the stack protector) through FS. So on every way in: if the guest's %fs selector is not
// null, keep its selector and base at SAVE (16 bytes) and make the base the shim's; on the
// way out, give the guest its base back (with FSGSBASE) or reload its selector (without:
// arch_prctl clears the selector). A null selector the guest loaded leaves a zero base on
// CPUs that clear it (Intel, AMD with NullSelectorClearsBase), and the guest cannot use a
// null %fs: the base is made the shim's again, and nothing is kept. Uses r10.
.macro enter_shim_fs save
        mov %fs, %r10d
        and $0xffff, %r10d
        mov %r10, \save
        jz 6f
        call swap_in_shim_fsbase
        mov %r10, 8+\save
        jmp 8f
6:      call restore_shim_fsbase
8:
.endm

.macro leave_shim_fs save
        mov \save, %r10
        test %r10, %r10
        jz 9f
        cmpb $0, run32_have_fsgsbase(%rip)
        je 7f
        mov 8+\save, %r10
        wrfsbase %r10
        jmp 9f
7:      mov %r10d, %fs
9:
.endm

// r10 = the current FS base (0 without FSGSBASE); FS base = the shim's. Keeps every other
// register.
        .type swap_in_shim_fsbase, @function
swap_in_shim_fsbase:
        cmpb $0, run32_have_fsgsbase(%rip)
        je 1f
        rdfsbase %r10
        push %r11
        mov run32_shim_fsbase(%rip), %r11
        wrfsbase %r11
        pop %r11
        ret
1:      push %rax
        push %rdi
        push %rsi
        push %rdx
        push %rcx
        push %r11
        mov run32_arch_prctl(%rip), %eax
        mov $0x1002, %edi                // ARCH_SET_FS
        mov run32_shim_fsbase(%rip), %rsi
        syscall
        pop %r11
        pop %rcx
        pop %rdx
        pop %rsi
        pop %rdi
        pop %rax
        xor %r10d, %r10d
        ret
        .size swap_in_shim_fsbase, .-swap_in_shim_fsbase

// With a null %fs: the FS base made the shim's if it is not (a guest's null load cleared
// it). With FSGSBASE a read and a compare; without, arch_prctl every time, as the base cannot
// be read without a syscall either. r10 = 0; keeps every other register.
        .type restore_shim_fsbase, @function
restore_shim_fsbase:
        cmpb $0, run32_have_fsgsbase(%rip)
        je swap_in_shim_fsbase
        rdfsbase %r10
        cmp run32_shim_fsbase(%rip), %r10
        je 1f
        mov run32_shim_fsbase(%rip), %r10
        wrfsbase %r10
1:      xor %r10d, %r10d
        ret
        .size restore_shim_fsbase, .-restore_shim_fsbase

// Every host signal handler of the shim: the kernel calls it as sa_sigaction (signal, info,
// context); it calls run32_host_signal with the shim's FS.
        .globl run32_host_signal_entry
        .type run32_host_signal_entry, @function
run32_host_signal_entry:
        sub $24, %rsp                    // entered as after a call: now 16-aligned
        enter_shim_fs 0(%rsp)
        call run32_host_signal
        leave_shim_fs 0(%rsp)
        add $24, %rsp
        ret
        .size run32_host_signal_entry, .-run32_host_signal_entry

// Entered in 64-bit mode with the guest's registers intact; the guest's esp points at the
// return address its call pushed.
        .globl run32_syscall_entry
        .type run32_syscall_entry, @function
        .p2align 4
run32_syscall_entry:
        mov %esp, %r11d                  // the guest's esp, zero-extended
        mov run32_shim_stack(%rip), %rsp
        pushfq                           // eflags
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
        // the area aligned for movaps. Then 16 bytes for the guest's %fs.
        sub $144, %rsp
        enter_shim_fs 128(%rsp)
        .irp n, 0, 1, 2, 3, 4, 5, 6, 7
        movaps %xmm\n, \n*16(%rsp)
        .endr
        lea 144(%rsp), %rdi
        mov %rsp, %rsi
        call run32_dispatch_sysinfo
        .irp n, 0, 1, 2, 3, 4, 5, 6, 7
        movaps \n*16(%rsp), %xmm\n
        .endr
        leave_shim_fs 128(%rsp)
        lea 144(%rsp), %rdi
        jmp resume_guest
        .size run32_syscall_entry, .-run32_syscall_entry

// run32_resume(const GuestRegisters*): enters (or re-enters) the guest with these registers;
// does not return. Also the first entry into the guest.
        .globl run32_resume
        .type run32_resume, @function
run32_resume:
        mov $GUEST_DATA_SELECTOR, %eax   // compatibility mode checks ds and es: a null selector faults
        mov %eax, %ds
        mov %eax, %es
resume_guest:                            // rdi: the registers
        mov %rdi, %r9                    // kept through the stretch below
// From here to the lretq, a signal that interrupts the shim must not be left waiting until
// the guest's next syscall: handle_guest_signal sends such a signal back to this check.
        .globl run32_resume_check, run32_resume_last
run32_resume_check:
        cmpb $0, run32_signals_waiting(%rip)
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
        lea -16(%r9), %rsp               // below the registers, the shim's stack is free
        and $-16, %rsp
        enter_shim_fs 0(%rsp)
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
        leave_shim_fs 0(%rsp)
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

# A static i386 program without libc: writes a line from its data segment, checks its bss is
# zero, exits 7.
        .globl _start
        .text
_start:
        mov     $4, %eax
        mov     $1, %ebx
        mov     $message, %ecx
        mov     $length, %edx
        int     $0x80
        mov     zeros+4096, %ebx
        add     $7, %ebx
        mov     $1, %eax
        int     $0x80
        .data
message: .ascii "tiny\n"
        .set length, . - message
        .bss
        .lcomm zeros, 8192

// The kernel's own O_LARGEFILE for this machine, from uapi headers alone (glibc's <fcntl.h>
// would define it as 0 first): the oracle for abi::o_largefile.
#include <asm/fcntl.h>

extern const unsigned kernel_o_largefile = O_LARGEFILE;

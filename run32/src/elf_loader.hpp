// Loading an i386 ELF program (and its interpreter) below 4 GB, as the kernel's
// load_elf_binary does for an i386 process, with the kernel's checks (fs/binfmt_elf.c).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "guest_process.hpp"

namespace syscompat::run32 {

// Why a program cannot run, as a shell says it: the message and the exit status (126: found
// but cannot execute; 127: not found). A file the kernel refuses only past exec's point of
// no return (a segment it cannot map, an entry point past TASK_SIZE) is not an execve error
// natively: the kernel kills the new program with SIGSEGV (bprm_execve's force_fatal_sig).
// `signal` is then SIGSEGV, and run32 dies by it after printing the message.
struct LoadError {
  std::string message;
  int status;
  int signal = 0;
};

// What the kernel's elf_check_arch says of a file, which it decides by e_machine alone
// (EI_CLASS and EI_DATA are not looked at): i386 is EM_386 or EM_486.
enum class ElfKind { i386, not_elf, elf64, other_machine, truncated, unreadable };
ElfKind classify_elf(const std::string& path, std::string* detail = nullptr);

struct LoadedProgram {
  GuestAddress entry = 0;            // where the guest starts: the interpreter's entry if any
  GuestAddress program_entry = 0;    // AT_ENTRY
  GuestAddress program_headers = 0;  // AT_PHDR
  std::uint32_t program_header_size = 0, program_header_count = 0;
  GuestAddress interpreter_base = 0;  // AT_BASE, 0 without an interpreter
  GuestAddress brk_start = 0;
  // No PT_GNU_STACK: the i386 personality READ_IMPLIES_EXEC (elf_read_implies_exec), which
  // the loader applied to the segments and the process applies to what the guest maps next.
  bool read_implies_exec = false;
  bool executable_stack = false;  // PT_GNU_STACK with PF_X, or READ_IMPLIES_EXEC
};

// Maps the program and its interpreter into the guest; throws LoadError.
LoadedProgram load_program(translators::ProcessHooks& process, translators::GuestMemory& memory,
                           const std::string& path);

// Bytes from a file as one printable line: printable ASCII as is, a backslash and anything
// else as \xNN.
std::string escaped(std::string_view bytes);

}  // namespace syscompat::run32

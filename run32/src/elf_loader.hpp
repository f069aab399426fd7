// Loading an i386 ELF program (and its interpreter) below 4 GB, as the kernel's
// load_elf_binary does for an i386 process.
#pragma once

#include <cstdint>
#include <string>

#include "guest_process.hpp"

namespace syscompat::run32 {

// Why a program cannot run, as a shell says it: the message and the exit status (126: found
// but cannot execute; 127: not found).
struct LoadError {
  std::string message;
  int status;
};

// 0 for an i386 ELF executable run32 can load; otherwise what is wrong with it.
enum class ElfKind { i386, not_elf, elf64, other_machine, truncated, unreadable };
ElfKind classify_elf(const std::string& path, std::string* detail = nullptr);

struct LoadedProgram {
  GuestAddress entry = 0;            // where the guest starts: the interpreter's entry if any
  GuestAddress program_entry = 0;    // AT_ENTRY
  GuestAddress program_headers = 0;  // AT_PHDR
  std::uint32_t program_header_size = 0, program_header_count = 0;
  GuestAddress interpreter_base = 0;  // AT_BASE, 0 without an interpreter
  GuestAddress brk_start = 0;
};

// Maps the program and its interpreter into the guest; throws LoadError.
LoadedProgram load_program(GuestProcess& process, const std::string& path);

}  // namespace syscompat::run32

// The seccomp cBPF checker and interpreter against the kernel's own: each program is also
// installed with seccomp(2) in a forked child of this (x86_64) process, which then makes the
// call the program judges; the kernel's acceptance (EINVAL or not) and its verdict must be
// the translators'.
#include "syscompat/translators/seccomp_filter.hpp"

#include <linux/audit.h>
#include <linux/filter.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstddef>
#include <random>
#include <vector>

using namespace syscompat::translators;
using Program = std::vector<seccomp::Instruction>;

namespace {

seccomp::Instruction statement(std::uint16_t code, std::uint32_t k, std::uint8_t jt = 0,
                               std::uint8_t jf = 0) {
  seccomp::Instruction instruction{};
  instruction.code.set(code);
  instruction.jt.set(jt);
  instruction.jf.set(jf);
  instruction.k.set(k);
  return instruction;
}

// In a forked child: no_new_privs, then seccomp(SECCOMP_SET_MODE_FILTER, 0, program).
bool install_here(const Program& program) {
  ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  sock_fprog fprog{
      static_cast<unsigned short>(program.size()),
      reinterpret_cast<sock_filter*>(const_cast<seccomp::Instruction*>(program.data()))};
  return ::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) == 0;
}

// The child's exit status, or `killed` when a signal ended it.
int child_status(pid_t child, int killed) {
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : killed;
}

// What the kernel answers installing `program` in a child: 0 or the errno (0 also when the
// installed program then kills the child's exit).
int kernel_acceptance(const Program& program) {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(install_here(program) ? 0 : errno);
  return child_status(child, 0);
}

// The kernel's verdict on getppid(args) under `program` (which allows every other call), as
// the call's answer: the errno of SECCOMP_RET_ERRNO (0 for a success), or -1 for a kill.
int kernel_verdict(const Program& program, const std::uint64_t (&args)[6]) {
  const pid_t child = ::fork();
  if (child == 0) {
    if (!install_here(program)) ::_exit(200);
    const long result =
        ::syscall(SYS_getppid, args[0], args[1], args[2], args[3], args[4], args[5]);
    ::_exit(result < 0 ? errno : 0);
  }
  return child_status(child, -1);
}

// The same through the translators: SECCOMP_RET_ERRNO's data, 0 for ALLOW, -1 for a kill.
int own_verdict(const Program& program, const std::uint64_t (&args)[6]) {
  seccomp_data data{};
  data.nr = SYS_getppid;
  data.arch = AUDIT_ARCH_X86_64;
  std::copy(std::begin(args), std::end(args), data.args);
  const std::uint32_t verdict = seccomp::run(program, data);
  const std::uint32_t action = verdict & SECCOMP_RET_ACTION_FULL;
  if (action == SECCOMP_RET_ALLOW) return 0;
  if (action == SECCOMP_RET_ERRNO)
    return static_cast<int>(std::min(verdict & SECCOMP_RET_DATA, 4095u));
  return -1;
}

// Programs that judge getppid only: `body` computes A from seccomp_data, then the verdict is
// SECCOMP_RET_ERRNO with A folded into 8 bits (an exit status carries 8).
Program judging_getppid(const Program& body) {
  Program program{statement(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
                  statement(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 1, 0),
                  statement(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)};
  program.insert(program.end(), body.begin(), body.end());
  // A's 32 bits folded into its low 8: A ^= A >> 16; A ^= A >> 8.
  for (const std::uint32_t shift : {16u, 8u}) {
    program.push_back(statement(BPF_ST, 1));
    program.push_back(statement(BPF_ALU | BPF_RSH | BPF_K, shift));
    program.push_back(statement(BPF_MISC | BPF_TAX, 0));
    program.push_back(statement(BPF_LD | BPF_MEM, 1));
    program.push_back(statement(BPF_ALU | BPF_XOR | BPF_X, 0));
  }
  program.push_back(statement(BPF_ALU | BPF_AND | BPF_K, 0xff));
  program.push_back(statement(BPF_ALU | BPF_OR | BPF_K, SECCOMP_RET_ERRNO));
  program.push_back(statement(BPF_RET | BPF_A, 0));
  return program;
}

// A random straight-line computation over the arguments, X and the scratch words, with
// forward conditional jumps over single instructions.
Program random_body(std::mt19937& random) {
  static const std::uint16_t alu[] = {BPF_ADD, BPF_SUB, BPF_MUL, BPF_DIV, BPF_AND,
                                      BPF_OR,  BPF_XOR, BPF_LSH, BPF_RSH};
  static const std::uint16_t jumps[] = {BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET};
  Program body{statement(BPF_ST, 0)};
  const int length = 4 + static_cast<int>(random() % 12);
  for (int i = 0; i < length; ++i) {
    const std::uint32_t value = random() % 4 ? random() % 64 : static_cast<std::uint32_t>(random());
    switch (random() % 8) {
      case 0:
        body.push_back(statement(BPF_LD | BPF_W | BPF_ABS,
                                 offsetof(seccomp_data, args) + 4 * (random() % 12)));
        break;
      case 1:
        body.push_back(statement(BPF_MISC | (random() % 2 ? BPF_TAX : BPF_TXA), 0));
        break;
      case 2:
        body.push_back(statement(random() % 2 ? BPF_ST : BPF_LD | BPF_MEM, 0));
        break;
      case 3:
        body.push_back(statement(BPF_JMP | jumps[random() % 4] | (random() % 2 ? BPF_X : BPF_K),
                                 value, random() % 2, random() % 2));
        body.push_back(statement(BPF_ALU | BPF_ADD | BPF_K, 1));
        break;
      case 4:
        body.push_back(statement(BPF_ALU | BPF_NEG, 0));
        break;
      default: {
        const std::uint16_t op = alu[random() % 9];
        const bool by_x = random() % 3 == 0;
        std::uint32_t k = value;
        if ((op == BPF_LSH || op == BPF_RSH) && !by_x) k %= 32;
        if (op == BPF_DIV && !by_x && k == 0) k = 3;
        body.push_back(statement(BPF_ALU | op | (by_x ? BPF_X : BPF_K), k));
      }
    }
  }
  return body;
}

}  // namespace

TEST_CASE("seccomp filters the kernel refuses are refused, the rest accepted", "[seccomp]") {
  const std::uint32_t ret = BPF_RET | BPF_K, allow = SECCOMP_RET_ALLOW;
  const std::vector<Program> programs{
      {statement(ret, allow)},
      {statement(BPF_LD | BPF_W | BPF_ABS, 2), statement(ret, allow)},
      {statement(BPF_LD | BPF_W | BPF_ABS, 60), statement(ret, allow)},
      {statement(BPF_LD | BPF_W | BPF_ABS, 64), statement(ret, allow)},
      {statement(BPF_LD | BPF_H | BPF_ABS, 0), statement(ret, allow)},
      {statement(BPF_LD | BPF_W | BPF_IND, 0), statement(ret, allow)},
      {statement(BPF_LDX | BPF_B | BPF_MSH, 0), statement(ret, allow)},
      {statement(BPF_LD | BPF_W | BPF_LEN, 0), statement(BPF_RET | BPF_A, 0)},
      {statement(BPF_LDX | BPF_W | BPF_LEN, 0), statement(ret, allow)},
      {statement(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0), statement(ret, allow)},
      {statement(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 0), statement(ret, allow)},
      {statement(BPF_JMP | BPF_JA, 1), statement(ret, allow)},
      {statement(BPF_JMP | BPF_JA, 0), statement(ret, allow)},
      {statement(BPF_LD | BPF_W | BPF_ABS, 0)},
      {statement(BPF_LD | BPF_MEM, 3), statement(ret, allow)},
      {statement(BPF_ST, 3), statement(BPF_LD | BPF_MEM, 3), statement(ret, allow)},
      {statement(BPF_ST, 16), statement(ret, allow)},
      {statement(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 1), statement(BPF_ST, 2),
       statement(BPF_LDX | BPF_MEM, 2), statement(ret, allow)},
      {statement(BPF_ST, 2), statement(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 1), statement(BPF_ST, 5),
       statement(BPF_LDX | BPF_MEM, 2), statement(ret, allow)},
      {statement(BPF_ALU | BPF_DIV | BPF_K, 0), statement(ret, allow)},
      {statement(BPF_ALU | BPF_MOD | BPF_K, 3), statement(ret, allow)},
      {statement(BPF_ALU | BPF_LSH | BPF_K, 31), statement(ret, allow)},
      {statement(BPF_ALU | BPF_RSH | BPF_K, 32), statement(ret, allow)},
      {statement(BPF_ALU | 0xc0, 1), statement(ret, allow)},  // eBPF's BPF_ARSH
      {statement(BPF_MISC | BPF_TAX, 0), statement(BPF_MISC | BPF_TXA, 0), statement(ret, allow)},
      {statement(BPF_RET | BPF_X, 0)},
      {statement(0xffff, 0), statement(ret, allow)},
  };
  for (std::size_t i = 0; i < programs.size(); ++i) {
    INFO("program " << i);
    Program checked = programs[i];
    CHECK(seccomp::check(checked) == kernel_acceptance(programs[i]));
  }
}

TEST_CASE("seccomp filters judge a call as the kernel's do", "[seccomp]") {
  std::mt19937 random(20261206);
  const std::uint64_t argument_sets[][6] = {
      {0, 1, 2, 3, 4, 5},
      {0xffffffff, 0x80000000, 7, 0x1234, 0xdeadbeef, 64},
      {0x100000001ull, 0xffffffffffffffffull, 0, 31, 33, 0x7fffffff},
  };
  for (int round = 0; round < 100; ++round) {
    const Program program = judging_getppid(random_body(random));
    Program checked = program;
    INFO("round " << round);
    REQUIRE(seccomp::check(checked) == 0);
    REQUIRE(kernel_acceptance(program) == 0);
    for (const auto& args : argument_sets)
      CHECK(own_verdict(checked, args) == kernel_verdict(program, args));
  }
}

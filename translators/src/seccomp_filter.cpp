#include "syscompat/translators/seccomp_filter.hpp"

#include <linux/filter.h>

#include <cerrno>
#include <cstring>

namespace syscompat::translators::seccomp {

namespace {

constexpr std::uint32_t data_size = sizeof(seccomp_data);

bool is_conditional_jump(std::uint16_t code) {
  switch (code) {
    case BPF_JMP | BPF_JEQ | BPF_K:
    case BPF_JMP | BPF_JEQ | BPF_X:
    case BPF_JMP | BPF_JGE | BPF_K:
    case BPF_JMP | BPF_JGE | BPF_X:
    case BPF_JMP | BPF_JGT | BPF_K:
    case BPF_JMP | BPF_JGT | BPF_X:
    case BPF_JMP | BPF_JSET | BPF_K:
    case BPF_JMP | BPF_JSET | BPF_X:
      return true;
    default:
      return false;
  }
}

// kernel/seccomp.c's seccomp_check_filter: the instructions a seccomp filter may use (no
// packet loads but aligned 32-bit words of seccomp_data, no BPF_MOD, no extensions), and
// the length loads made immediates.
int seccomp_check_filter(std::vector<Instruction>& program) {
  for (Instruction& instruction : program) {
    const std::uint16_t code = instruction.code.get();
    const std::uint32_t k = instruction.k.get();
    switch (code) {
      case BPF_LD | BPF_W | BPF_ABS:
        if (k >= data_size || k & 3) return EINVAL;
        continue;
      case BPF_LD | BPF_W | BPF_LEN:
        instruction.code.set(BPF_LD | BPF_IMM);
        instruction.k.set(data_size);
        continue;
      case BPF_LDX | BPF_W | BPF_LEN:
        instruction.code.set(BPF_LDX | BPF_IMM);
        instruction.k.set(data_size);
        continue;
      case BPF_RET | BPF_K:
      case BPF_RET | BPF_A:
      case BPF_ALU | BPF_ADD | BPF_K:
      case BPF_ALU | BPF_ADD | BPF_X:
      case BPF_ALU | BPF_SUB | BPF_K:
      case BPF_ALU | BPF_SUB | BPF_X:
      case BPF_ALU | BPF_MUL | BPF_K:
      case BPF_ALU | BPF_MUL | BPF_X:
      case BPF_ALU | BPF_DIV | BPF_K:
      case BPF_ALU | BPF_DIV | BPF_X:
      case BPF_ALU | BPF_AND | BPF_K:
      case BPF_ALU | BPF_AND | BPF_X:
      case BPF_ALU | BPF_OR | BPF_K:
      case BPF_ALU | BPF_OR | BPF_X:
      case BPF_ALU | BPF_XOR | BPF_K:
      case BPF_ALU | BPF_XOR | BPF_X:
      case BPF_ALU | BPF_LSH | BPF_K:
      case BPF_ALU | BPF_LSH | BPF_X:
      case BPF_ALU | BPF_RSH | BPF_K:
      case BPF_ALU | BPF_RSH | BPF_X:
      case BPF_ALU | BPF_NEG:
      case BPF_LD | BPF_IMM:
      case BPF_LDX | BPF_IMM:
      case BPF_MISC | BPF_TAX:
      case BPF_MISC | BPF_TXA:
      case BPF_LD | BPF_MEM:
      case BPF_LDX | BPF_MEM:
      case BPF_ST:
      case BPF_STX:
      case BPF_JMP | BPF_JA:
        continue;
      default:
        if (is_conditional_jump(code)) continue;
        return EINVAL;
    }
  }
  return 0;
}

// net/core/filter.c's check_load_and_stores: a scratch word is read only on paths that
// stored it first.
int check_load_and_stores(const std::vector<Instruction>& program) {
  std::vector<std::uint16_t> masks(program.size(), 0xffff);
  std::uint16_t valid = 0;
  for (std::size_t pc = 0; pc < program.size(); ++pc) {
    valid &= masks[pc];
    const std::uint16_t code = program[pc].code.get();
    const std::uint32_t k = program[pc].k.get();
    if (code == BPF_ST || code == BPF_STX) {
      valid |= static_cast<std::uint16_t>(1u << k);
    } else if (code == (BPF_LD | BPF_MEM) || code == (BPF_LDX | BPF_MEM)) {
      if (!(valid & (1u << k))) return EINVAL;
    } else if (code == (BPF_JMP | BPF_JA)) {
      masks[pc + 1 + k] &= valid;
      valid = 0xffff;
    } else if (is_conditional_jump(code)) {
      masks[pc + 1 + program[pc].jt.get()] &= valid;
      masks[pc + 1 + program[pc].jf.get()] &= valid;
      valid = 0xffff;
    }
  }
  return 0;
}

// net/core/filter.c's bpf_check_classic, for the instructions seccomp_check_filter lets
// through: no division by a zero constant, no shift by 32 or more, scratch words in range,
// jumps inside the program, a return last.
int bpf_check_classic(const std::vector<Instruction>& program) {
  const std::size_t length = program.size();
  for (std::size_t pc = 0; pc < length; ++pc) {
    const std::uint16_t code = program[pc].code.get();
    const std::uint32_t k = program[pc].k.get();
    switch (code) {
      case BPF_ALU | BPF_DIV | BPF_K:
        if (k == 0) return EINVAL;
        break;
      case BPF_ALU | BPF_LSH | BPF_K:
      case BPF_ALU | BPF_RSH | BPF_K:
        if (k >= 32) return EINVAL;
        break;
      case BPF_LD | BPF_MEM:
      case BPF_LDX | BPF_MEM:
      case BPF_ST:
      case BPF_STX:
        if (k >= BPF_MEMWORDS) return EINVAL;
        break;
      case BPF_JMP | BPF_JA:
        if (k >= length - pc - 1) return EINVAL;
        break;
      default:
        if (is_conditional_jump(code) &&
            (pc + program[pc].jt.get() + 1 >= length || pc + program[pc].jf.get() + 1 >= length))
          return EINVAL;
    }
  }
  const std::uint16_t last = program.back().code.get();
  if (last != (BPF_RET | BPF_K) && last != (BPF_RET | BPF_A)) return EINVAL;
  return check_load_and_stores(program);
}

}  // namespace

int check(std::vector<Instruction>& program) {
  if (program.empty() || program.size() > BPF_MAXINSNS) return EINVAL;
  if (int error = seccomp_check_filter(program)) return error;
  return bpf_check_classic(program);
}

// The classic machine as the kernel runs it (bpf_convert_filter's translation): 32-bit
// unsigned arithmetic, a division by a zero X ends the program with 0, shifts by X take its
// low 5 bits, loads read seccomp_data's words in host order.
std::uint32_t run(std::span<const Instruction> program, const seccomp_data& data) {
  std::uint32_t a = 0, x = 0, memory[BPF_MEMWORDS] = {};
  for (std::size_t pc = 0; pc < program.size(); ++pc) {
    const Instruction& instruction = program[pc];
    const std::uint16_t code = instruction.code.get();
    const std::uint32_t k = instruction.k.get();
    const std::uint32_t operand = BPF_SRC(code) == BPF_X ? x : k;
    switch (BPF_CLASS(code)) {
      case BPF_LD:
        if (BPF_MODE(code) == BPF_ABS)
          std::memcpy(&a, reinterpret_cast<const std::uint8_t*>(&data) + k, sizeof a);
        else if (BPF_MODE(code) == BPF_MEM)
          a = memory[k];
        else
          a = k;
        break;
      case BPF_LDX:
        x = BPF_MODE(code) == BPF_MEM ? memory[k] : k;
        break;
      case BPF_ST:
        memory[k] = a;
        break;
      case BPF_STX:
        memory[k] = x;
        break;
      case BPF_MISC:
        if (BPF_MISCOP(code) == BPF_TAX)
          x = a;
        else
          a = x;
        break;
      case BPF_RET:
        return BPF_RVAL(code) == BPF_A ? a : k;
      case BPF_ALU:
        switch (BPF_OP(code)) {
          case BPF_ADD:
            a += operand;
            break;
          case BPF_SUB:
            a -= operand;
            break;
          case BPF_MUL:
            a *= operand;
            break;
          case BPF_DIV:
            if (operand == 0) return 0;
            a /= operand;
            break;
          case BPF_AND:
            a &= operand;
            break;
          case BPF_OR:
            a |= operand;
            break;
          case BPF_XOR:
            a ^= operand;
            break;
          case BPF_LSH:
            a <<= operand & 31;
            break;
          case BPF_RSH:
            a >>= operand & 31;
            break;
          case BPF_NEG:
            a = 0u - a;
            break;
        }
        break;
      case BPF_JMP:
        if (BPF_OP(code) == BPF_JA) {
          pc += k;
          break;
        }
        bool taken;
        switch (BPF_OP(code)) {
          case BPF_JEQ:
            taken = a == operand;
            break;
          case BPF_JGT:
            taken = a > operand;
            break;
          case BPF_JGE:
            taken = a >= operand;
            break;
          default:
            taken = (a & operand) != 0;
            break;  // BPF_JSET
        }
        pc += taken ? instruction.jt.get() : instruction.jf.get();
        break;
    }
  }
  return 0;  // not reached for a checked program: its last instruction returns
}

}  // namespace syscompat::translators::seccomp

// Signal constants: signal numbers, sigprocmask(2)'s how, sigaction's sa_flags (asm/signal.h;
// mips numbers most signals its own way, as System V did).
// Notation: abi/include/syscompat/abi/constant_types.hpp.
#pragma once

#include "syscompat/abi/constant_types.hpp"

namespace syscompat::abi {

namespace rows {

using namespace abis;

// clang-format off
inline constexpr ConstantRow signal_rows[] = {
    {"SIGHUP", 1},
    {"SIGINT", 2},
    {"SIGQUIT", 3},
    {"SIGILL", 4},
    {"SIGTRAP", 5},
    {"SIGABRT", 6},
    {"SIGBUS", 7, {mips, 10}},
    {"SIGFPE", 8},
    {"SIGKILL", 9},
    {"SIGUSR1", 10, {mips, 16}},
    {"SIGSEGV", 11},
    {"SIGUSR2", 12, {mips, 17}},
    {"SIGPIPE", 13},
    {"SIGALRM", 14},
    {"SIGTERM", 15},
    {"SIGSTKFLT", 16, {mips, absent}},
    {"SIGCHLD", 17, {mips, 18}},
    {"SIGCONT", 18, {mips, 25}},
    {"SIGSTOP", 19, {mips, 23}},
    {"SIGTSTP", 20, {mips, 24}},
    {"SIGTTIN", 21, {mips, 26}},
    {"SIGTTOU", 22, {mips, 27}},
    {"SIGURG", 23, {mips, 21}},
    {"SIGXCPU", 24, {mips, 30}},
    {"SIGXFSZ", 25, {mips, 31}},
    {"SIGVTALRM", 26, {mips, 28}},
    {"SIGPROF", 27, {mips, 29}},
    {"SIGWINCH", 28, {mips, 20}},
    {"SIGIO", 29, {mips, 22}},
    {"SIGPWR", 30, {mips, 19}},
    {"SIGSYS", 31, {mips, 12}},
    {"SIGEMT", absent, {mips, 7}},
    {"SIGRTMIN", 32},  // the decoder names the ones above SIGRT_n
};

inline constexpr ConstantRow sigprocmask_how_rows[] = {
    {"SIG_BLOCK", 0, {mips, 1}},
    {"SIG_UNBLOCK", 1, {mips, 2}},
    {"SIG_SETMASK", 2, {mips, 3}},
};

// In strace's order, which names them in it: SA_RESTORER|SA_RESTART, SA_RESETHAND|SA_SIGINFO.
inline constexpr ConstantRow sigaction_flag_rows[] = {
    {"SA_RESTORER", absent, {x86, 0x04000000}, {arm, 0x04000000}},
    {"SA_ONSTACK", 0x08000000},
    {"SA_RESTART", 0x10000000},
    {"SA_NODEFER", 0x40000000},
    {"SA_RESETHAND", 0x80000000LL},
    {"SA_SIGINFO", 0x4, {mips, 0x8}},
    {"SA_NOCLDSTOP", 0x1},
    {"SA_NOCLDWAIT", 0x2, {mips, 0x10000}},
    {"SA_UNSUPPORTED", 0x400},
    {"SA_EXPOSE_TAGBITS", 0x800},
};

// sa_handler's two special values ((__sighandler_t)0 and 1).
inline constexpr ConstantRow signal_handler_rows[] = {
    {"SIG_DFL", 0},
    {"SIG_IGN", 1},
};

// stack_t's ss_flags (sigaltstack).
inline constexpr ConstantRow altstack_flag_rows[] = {
    {"SS_ONSTACK", 1},
    {"SS_DISABLE", 2},
    {"SS_AUTODISARM", 0x80000000LL},
};

// siginfo's si_code for any signal (asm-generic/siginfo.h; mips orders three its own way).
inline constexpr ConstantRow si_code_rows[] = {
    {"SI_USER", 0},
    {"SI_KERNEL", 0x80},
    {"SI_QUEUE", -1},
    {"SI_TIMER", -2, {mips, -3}},
    {"SI_MESGQ", -3, {mips, -4}},
    {"SI_ASYNCIO", -4, {mips, -2}},
    {"SI_SIGIO", -5},
    {"SI_TKILL", -6},
    {"SI_DETHREAD", -7},
    {"SI_ASYNCNL", -60},
};

// si_code of SIGCHLD.
inline constexpr ConstantRow cld_code_rows[] = {
    {"CLD_EXITED", 1},
    {"CLD_KILLED", 2},
    {"CLD_DUMPED", 3},
    {"CLD_TRAPPED", 4},
    {"CLD_STOPPED", 5},
    {"CLD_CONTINUED", 6},
};

// si_code of SIGSEGV.
inline constexpr ConstantRow segv_code_rows[] = {
    {"SEGV_MAPERR", 1},
    {"SEGV_ACCERR", 2},
    {"SEGV_BNDERR", 3},
    {"SEGV_PKUERR", 4},
};

// sigevent's sigev_notify (timer_create, mq_notify).
inline constexpr ConstantRow sigev_notify_rows[] = {
    {"SIGEV_SIGNAL", 0},
    {"SIGEV_NONE", 1},
    {"SIGEV_THREAD", 2},
    {"SIGEV_THREAD_ID", 4},
};
// clang-format on

inline constexpr std::string_view headers_signals_uapi = "asm/signal.h";
inline constexpr std::string_view headers_altstack_uapi = "linux/signal.h";
inline constexpr std::string_view headers_siginfo_uapi = "asm/siginfo.h";

}  // namespace rows

namespace vocab {
inline constexpr Vocabulary signals{"signals", VocabularyKind::values, rows::headers_signals_uapi,
                                    HeaderSide::uapi, rows::signal_rows};
inline constexpr Vocabulary sigprocmask_how{"sigprocmask_how", VocabularyKind::values,
                                            rows::headers_signals_uapi, HeaderSide::uapi,
                                            rows::sigprocmask_how_rows};
inline constexpr Vocabulary sigaction_flags{"sigaction_flags", VocabularyKind::flags,
                                            rows::headers_signals_uapi, HeaderSide::uapi,
                                            rows::sigaction_flag_rows};
inline constexpr Vocabulary signal_handlers{"signal_handlers", VocabularyKind::values,
                                            rows::headers_signals_uapi, HeaderSide::uapi,
                                            rows::signal_handler_rows};
inline constexpr Vocabulary altstack_flags{"altstack_flags", VocabularyKind::flags,
                                           rows::headers_altstack_uapi, HeaderSide::uapi,
                                           rows::altstack_flag_rows};
inline constexpr Vocabulary si_codes{"si_codes", VocabularyKind::values, rows::headers_siginfo_uapi,
                                     HeaderSide::uapi, rows::si_code_rows};
inline constexpr Vocabulary cld_codes{"cld_codes", VocabularyKind::values,
                                      rows::headers_siginfo_uapi, HeaderSide::uapi,
                                      rows::cld_code_rows};
inline constexpr Vocabulary segv_codes{"segv_codes", VocabularyKind::values,
                                       rows::headers_siginfo_uapi, HeaderSide::uapi,
                                       rows::segv_code_rows};
inline constexpr Vocabulary sigev_notify{"sigev_notify", VocabularyKind::values,
                                         rows::headers_siginfo_uapi, HeaderSide::uapi,
                                         rows::sigev_notify_rows};
}  // namespace vocab

}  // namespace syscompat::abi

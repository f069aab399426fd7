#!/bin/bash
# Where one i386 getppid's time goes under run32, piece by piece: the same loop as
# run32_getppid.sh (through libc: the AT_SYSINFO entry; raw int $0x80: a Syscall User Dispatch
# SIGSYS), timed inside the program, and `perf record` (cycles, user and kernel) over the same
# run, each sample put in one piece by the symbol it landed in. ns per piece = the loop's ns
# per call × the piece's share of the samples. Prints a markdown table.
# usage: bench/run32_call_pieces.sh BUILD_DIR [CALLS]
set -eu
build=$1
calls=${2:-2000000}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -m32 -O2 -idirafter /usr/include/x86_64-linux-gnu -o "$work/getppid_loop" \
  "$here/run32/getppid_loop.c"

cat >"$work/pieces.py" <<'PY'
import re, sys
kind, ns = sys.argv[1], float(sys.argv[2])
# A sample in the kernel is the native call (syscall entry, getppid, exit) unless it is the
# int $0x80 entry, signal work (raising SIGSYS, building and tearing down the host frame,
# sigreturn, the sighand lock) or the slow path Syscall User Dispatch puts every syscall on.
signal_work = re.compile(r"signal|sigreturn|_raw_spin_unlock|setup_rt_frame|sigcontext|fpu__|fpregs|save_fpregs|"
                         r"restore_fpregs|xstate|force_sig|"
                         r"copy_siginfo|get_sigframe|exit_to_user_mode_loop|arch_do_signal")
sud_work = re.compile(r"syscall_trace_enter|syscall_exit_work|syscall_user_dispatch")
pieces = {}
for line in sys.stdin:
    m = re.match(r"\s*([\d.]+)%\s+(\S+(?: tid \d+)?)\s+\[(.)\]\s+(.*)", line)
    if not m: continue
    share, dso, level, sym = float(m.group(1)), m.group(2), m.group(3), m.group(4).strip()
    if level == "k":
        if re.search(r"int80", sym): piece = "kernel: the int $0x80 entry (as slow natively on this VM)"
        elif signal_work.search(sym): piece = "kernel: SIGSYS delivery and sigreturn"
        elif sud_work.search(sym): piece = "kernel: Syscall User Dispatch's slow path on every syscall"
        else: piece = "kernel: the native call (entry, getppid, exit)"
    elif "syscompat_native_call" in sym:
        piece = "shim: the native syscall instruction (user side: where its return lands)"
    elif dso.startswith("[JIT]") or dso == "[unknown]" or re.search(
            r"run32_syscall_entry|run32_resume|swap_in_shim_fsbase|resume_guest|run32_sysinfo|"
            r"run32_dispatch_sysinfo|run32_host_signal_entry|run32_host_restorer", sym):
        piece = "shim: mode switch and entry stubs (mode_switch.S, the 32-bit stub)"
    elif dso.startswith("getppid_loop") or (dso == "libc.so.6" and sym in ("syscall", "getppid")):
        piece = "guest: the loop and libc's syscall() (where the return to 32-bit lands)"
    elif re.search(r"on_sigsys|run32_host_signal|registers_of|copy_registers_to|every_signal|"
                   r"current_mask|sigprocmask", sym) or dso == "libc.so.6":
        piece = "shim: SIGSYS handler (registers in and out, the mask)"
    elif re.search(r"translate_generic|decode_args|model_layout|splits_64bit_args", sym):
        piece = "shim: translation (decode, carry, result)"
    elif re.search(r"serve|run_call|shim_call|I386Translator|i386_plan|set_current_context|"
                   r"deliver_pending|pending_handlers|PendingSignals|guest_mask", sym):
        piece = "shim: dispatch (serve, the plan by number, signals)"
    else:
        piece = "other (start-up, exit)"
    pieces[piece] = pieces.get(piece, 0.0) + share
total = sum(pieces.values())
print(f"| {kind}: piece | share of samples | ns per call |")
print("|---|---:|---:|")
for piece, share in sorted(pieces.items(), key=lambda p: -p[1]):
    if share / total < 0.005: continue
    print(f"| {piece} | {100 * share / total:.1f} % | {ns * share / total:.0f} |")
print(f"| all ({ns:.0f} ns per call, timed in the loop) | 100 % | {ns:.0f} |")
PY

piece_table() {  # piece_table KIND NS_PER_CALL PERF_DATA
  perf report -i "$3" --no-children --sort dso,sym --percent-limit 0 --stdio 2>/dev/null |
    python3 "$work/pieces.py" "$1" "$2"
}

for kind in libc raw; do
  if [ $kind = libc ]; then args="$calls 0"; else args="0 $((calls / 100))"; fi
  # shellcheck disable=SC2086
  perf record -q -e cycles -F 10000 -o "$work/$kind.data" -- \
    "$build/tools/syscompat" run32 "$work/getppid_loop" $args >"$work/$kind.out" 2>/dev/null
  ns=$(awk -v kind=$kind '$1 == kind { print $(NF - 3) }' "$work/$kind.out")
  piece_table "$kind" "$ns" "$work/$kind.data"
  echo
done

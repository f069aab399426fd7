// Structs socket options, netlink messages and protocol addresses carry, and what the
// notification fds (inotify, fanotify, signalfd) give read(2).
#pragma once

#include "syscompat/abi/describe.hpp"
#include "syscompat/abi/structs/file.hpp"
#include "syscompat/abi/structs/socket.hpp"
#include "syscompat/abi/structs/time.hpp"

namespace syscompat::abi {

// The descriptions keep one member per line, as the C declarations do.
// clang-format off

// ---- netlink (linux/netlink.h, linux/rtnetlink.h, linux/if_addr.h) ----------------------
// Every member is a fixed-width or int-sized integer: the same bytes on every ABI, so
// netlink messages pass between i386 and x86_64 as they are.

SYSCOMPAT_STRUCT(sockaddr_nl, "sockaddr_nl", uapi("linux/netlink.h", "struct sockaddr_nl"),
                 (nl_family, kernel_sa_family),
                 (nl_pad, c_ushort),
                 (nl_pid, u32),
                 (nl_groups, u32));

SYSCOMPAT_STRUCT(nlmsghdr, "nlmsghdr", uapi("linux/netlink.h", "struct nlmsghdr"),
                 (nlmsg_len, u32),
                 (nlmsg_type, u16),
                 (nlmsg_flags, u16),
                 (nlmsg_seq, u32),
                 (nlmsg_pid, u32));

// The request that failed (or only its header, with NETLINK_CAP_ACK) follows.
SYSCOMPAT_STRUCT(nlmsgerr, "nlmsgerr", uapi("linux/netlink.h", "struct nlmsgerr"),
                 (error, c_int),
                 (msg, nlmsghdr<M>));

SYSCOMPAT_STRUCT(nlattr, "nlattr", uapi("linux/netlink.h", "struct nlattr"),
                 (nla_len, u16),
                 (nla_type, u16));

SYSCOMPAT_STRUCT(rtattr, "rtattr", uapi("linux/rtnetlink.h", "struct rtattr"),
                 (rta_len, c_ushort),
                 (rta_type, c_ushort));

SYSCOMPAT_STRUCT(rtgenmsg, "rtgenmsg", uapi("linux/rtnetlink.h", "struct rtgenmsg"),
                 (rtgen_family, c_uchar));

SYSCOMPAT_STRUCT(ifinfomsg, "ifinfomsg", uapi("linux/rtnetlink.h", "struct ifinfomsg"),
                 (ifi_family, c_uchar),
                 (__ifi_pad, c_uchar),
                 (ifi_type, c_ushort),
                 (ifi_index, c_int),
                 (ifi_flags, c_uint),
                 (ifi_change, c_uint));

SYSCOMPAT_STRUCT(ifaddrmsg, "ifaddrmsg", uapi("linux/if_addr.h", "struct ifaddrmsg"),
                 (ifa_family, u8),
                 (ifa_prefixlen, u8),
                 (ifa_flags, u8),
                 (ifa_scope, u8),
                 (ifa_index, u32));

SYSCOMPAT_STRUCT(rtmsg, "rtmsg", uapi("linux/rtnetlink.h", "struct rtmsg"),
                 (rtm_family, c_uchar),
                 (rtm_dst_len, c_uchar),
                 (rtm_src_len, c_uchar),
                 (rtm_tos, c_uchar),
                 (rtm_table, c_uchar),
                 (rtm_protocol, c_uchar),
                 (rtm_scope, c_uchar),
                 (rtm_type, c_uchar),
                 (rtm_flags, c_uint));

// ---- IP socket options and ancillary data (linux/in.h, linux/in6.h, linux/ipv6.h) -------

SYSCOMPAT_STRUCT(ip_mreq, "ip_mreq", uapi("linux/in.h", "struct ip_mreq"),
                 (imr_multiaddr, in_addr<M>),
                 (imr_interface, in_addr<M>));

SYSCOMPAT_STRUCT(ip_mreqn, "ip_mreqn", uapi("linux/in.h", "struct ip_mreqn"),
                 (imr_multiaddr, in_addr<M>),
                 (imr_address, in_addr<M>),
                 (imr_ifindex, c_int));

SYSCOMPAT_STRUCT(ip_mreq_source, "ip_mreq_source", uapi("linux/in.h", "struct ip_mreq_source"),
                 (imr_multiaddr, be32),
                 (imr_interface, be32),
                 (imr_sourceaddr, be32));

// IP_PKTINFO's value and control message.
SYSCOMPAT_STRUCT(in_pktinfo, "in_pktinfo", uapi("linux/in.h", "struct in_pktinfo"),
                 (ipi_ifindex, c_int),
                 (ipi_spec_dst, in_addr<M>),
                 (ipi_addr, in_addr<M>));

SYSCOMPAT_STRUCT(ipv6_mreq, "ipv6_mreq", uapi("linux/in6.h", "struct ipv6_mreq"),
                 (ipv6mr_multiaddr, in6_addr<M>),
                 (ipv6mr_ifindex, c_int));

SYSCOMPAT_STRUCT(in6_pktinfo, "in6_pktinfo", uapi("linux/in6.h linux/ipv6.h",
                                                  "struct in6_pktinfo"),
                 (ipi6_addr, in6_addr<M>),
                 (ipi6_ifindex, c_int));

// ---- packet sockets (linux/if_packet.h) -------------------------------------------------

SYSCOMPAT_STRUCT(sockaddr_ll, "sockaddr_ll", uapi("linux/if_packet.h", "struct sockaddr_ll"),
                 (sll_family, c_ushort),
                 (sll_protocol, be16),
                 (sll_ifindex, c_int),
                 (sll_hatype, c_ushort),
                 (sll_pkttype, c_uchar),
                 (sll_halen, c_uchar),
                 (sll_addr, c_uchar[8]));

SYSCOMPAT_STRUCT(packet_mreq, "packet_mreq", uapi("linux/if_packet.h", "struct packet_mreq"),
                 (mr_ifindex, c_int),
                 (mr_type, c_ushort),
                 (mr_alen, c_ushort),
                 (mr_address, c_uchar[8]));

// ---- other address families -------------------------------------------------------------

// svm_zero fills it to sizeof(struct sockaddr). linux/vm_sockets.h includes glibc's
// sys/socket.h, so it is probed with the libc headers.
SYSCOMPAT_STRUCT(sockaddr_vm, "sockaddr_vm",
                 libc("sys/socket.h linux/vm_sockets.h", "struct sockaddr_vm"),
                 (svm_family, kernel_sa_family),
                 (svm_reserved1, c_ushort),
                 (svm_port, c_uint),
                 (svm_cid, c_uint),
                 (svm_flags, u8),
                 (svm_zero, c_uchar[3]));

// sockaddr_can's can_addr union: its anonymous structs, named by the member that holds them.
SYSCOMPAT_STRUCT(can_addr_tp, "sockaddr_can_tp",
                 uapi("linux/can.h", "__typeof__(((struct sockaddr_can *)0)->can_addr.tp)"),
                 (rx_id, u32),
                 (tx_id, u32));

SYSCOMPAT_STRUCT(can_addr_j1939, "sockaddr_can_j1939",
                 uapi("linux/can.h", "__typeof__(((struct sockaddr_can *)0)->can_addr.j1939)"),
                 (name, u64),
                 (pgn, u32),
                 (addr, u8));

template <class M>
using can_addr_t = Union<"can_addr", can_addr_tp<M>, can_addr_j1939<M>>;

// The u64 in j1939 aligns the union to 4 on i386 and to 8 elsewhere; the bytes agree.
SYSCOMPAT_STRUCT(sockaddr_can, "sockaddr_can", uapi("linux/can.h", "struct sockaddr_can"),
                 (can_family, kernel_sa_family),
                 (can_ifindex, c_int),
                 (can_addr, can_addr_t<M>));

SYSCOMPAT_STRUCT(sockaddr_alg, "sockaddr_alg", uapi("linux/if_alg.h", "struct sockaddr_alg"),
                 (salg_family, u16),
                 (salg_type, u8[14]),
                 (salg_feat, u32),
                 (salg_mask, u32),
                 (salg_name, u8[64]));

// ---- error queue and timestamps (linux/errqueue.h) --------------------------------------

// ee_data shares its place with struct sock_ee_data_rfc4884 (two u16 and two u8 of the
// same four bytes): the entry names the u32.
SYSCOMPAT_STRUCT(sock_extended_err, "sock_extended_err",
                 uapi("linux/errqueue.h", "struct sock_extended_err"),
                 (ee_errno, u32),
                 (ee_origin, u8),
                 (ee_type, u8),
                 (ee_code, u8),
                 (ee_pad, u8),
                 (ee_info, u32),
                 (ee_data, u32));

// SO_TIMESTAMPING_OLD's control message: three of the ABI's own timespec, so 24 bytes on
// i386 and 48 on x86_64 (put_cmsg_compat converts it); SO_TIMESTAMPING_NEW's is
// scm_timestamping64, the same everywhere.
SYSCOMPAT_STRUCT(scm_timestamping, "scm_timestamping",
                 uapi("linux/time.h linux/errqueue.h", "struct scm_timestamping"),
                 (ts, timespec<M>[3]));

SYSCOMPAT_STRUCT(scm_timestamping64, "scm_timestamping64",
                 uapi("linux/errqueue.h", "struct scm_timestamping64"),
                 (ts, timespec64<M>[3]));

// ---- TCP_INFO (linux/tcp.h) -------------------------------------------------------------
// The two bytes of bit-fields (tcpi_snd_wscale:4, tcpi_rcv_wscale:4; then
// tcpi_delivery_rate_app_limited:1, tcpi_fastopen_client_fail:2) have no address to
// probe. 6.2, 6.7 and 6.18 appended members; the option's length says how much a caller
// gets. 6.18's are Accurate ECN's (RFC 9768): the received CE count, the byte counters and
// two u16 (fail mode, option seen), as the v19 series that net-next took for 6.18 puts them
// in include/uapi/linux/tcp.h ("[PATCH v19 net-next 08/10] tcp: accecn: AccECN option
// failure handling", 16 Sep 2025: blob 53e0e85b52be..dce3113787a7 appends the two u16
// after tcpi_received_ce_bytes; the next change to the file, Jan 2026's tcpi_ecn_mode
// series, starts from that same blob dce3113787a7). The running 6.18 kernel's TCP_INFO is
// 280 bytes, this entry's size (tests/unit/kernel_sizes_test.cpp asks it), and its BTF puts
// each member where this entry does (tests/unit/kernel_btf_test.cpp).
SYSCOMPAT_STRUCT(tcp_info, "tcp_info", uapi("linux/tcp.h", "struct tcp_info"),
                 (tcpi_state, u8),
                 (tcpi_ca_state, u8),
                 (tcpi_retransmits, u8),
                 (tcpi_probes, u8),
                 (tcpi_backoff, u8),
                 (tcpi_options, u8),
                 (tcpi_wscale_bits, Pad<1>),
                 (tcpi_rate_bits, Pad<1>),
                 (tcpi_rto, u32),
                 (tcpi_ato, u32),
                 (tcpi_snd_mss, u32),
                 (tcpi_rcv_mss, u32),
                 (tcpi_unacked, u32),
                 (tcpi_sacked, u32),
                 (tcpi_lost, u32),
                 (tcpi_retrans, u32),
                 (tcpi_fackets, u32),
                 (tcpi_last_data_sent, u32),
                 (tcpi_last_ack_sent, u32),
                 (tcpi_last_data_recv, u32),
                 (tcpi_last_ack_recv, u32),
                 (tcpi_pmtu, u32),
                 (tcpi_rcv_ssthresh, u32),
                 (tcpi_rtt, u32),
                 (tcpi_rttvar, u32),
                 (tcpi_snd_ssthresh, u32),
                 (tcpi_snd_cwnd, u32),
                 (tcpi_advmss, u32),
                 (tcpi_reordering, u32),
                 (tcpi_rcv_rtt, u32),
                 (tcpi_rcv_space, u32),
                 (tcpi_total_retrans, u32),
                 (tcpi_pacing_rate, u64),
                 (tcpi_max_pacing_rate, u64),
                 (tcpi_bytes_acked, u64),
                 (tcpi_bytes_received, u64),
                 (tcpi_segs_out, u32),
                 (tcpi_segs_in, u32),
                 (tcpi_notsent_bytes, u32),
                 (tcpi_min_rtt, u32),
                 (tcpi_data_segs_in, u32),
                 (tcpi_data_segs_out, u32),
                 (tcpi_delivery_rate, u64),
                 (tcpi_busy_time, u64),
                 (tcpi_rwnd_limited, u64),
                 (tcpi_sndbuf_limited, u64),
                 (tcpi_delivered, u32),
                 (tcpi_delivered_ce, u32),
                 (tcpi_bytes_sent, u64),
                 (tcpi_bytes_retrans, u64),
                 (tcpi_dsack_dups, u32),
                 (tcpi_reord_seen, u32),
                 (tcpi_rcv_ooopack, u32),
                 (tcpi_snd_wnd, u32),
                 (tcpi_rcv_wnd, u32),
                 (tcpi_rehash, u32),
                 (tcpi_total_rto, u16),
                 (tcpi_total_rto_recoveries, u16),
                 (tcpi_total_rto_time, u32),
                 (tcpi_received_ce, u32),
                 (tcpi_delivered_e1_bytes, u32),
                 (tcpi_delivered_e0_bytes, u32),
                 (tcpi_delivered_ce_bytes, u32),
                 (tcpi_received_e1_bytes, u32),
                 (tcpi_received_e0_bytes, u32),
                 (tcpi_received_ce_bytes, u32),
                 (tcpi_accecn_fail_mode, u16),
                 (tcpi_accecn_opt_seen, u16));
template <class M>
inline constexpr std::array newer_members<tcp_info<M>>{
    NewerMember{"tcpi_rcv_wnd", {6, 2}, true},
    NewerMember{"tcpi_rehash", {6, 2}, true},
    NewerMember{"tcpi_total_rto", {6, 7}, true},
    NewerMember{"tcpi_total_rto_recoveries", {6, 7}, true},
    NewerMember{"tcpi_total_rto_time", {6, 7}, true},
    NewerMember{"tcpi_received_ce", {6, 18}, true},
    NewerMember{"tcpi_delivered_e1_bytes", {6, 18}, true},
    NewerMember{"tcpi_delivered_e0_bytes", {6, 18}, true},
    NewerMember{"tcpi_delivered_ce_bytes", {6, 18}, true},
    NewerMember{"tcpi_received_e1_bytes", {6, 18}, true},
    NewerMember{"tcpi_received_e0_bytes", {6, 18}, true},
    NewerMember{"tcpi_received_ce_bytes", {6, 18}, true},
    NewerMember{"tcpi_accecn_fail_mode", {6, 18}, true},
    NewerMember{"tcpi_accecn_opt_seen", {6, 18}, true}};

// ---- what the notification fds give read(2) ---------------------------------------------

// name, len bytes, follows (NUL-padded).
SYSCOMPAT_STRUCT(inotify_event, "inotify_event", uapi("linux/inotify.h", "struct inotify_event"),
                 (wd, s32),
                 (mask, u32),
                 (cookie, u32),
                 (len, u32));

// Explicitly padded to 128 bytes so that read(2) needs no compat conversion.
SYSCOMPAT_STRUCT(signalfd_siginfo, "signalfd_siginfo",
                 uapi("linux/signalfd.h", "struct signalfd_siginfo"),
                 (ssi_signo, u32),
                 (ssi_errno, s32),
                 (ssi_code, s32),
                 (ssi_pid, u32),
                 (ssi_uid, u32),
                 (ssi_fd, s32),
                 (ssi_tid, u32),
                 (ssi_band, u32),
                 (ssi_overrun, u32),
                 (ssi_trapno, u32),
                 (ssi_status, s32),
                 (ssi_int, s32),
                 (ssi_ptr, u64),
                 (ssi_utime, u64),
                 (ssi_stime, u64),
                 (ssi_addr, u64),
                 (ssi_addr_lsb, u16),
                 (__pad2, u16),
                 (ssi_syscall, s32),
                 (ssi_call_addr, u64),
                 (ssi_arch, u32),
                 (__pad, u8[28]));

// __aligned_u64 mask: 24 bytes on i386 too.
SYSCOMPAT_STRUCT(fanotify_event_metadata, "fanotify_event_metadata",
                 uapi("linux/fanotify.h", "struct fanotify_event_metadata"),
                 (event_len, u32),
                 (vers, u8),
                 (reserved, u8),
                 (metadata_len, u16),
                 (mask, aligned_u64),
                 (fd, s32),
                 (pid, s32));

SYSCOMPAT_STRUCT(fanotify_event_info_header, "fanotify_event_info_header",
                 uapi("linux/fanotify.h", "struct fanotify_event_info_header"),
                 (info_type, u8),
                 (pad, u8),
                 (len, u16));

// An opaque struct file_handle follows.
SYSCOMPAT_STRUCT(fanotify_event_info_fid, "fanotify_event_info_fid",
                 uapi("linux/fanotify.h", "struct fanotify_event_info_fid"),
                 (hdr, fanotify_event_info_header<M>),
                 (fsid, kernel_fsid<M>));

SYSCOMPAT_STRUCT(fanotify_event_info_pidfd, "fanotify_event_info_pidfd",
                 uapi("linux/fanotify.h", "struct fanotify_event_info_pidfd"),
                 (hdr, fanotify_event_info_header<M>),
                 (pidfd, s32));

SYSCOMPAT_STRUCT(fanotify_event_info_error, "fanotify_event_info_error",
                 uapi("linux/fanotify.h", "struct fanotify_event_info_error"),
                 (hdr, fanotify_event_info_header<M>),
                 (error, s32),
                 (error_count, u32));

// What a permission-event listener writes back.
SYSCOMPAT_STRUCT(fanotify_response, "fanotify_response",
                 uapi("linux/fanotify.h", "struct fanotify_response"),
                 (fd, s32),
                 (response, u32));

// clang-format on

}  // namespace syscompat::abi

// One entry per line (clang-format would refill the list).
// clang-format off
#define SYSCOMPAT_STRUCTS_NET(X) \
  X(sockaddr_nl) \
  X(nlmsghdr) \
  X(nlmsgerr) \
  X(nlattr) \
  X(rtattr) \
  X(rtgenmsg) \
  X(ifinfomsg) \
  X(ifaddrmsg) \
  X(rtmsg) \
  X(ip_mreq) \
  X(ip_mreqn) \
  X(ip_mreq_source) \
  X(in_pktinfo) \
  X(ipv6_mreq) \
  X(in6_pktinfo) \
  X(sockaddr_ll) \
  X(packet_mreq) \
  X(sockaddr_vm) \
  X(can_addr_tp) \
  X(can_addr_j1939) \
  X(sockaddr_can) \
  X(sockaddr_alg) \
  X(sock_extended_err) \
  X(scm_timestamping) \
  X(scm_timestamping64) \
  X(tcp_info) \
  X(inotify_event) \
  X(signalfd_siginfo) \
  X(fanotify_event_metadata) \
  X(fanotify_event_info_header) \
  X(fanotify_event_info_fid) \
  X(fanotify_event_info_pidfd) \
  X(fanotify_event_info_error) \
  X(fanotify_response)
// clang-format on

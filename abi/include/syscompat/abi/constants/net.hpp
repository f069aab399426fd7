// Socket constants: address families, socket types and their flags, option levels and msg
// flags (glibc's sys/socket.h and netinet/*.h: the kernel's UAPI does not export them), and
// the SOL_SOCKET options (asm/socket.h; mips numbers most of them its own way).
// Notation: abi/include/syscompat/abi/constant_types.hpp.
#pragma once

#include "syscompat/abi/constant_types.hpp"

namespace syscompat::abi {

namespace rows {

using namespace abis;

// clang-format off
inline constexpr ConstantRow socket_family_rows[] = {
    {"AF_UNSPEC", 0},
    {"AF_UNIX", 1},
    {"AF_INET", 2},
    {"AF_AX25", 3},
    {"AF_IPX", 4},
    {"AF_APPLETALK", 5},
    {"AF_NETROM", 6},
    {"AF_BRIDGE", 7},
    {"AF_ATMPVC", 8},
    {"AF_X25", 9},
    {"AF_INET6", 10},
    {"AF_ROSE", 11},
    {"AF_DECnet", 12},
    {"AF_NETBEUI", 13},
    {"AF_SECURITY", 14},
    {"AF_KEY", 15},
    {"AF_NETLINK", 16},
    {"AF_PACKET", 17},
    {"AF_ASH", 18},
    {"AF_ECONET", 19},
    {"AF_ATMSVC", 20},
    {"AF_RDS", 21},
    {"AF_SNA", 22},
    {"AF_IRDA", 23},
    {"AF_PPPOX", 24},
    {"AF_WANPIPE", 25},
    {"AF_LLC", 26},
    {"AF_IB", 27},
    {"AF_MPLS", 28},
    {"AF_CAN", 29},
    {"AF_TIPC", 30},
    {"AF_BLUETOOTH", 31},
    {"AF_IUCV", 32},
    {"AF_RXRPC", 33},
    {"AF_ISDN", 34},
    {"AF_PHONET", 35},
    {"AF_IEEE802154", 36},
    {"AF_CAIF", 37},
    {"AF_ALG", 38},
    {"AF_NFC", 39},
    {"AF_VSOCK", 40},
    {"AF_KCM", 41},
    {"AF_QIPCRTR", 42},
    {"AF_SMC", 43},
    {"AF_XDP", 44},
    {"AF_MCTP", 45},
};

// The type part (SOCK_TYPE_MASK, 0xf); the flags below are the rest.
inline constexpr ConstantRow socket_type_rows[] = {
    {"SOCK_STREAM", 1, {mips, 2}},
    {"SOCK_DGRAM", 2, {mips, 1}},
    {"SOCK_RAW", 3},
    {"SOCK_RDM", 4},
    {"SOCK_SEQPACKET", 5},
    {"SOCK_DCCP", 6},
    {"SOCK_PACKET", 10},
};

inline constexpr ConstantRow socket_type_flag_rows[] = {
    {"SOCK_NONBLOCK", 04000, {mips, 0x80}},
    {"SOCK_CLOEXEC", 02000000},
};

inline constexpr ConstantRow socket_level_rows[] = {
    {"SOL_IP", 0},
    {"SOL_SOCKET", 1, {mips, 0xffff}},
    {"SOL_TCP", 6},
    {"SOL_UDP", 17},
    {"SOL_IPV6", 41},
    {"SOL_ICMPV6", 58},
    {"SOL_RAW", 255},
    {"SOL_PACKET", 263},
    {"SOL_NETLINK", 270},
    {"SOL_ALG", 279},
};

// SOL_SOCKET's options.
inline constexpr ConstantRow socket_option_rows[] = {
    {"SO_DEBUG", 1},
    {"SO_REUSEADDR", 2, {mips, 0x4}},
    {"SO_TYPE", 3, {mips, 0x1008}},
    {"SO_ERROR", 4, {mips, 0x1007}},
    {"SO_DONTROUTE", 5, {mips, 0x10}},
    {"SO_BROADCAST", 6, {mips, 0x20}},
    {"SO_SNDBUF", 7, {mips, 0x1001}},
    {"SO_RCVBUF", 8, {mips, 0x1002}},
    {"SO_KEEPALIVE", 9, {mips, 0x8}},
    {"SO_OOBINLINE", 10, {mips, 0x100}},
    {"SO_NO_CHECK", 11},
    {"SO_PRIORITY", 12},
    {"SO_LINGER", 13, {mips, 0x80}},
    {"SO_BSDCOMPAT", 14},
    {"SO_REUSEPORT", 15, {mips, 0x200}},
    {"SO_PASSCRED", 16, {mips, 17}},
    {"SO_PEERCRED", 17, {mips, 18}},
    {"SO_RCVLOWAT", 18, {mips, 0x1004}},
    {"SO_SNDLOWAT", 19, {mips, 0x1003}},
    {"SO_RCVTIMEO_OLD", 20, {mips, 0x1006}},
    {"SO_SNDTIMEO_OLD", 21, {mips, 0x1005}},
    {"SO_BINDTODEVICE", 25},
    {"SO_ATTACH_FILTER", 26},
    {"SO_DETACH_FILTER", 27},
    {"SO_PEERNAME", 28},
    {"SO_TIMESTAMP_OLD", 29},
    {"SO_ACCEPTCONN", 30, {mips, 0x1009}},
    {"SO_PEERSEC", 31, {mips, 30}},
    {"SO_SNDBUFFORCE", 32, {mips, 31}},
    {"SO_RCVBUFFORCE", 33},
    {"SO_PASSSEC", 34},
    {"SO_TIMESTAMPNS_OLD", 35},
    {"SO_MARK", 36},
    {"SO_TIMESTAMPING_OLD", 37},
    {"SO_PROTOCOL", 38, {mips, 0x1028}},
    {"SO_DOMAIN", 39, {mips, 0x1029}},
    {"SO_RXQ_OVFL", 40},
    {"SO_PEEK_OFF", 42},
    {"SO_BUSY_POLL", 46},
    {"SO_INCOMING_CPU", 49},
    {"SO_ATTACH_REUSEPORT_CBPF", 51},
    {"SO_COOKIE", 57},
    {"SO_PEERGROUPS", 59},
    {"SO_ZEROCOPY", 60},
    {"SO_TXTIME", 61},
    {"SO_BINDTOIFINDEX", 62},
    {"SO_TIMESTAMP_NEW", 63},
    {"SO_TIMESTAMPNS_NEW", 64},
    {"SO_TIMESTAMPING_NEW", 65},
    {"SO_RCVTIMEO_NEW", 66},
    {"SO_SNDTIMEO_NEW", 67},
};

// The control message types of SOL_SOCKET that are not socket options (the others are
// their option's number: SO_TIMESTAMP_OLD, ...). glibc's bits/socket.h; the kernel's
// linux/socket.h is not UAPI.
inline constexpr ConstantRow cmsg_type_rows[] = {
    {"SCM_RIGHTS", 1},
    {"SCM_CREDENTIALS", 2},
};

inline constexpr ConstantRow msg_flag_rows[] = {
    {"MSG_OOB", 0x1},
    {"MSG_PEEK", 0x2},
    {"MSG_DONTROUTE", 0x4},
    {"MSG_CTRUNC", 0x8},
    {"MSG_PROXY", 0x10},
    {"MSG_TRUNC", 0x20},
    {"MSG_DONTWAIT", 0x40},
    {"MSG_EOR", 0x80},
    {"MSG_WAITALL", 0x100},
    {"MSG_FIN", 0x200},
    {"MSG_SYN", 0x400},
    {"MSG_CONFIRM", 0x800},
    {"MSG_RST", 0x1000},
    {"MSG_ERRQUEUE", 0x2000},
    {"MSG_NOSIGNAL", 0x4000},
    {"MSG_MORE", 0x8000},
    {"MSG_WAITFORONE", 0x10000},
    {"MSG_BATCH", 0x40000},
    {"MSG_ZEROCOPY", 0x4000000},
    {"MSG_FASTOPEN", 0x20000000},
    {"MSG_CMSG_CLOEXEC", 0x40000000},
};
// clang-format on

// shutdown(2)'s `how` (glibc's sys/socket.h; the kernel's UAPI has none).
inline constexpr ConstantRow shutdown_how_rows[] = {
    {"SHUT_RD", 0},
    {"SHUT_WR", 1},
    {"SHUT_RDWR", 2},
};

// socket(2)'s protocol for AF_INET and AF_INET6 (linux/in.h's enum, each also a macro).
inline constexpr ConstantRow ip_protocol_rows[] = {
    {"IPPROTO_IP", 0},      {"IPPROTO_ICMP", 1},       {"IPPROTO_IGMP", 2},
    {"IPPROTO_IPIP", 4},    {"IPPROTO_TCP", 6},        {"IPPROTO_EGP", 8},
    {"IPPROTO_PUP", 12},    {"IPPROTO_UDP", 17},       {"IPPROTO_IDP", 22},
    {"IPPROTO_TP", 29},     {"IPPROTO_DCCP", 33},      {"IPPROTO_IPV6", 41},
    {"IPPROTO_RSVP", 46},   {"IPPROTO_GRE", 47},       {"IPPROTO_ESP", 50},
    {"IPPROTO_AH", 51},     {"IPPROTO_MTP", 92},       {"IPPROTO_BEETPH", 94},
    {"IPPROTO_ENCAP", 98},  {"IPPROTO_PIM", 103},      {"IPPROTO_COMP", 108},
    {"IPPROTO_L2TP", 115},  {"IPPROTO_SCTP", 132},     {"IPPROTO_UDPLITE", 136},
    {"IPPROTO_MPLS", 137},  {"IPPROTO_ETHERNET", 143}, {"IPPROTO_RAW", 255},
    {"IPPROTO_MPTCP", 262},
};

inline constexpr std::string_view headers_net_libc = "sys/socket.h";

}  // namespace rows

namespace vocab {
inline constexpr Vocabulary socket_families{"socket_families", VocabularyKind::values,
                                            rows::headers_net_libc, HeaderSide::libc,
                                            rows::socket_family_rows};
inline constexpr Vocabulary socket_types{"socket_types", VocabularyKind::values,
                                         rows::headers_net_libc, HeaderSide::libc,
                                         rows::socket_type_rows};
inline constexpr Vocabulary socket_type_flags{"socket_type_flags", VocabularyKind::flags,
                                              rows::headers_net_libc, HeaderSide::libc,
                                              rows::socket_type_flag_rows};
inline constexpr Vocabulary socket_levels{"socket_levels", VocabularyKind::values,
                                          "sys/socket.h netinet/in.h netinet/tcp.h netinet/udp.h",
                                          HeaderSide::libc, rows::socket_level_rows};
inline constexpr Vocabulary socket_options{"socket_options", VocabularyKind::values, "asm/socket.h",
                                           HeaderSide::uapi, rows::socket_option_rows};
inline constexpr Vocabulary cmsg_types{"cmsg_types", VocabularyKind::values, rows::headers_net_libc,
                                       HeaderSide::libc, rows::cmsg_type_rows};
inline constexpr Vocabulary shutdown_how{"shutdown_how", VocabularyKind::values,
                                         rows::headers_net_libc, HeaderSide::libc,
                                         rows::shutdown_how_rows};
inline constexpr Vocabulary ip_protocols{"ip_protocols", VocabularyKind::values, "linux/in.h",
                                         HeaderSide::uapi, rows::ip_protocol_rows};
inline constexpr Vocabulary msg_flags{"msg_flags", VocabularyKind::flags, rows::headers_net_libc,
                                      HeaderSide::libc, rows::msg_flag_rows};
}  // namespace vocab

}  // namespace syscompat::abi

// Socket and network-interface requests (asm/sockios.h, linux/sockios.h) and tun/tap
// (linux/if_tun.h).
#include "syscompat/abi/ioctl_table.hpp"

namespace syscompat::abi {

namespace {

// One row per request; see ioctl_table.hpp for the notation.
// clang-format off
constexpr IoctlRow socket_rows[] = {
    {"FIOSETOWN", "asm/sockios.h", "0x8901 | mips_o32 _IOW('f', 124, c_int)", "in c_int"},
    {"SIOCSPGRP", "asm/sockios.h", "0x8902 | mips_o32 _IOW('s', 8, c_int)", "in c_int"},
    {"FIOGETOWN", "asm/sockios.h", "0x8903 | mips_o32 _IOR('f', 123, c_int)", "out c_int"},
    {"SIOCGPGRP", "asm/sockios.h", "0x8904 | mips_o32 _IOR('s', 9, c_int)", "out c_int"},
    {"SIOCATMARK", "asm/sockios.h", "0x8905 | mips_o32 _IOR('s', 7, c_int)", "out c_int"},
    {"SIOCGSTAMP_OLD", "asm/sockios.h", "0x8906", "out struct old_timeval"},
    {"SIOCGSTAMPNS_OLD", "asm/sockios.h", "0x8907", "out struct timespec"},
    {"SIOCGSTAMP_NEW", "linux/sockios.h", "_IOR(0x89, 6, s64[2])", "out s64[2]"},
    {"SIOCGSTAMPNS_NEW", "linux/sockios.h", "_IOR(0x89, 7, s64[2])", "out s64[2]"},
    {"SIOCADDRT", "linux/sockios.h", "0x890B", "in struct rtentry"},
    {"SIOCDELRT", "linux/sockios.h", "0x890C", "in struct rtentry"},
    {"SIOCGIFNAME", "linux/sockios.h", "0x8910", "inout struct ifreq"},
    {"SIOCSIFLINK", "linux/sockios.h", "0x8911", ""},
    {"SIOCGIFCONF", "linux/sockios.h", "0x8912", "inout struct ifconf"},
    {"SIOCGIFFLAGS", "linux/sockios.h", "0x8913", "inout struct ifreq"},
    {"SIOCSIFFLAGS", "linux/sockios.h", "0x8914", "in struct ifreq"},
    {"SIOCGIFADDR", "linux/sockios.h", "0x8915", "inout struct ifreq"},
    {"SIOCSIFADDR", "linux/sockios.h", "0x8916", "in struct ifreq"},
    {"SIOCGIFDSTADDR", "linux/sockios.h", "0x8917", "inout struct ifreq"},
    {"SIOCSIFDSTADDR", "linux/sockios.h", "0x8918", "in struct ifreq"},
    {"SIOCGIFBRDADDR", "linux/sockios.h", "0x8919", "inout struct ifreq"},
    {"SIOCSIFBRDADDR", "linux/sockios.h", "0x891a", "in struct ifreq"},
    {"SIOCGIFNETMASK", "linux/sockios.h", "0x891b", "inout struct ifreq"},
    {"SIOCSIFNETMASK", "linux/sockios.h", "0x891c", "in struct ifreq"},
    {"SIOCGIFMETRIC", "linux/sockios.h", "0x891d", "inout struct ifreq"},
    {"SIOCSIFMETRIC", "linux/sockios.h", "0x891e", "in struct ifreq"},
    {"SIOCGIFMEM", "linux/sockios.h", "0x891f", "inout struct ifreq"},
    {"SIOCSIFMEM", "linux/sockios.h", "0x8920", "in struct ifreq"},
    {"SIOCGIFMTU", "linux/sockios.h", "0x8921", "inout struct ifreq"},
    {"SIOCSIFMTU", "linux/sockios.h", "0x8922", "in struct ifreq"},
    {"SIOCSIFNAME", "linux/sockios.h", "0x8923", "in struct ifreq"},
    {"SIOCSIFHWADDR", "linux/sockios.h", "0x8924", "in struct ifreq"},
    {"SIOCGIFENCAP", "linux/sockios.h", "0x8925", "inout struct ifreq"},
    {"SIOCSIFENCAP", "linux/sockios.h", "0x8926", "in struct ifreq"},
    {"SIOCGIFHWADDR", "linux/sockios.h", "0x8927", "inout struct ifreq"},
    {"SIOCGIFSLAVE", "linux/sockios.h", "0x8929", "inout struct ifreq"},
    {"SIOCSIFSLAVE", "linux/sockios.h", "0x8930", "in struct ifreq"},
    {"SIOCADDMULTI", "linux/sockios.h", "0x8931", "in struct ifreq"},
    {"SIOCDELMULTI", "linux/sockios.h", "0x8932", "in struct ifreq"},
    {"SIOCGIFINDEX", "linux/sockios.h", "0x8933", "inout struct ifreq"},
    {"SIOCSIFPFLAGS", "linux/sockios.h", "0x8934", "in struct ifreq"},
    {"SIOCGIFPFLAGS", "linux/sockios.h", "0x8935", "inout struct ifreq"},
    {"SIOCDIFADDR", "linux/sockios.h", "0x8936", "in struct ifreq"},
    {"SIOCSIFHWBROADCAST", "linux/sockios.h", "0x8937", "in struct ifreq"},
    {"SIOCGIFCOUNT", "linux/sockios.h", "0x8938", "inout struct ifreq"},
    {"SIOCGIFBR", "linux/sockios.h", "0x8940", "inout struct ifreq"},
    {"SIOCSIFBR", "linux/sockios.h", "0x8941", "in struct ifreq"},
    {"SIOCGIFTXQLEN", "linux/sockios.h", "0x8942", "inout struct ifreq"},
    {"SIOCSIFTXQLEN", "linux/sockios.h", "0x8943", "in struct ifreq"},
    {"SIOCETHTOOL", "linux/sockios.h", "0x8946", "inout struct ifreq"},
    {"SIOCGMIIPHY", "linux/sockios.h", "0x8947", "inout struct ifreq"},
    {"SIOCGMIIREG", "linux/sockios.h", "0x8948", "inout struct ifreq"},
    {"SIOCSMIIREG", "linux/sockios.h", "0x8949", "in struct ifreq"},
    {"SIOCWANDEV", "linux/sockios.h", "0x894A", "inout struct ifreq"},
    {"SIOCOUTQNSD", "linux/sockios.h", "0x894B", "out c_int"},
    {"SIOCGSKNS", "linux/sockios.h", "0x894C", ""},
    {"SIOCDARP", "linux/sockios.h", "0x8953", "in struct arpreq"},
    {"SIOCGARP", "linux/sockios.h", "0x8954", "inout struct arpreq"},
    {"SIOCSARP", "linux/sockios.h", "0x8955", "in struct arpreq"},
    {"SIOCDRARP", "linux/sockios.h", "0x8960", "in struct arpreq"},
    {"SIOCGRARP", "linux/sockios.h", "0x8961", "inout struct arpreq"},
    {"SIOCSRARP", "linux/sockios.h", "0x8962", "in struct arpreq"},
    {"SIOCGIFMAP", "linux/sockios.h", "0x8970", "inout struct ifreq"},
    {"SIOCSIFMAP", "linux/sockios.h", "0x8971", "in struct ifreq"},
    {"SIOCADDDLCI", "linux/sockios.h", "0x8980", "inout struct ifreq"},
    {"SIOCDELDLCI", "linux/sockios.h", "0x8981", "in struct ifreq"},
    {"SIOCGIFVLAN", "linux/sockios.h", "0x8982", "inout struct ifreq"},
    {"SIOCSIFVLAN", "linux/sockios.h", "0x8983", "inout struct ifreq"},
    {"SIOCBONDENSLAVE", "linux/sockios.h", "0x8990", "in struct ifreq"},
    {"SIOCBONDRELEASE", "linux/sockios.h", "0x8991", "in struct ifreq"},
    {"SIOCBONDSETHWADDR", "linux/sockios.h", "0x8992", "in struct ifreq"},
    {"SIOCBONDSLAVEINFOQUERY", "linux/sockios.h", "0x8993", "inout struct ifreq"},
    {"SIOCBONDINFOQUERY", "linux/sockios.h", "0x8994", "inout struct ifreq"},
    {"SIOCBONDCHANGEACTIVE", "linux/sockios.h", "0x8995", "in struct ifreq"},
    {"SIOCBRADDBR", "linux/sockios.h", "0x89a0", "in c_char[16]"},
    {"SIOCBRDELBR", "linux/sockios.h", "0x89a1", "in c_char[16]"},
    {"SIOCBRADDIF", "linux/sockios.h", "0x89a2", "in struct ifreq"},
    {"SIOCBRDELIF", "linux/sockios.h", "0x89a3", "in struct ifreq"},
    {"SIOCSHWTSTAMP", "linux/sockios.h", "0x89b0", "inout struct ifreq"},
    {"SIOCGHWTSTAMP", "linux/sockios.h", "0x89b1", "inout struct ifreq"},
};

constexpr IoctlRow tun_rows[] = {
    {"TUNSETNOCSUM", "linux/if_tun.h", "_IOW('T', 200, c_int)", "val"},
    {"TUNSETDEBUG", "linux/if_tun.h", "_IOW('T', 201, c_int)", "val"},
    {"TUNSETIFF", "linux/if_tun.h", "_IOW('T', 202, c_int)", "inout struct ifreq"},
    {"TUNSETPERSIST", "linux/if_tun.h", "_IOW('T', 203, c_int)", "val"},
    {"TUNSETOWNER", "linux/if_tun.h", "_IOW('T', 204, c_int)", "val"},
    {"TUNSETLINK", "linux/if_tun.h", "_IOW('T', 205, c_int)", "val"},
    {"TUNSETGROUP", "linux/if_tun.h", "_IOW('T', 206, c_int)", "val"},
    {"TUNGETFEATURES", "linux/if_tun.h", "_IOR('T', 207, c_uint)", "out c_uint"},
    {"TUNSETOFFLOAD", "linux/if_tun.h", "_IOW('T', 208, c_uint)", "val"},
    {"TUNSETTXFILTER", "linux/if_tun.h", "_IOW('T', 209, c_uint)", "in struct tun_filter"},
    {"TUNGETIFF", "linux/if_tun.h", "_IOR('T', 210, c_uint)", "out struct ifreq"},
    {"TUNGETSNDBUF", "linux/if_tun.h", "_IOR('T', 211, c_int)", "out c_int"},
    {"TUNSETSNDBUF", "linux/if_tun.h", "_IOW('T', 212, c_int)", "in c_int"},
    {"TUNATTACHFILTER", "linux/if_tun.h", "_IOW('T', 213, struct sock_fprog)", "in struct sock_fprog"},
    {"TUNDETACHFILTER", "linux/if_tun.h", "_IOW('T', 214, struct sock_fprog)", ""},
    {"TUNGETVNETHDRSZ", "linux/if_tun.h", "_IOR('T', 215, c_int)", "out c_int"},
    {"TUNSETVNETHDRSZ", "linux/if_tun.h", "_IOW('T', 216, c_int)", "in c_int"},
    {"TUNSETQUEUE", "linux/if_tun.h", "_IOW('T', 217, c_int)", "in struct ifreq"},
    {"TUNSETIFINDEX", "linux/if_tun.h", "_IOW('T', 218, c_uint)", "in c_uint"},
    {"TUNGETFILTER", "linux/if_tun.h", "_IOR('T', 219, struct sock_fprog)", "out struct sock_fprog"},
    {"TUNSETVNETLE", "linux/if_tun.h", "_IOW('T', 220, c_int)", "in c_int"},
    {"TUNGETVNETLE", "linux/if_tun.h", "_IOR('T', 221, c_int)", "out c_int"},
    {"TUNSETVNETBE", "linux/if_tun.h", "_IOW('T', 222, c_int)", "in c_int"},
    {"TUNGETVNETBE", "linux/if_tun.h", "_IOR('T', 223, c_int)", "out c_int"},
    {"TUNSETSTEERINGEBPF", "linux/if_tun.h", "_IOR('T', 224, c_int)", "in c_int"},
    {"TUNSETFILTEREBPF", "linux/if_tun.h", "_IOR('T', 225, c_int)", "in c_int"},
    {"TUNSETCARRIER", "linux/if_tun.h", "_IOW('T', 226, c_int)", "in c_int"},
    {"TUNGETDEVNETNS", "linux/if_tun.h", "_IO('T', 227)", ""},
};
// clang-format on

constexpr IoctlFamily families[] = {
    {"sockets and network interfaces", socket_rows},
    {"tun/tap", tun_rows},
};

}  // namespace

std::span<const IoctlFamily> ioctl_families_net() {
  return families;
}

}  // namespace syscompat::abi

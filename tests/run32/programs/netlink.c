// netlink: rtnetlink dumps of the links (RTM_GETLINK) and addresses (RTM_GETADDR), read with
// recvmsg into a sockaddr_nl, every header, attribute and body field the kernel sent
// printed. The messages pass between i386 and x86_64 as they are (same layouts on both), so
// run32's output must be the native run's byte for byte.
#include <linux/if_addr.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static unsigned sequence = 1;

static int request(int fd, unsigned short type, unsigned char family) {
  struct {
    struct nlmsghdr header;
    struct rtgenmsg body;
  } message;
  memset(&message, 0, sizeof message);
  message.header.nlmsg_len = NLMSG_LENGTH(sizeof message.body);
  message.header.nlmsg_type = type;
  message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  message.header.nlmsg_seq = sequence;
  message.body.rtgen_family = family;
  struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
  return sendto(fd, &message, message.header.nlmsg_len, 0, (struct sockaddr*)&kernel,
                sizeof kernel) == (ssize_t)message.header.nlmsg_len;
}

static void print_attributes(struct rtattr* attribute, int length) {
  for (; RTA_OK(attribute, length); attribute = RTA_NEXT(attribute, length)) {
    const unsigned char* data = RTA_DATA(attribute);
    const int bytes = RTA_PAYLOAD(attribute);
    printf("  attr %u len %u:", attribute->rta_type, attribute->rta_len);
    // statistics and queue counters move between the two runs: sizes only for those
    if (attribute->rta_type == IFLA_STATS || attribute->rta_type == IFLA_STATS64 ||
        attribute->rta_type == IFLA_AF_SPEC || attribute->rta_type == IFLA_XDP ||
        attribute->rta_type == IFLA_PROTO_DOWN_REASON || attribute->rta_type == IFLA_LINKINFO ||
        attribute->rta_type == IFLA_MAP || attribute->rta_type == IFLA_CARRIER_CHANGES ||
        attribute->rta_type == IFLA_CARRIER_UP_COUNT ||
        attribute->rta_type == IFLA_CARRIER_DOWN_COUNT) {
      printf(" (%d bytes)\n", bytes);
      continue;
    }
    for (int i = 0; i < bytes && i < 32; ++i) printf(" %02x", data[i]);
    printf("\n");
  }
}

// Reads one dump to its NLMSG_DONE; 0 on a clean end.
static int dump(int fd, int links) {
  char buffer[32768] __attribute__((aligned(8)));
  for (;;) {
    struct sockaddr_nl from;
    struct iovec iov = {buffer, sizeof buffer};
    struct msghdr message = {.msg_name = &from, .msg_namelen = sizeof from, .msg_iov = &iov,
                             .msg_iovlen = 1};
    ssize_t got = recvmsg(fd, &message, 0);
    if (got <= 0) return printf("recvmsg: %zd\n", got), 1;
    printf("from family %u pid %u groups %u namelen %u flags %d\n", from.nl_family, from.nl_pid,
           from.nl_groups, message.msg_namelen, message.msg_flags);
    int length = (int)got;
    for (struct nlmsghdr* header = (struct nlmsghdr*)buffer; NLMSG_OK(header, length);
         header = NLMSG_NEXT(header, length)) {
      printf("msg type %u flags %#x seq %u len %u\n", header->nlmsg_type, header->nlmsg_flags,
             header->nlmsg_seq, header->nlmsg_len);
      if (header->nlmsg_type == NLMSG_DONE) return 0;
      if (header->nlmsg_type == NLMSG_ERROR) {
        struct nlmsgerr* error = NLMSG_DATA(header);
        return printf("error %d\n", error->error), 1;
      }
      if (links) {
        struct ifinfomsg* link = NLMSG_DATA(header);
        printf(" link family %u type %u index %d flags %#x change %#x\n", link->ifi_family,
               link->ifi_type, link->ifi_index, link->ifi_flags, link->ifi_change);
        print_attributes(IFLA_RTA(link), IFLA_PAYLOAD(header));
      } else {
        struct ifaddrmsg* address = NLMSG_DATA(header);
        printf(" addr family %u prefixlen %u flags %#x scope %u index %u\n",
               address->ifa_family, address->ifa_prefixlen, address->ifa_flags,
               address->ifa_scope, address->ifa_index);
        struct rtattr* attribute = IFA_RTA(address);
        int remaining = IFA_PAYLOAD(header);
        for (; RTA_OK(attribute, remaining); attribute = RTA_NEXT(attribute, remaining))
          // IFA_CACHEINFO's lifetimes count down between the two runs
          if (attribute->rta_type != IFA_CACHEINFO) print_attributes(attribute, attribute->rta_len);
      }
    }
  }
}

int main(void) {
  int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  if (fd < 0) return perror("socket"), 1;
  struct sockaddr_nl self = {.nl_family = AF_NETLINK};
  printf("bind: %d\n", bind(fd, (struct sockaddr*)&self, sizeof self));
  socklen_t length = sizeof self;
  printf("getsockname: %d len %u family %u groups %u\n",
         getsockname(fd, (struct sockaddr*)&self, &length), length, self.nl_family,
         self.nl_groups);
  printf("links: %d\n", request(fd, RTM_GETLINK, AF_UNSPEC));
  if (dump(fd, 1)) return 1;
  ++sequence;
  printf("addresses: %d\n", request(fd, RTM_GETADDR, AF_UNSPEC));
  if (dump(fd, 0)) return 1;
  close(fd);
  return 0;
}

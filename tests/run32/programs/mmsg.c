// sendmmsg/recvmmsg on a datagram socketpair: several messages in one call each way.
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

int main(void) {
  int pair[2];
  socketpair(AF_UNIX, SOCK_DGRAM, 0, pair);
  char* texts[3] = {"first", "second message", "third"};
  struct iovec out_iov[3];
  struct mmsghdr out[3];
  memset(out, 0, sizeof out);
  for (int i = 0; i < 3; ++i) {
    out_iov[i].iov_base = texts[i];
    out_iov[i].iov_len = strlen(texts[i]);
    out[i].msg_hdr.msg_iov = &out_iov[i];
    out[i].msg_hdr.msg_iovlen = 1;
  }
  printf("sendmmsg: %d\n", sendmmsg(pair[0], out, 3, 0));
  printf("lengths sent: %u %u %u\n", out[0].msg_len, out[1].msg_len, out[2].msg_len);
  char buffers[3][32];
  struct iovec in_iov[3];
  struct mmsghdr in[3];
  memset(in, 0, sizeof in);
  memset(buffers, 0, sizeof buffers);
  for (int i = 0; i < 3; ++i) {
    in_iov[i].iov_base = buffers[i];
    in_iov[i].iov_len = sizeof buffers[i] - 1;
    in[i].msg_hdr.msg_iov = &in_iov[i];
    in[i].msg_hdr.msg_iovlen = 1;
  }
  printf("recvmmsg: %d\n", recvmmsg(pair[1], in, 3, 0, NULL));
  for (int i = 0; i < 3; ++i) printf("message %d: %u '%s'\n", i, in[i].msg_len, buffers[i]);
  return 0;
}

// AF_UNIX socketpair with SCM_RIGHTS, and a loopback TCP connection.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

// One byte of data and room for one descriptor's SCM_RIGHTS message.
struct descriptor_message {
  char byte;
  struct iovec iov;
  union { struct cmsghdr header; char space[CMSG_SPACE(sizeof(int))]; } control;
  struct msghdr msg;
};

static void prepare(struct descriptor_message* m) {
  memset(m, 0, sizeof *m);
  m->byte = 'F';
  m->iov.iov_base = &m->byte;
  m->iov.iov_len = 1;
  m->msg.msg_iov = &m->iov;
  m->msg.msg_iovlen = 1;
  m->msg.msg_control = m->control.space;
  m->msg.msg_controllen = sizeof m->control.space;
}

static int send_descriptor(int socket, int fd) {
  struct descriptor_message m;
  prepare(&m);
  struct cmsghdr* cmsg = CMSG_FIRSTHDR(&m.msg);
  cmsg->cmsg_level = SOL_SOCKET;
  cmsg->cmsg_type = SCM_RIGHTS;
  cmsg->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(cmsg), &fd, sizeof fd);
  return (int)sendmsg(socket, &m.msg, 0);
}

static int receive_descriptor(int socket) {
  struct descriptor_message m;
  prepare(&m);
  if (recvmsg(socket, &m.msg, 0) != 1) return -1;
  struct cmsghdr* cmsg = CMSG_FIRSTHDR(&m.msg);
  if (!cmsg || cmsg->cmsg_type != SCM_RIGHTS) return -2;
  int fd;
  memcpy(&fd, CMSG_DATA(cmsg), sizeof fd);
  return fd;
}

int main(void) {
  int pair[2];
  printf("socketpair: %d\n", socketpair(AF_UNIX, SOCK_STREAM, 0, pair));
  printf("send: %zd\n", send(pair[0], "ping", 4, 0));
  char buffer[64] = {0};
  printf("recv: %zd %s\n", recv(pair[1], buffer, sizeof buffer, 0), buffer);
  int p[2];
  pipe(p);
  printf("sendmsg SCM_RIGHTS: %d\n", send_descriptor(pair[0], p[1]));
  int received = receive_descriptor(pair[1]);
  printf("received a descriptor: %d\n", received >= 0);
  write(received, "via passed fd", 13);
  memset(buffer, 0, sizeof buffer);
  read(p[0], buffer, sizeof buffer);
  printf("pipe read: %s\n", buffer);

  int listener = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in address = {0};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  printf("bind: %d\n", bind(listener, (struct sockaddr*)&address, sizeof address));
  printf("listen: %d\n", listen(listener, 4));
  socklen_t length = sizeof address;
  getsockname(listener, (struct sockaddr*)&address, &length);
  printf("bound to loopback with a port: %d\n", address.sin_port != 0 && length == sizeof address);
  int client = socket(AF_INET, SOCK_STREAM, 0);
  printf("connect: %d\n", connect(client, (struct sockaddr*)&address, sizeof address));
  struct sockaddr_in peer;
  length = sizeof peer;
  int server = accept(listener, (struct sockaddr*)&peer, &length);
  printf("accept: %d peer loopback %d\n", server >= 0, peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
  printf("sendto: %zd\n", sendto(client, "over tcp", 8, 0, NULL, 0));
  memset(buffer, 0, sizeof buffer);
  printf("recvfrom: %zd %s\n", recvfrom(server, buffer, sizeof buffer, 0, NULL, NULL), buffer);
  int value = 0;
  length = sizeof value;
  getsockopt(client, SOL_SOCKET, SO_TYPE, &value, &length);
  printf("SO_TYPE stream: %d\n", value == SOCK_STREAM);
  printf("shutdown: %d\n", shutdown(client, SHUT_WR));
  printf("recv after shutdown: %zd\n", recv(server, buffer, sizeof buffer, 0));
  return 0;
}

// UDP over loopback: sendto/recvfrom with addresses, MSG_PEEK, SO_RCVTIMEO timing out.
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

int main(void) {
  int a = socket(AF_INET, SOCK_DGRAM, 0), b = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  bind(b, (struct sockaddr*)&address, sizeof address);
  socklen_t length = sizeof address;
  getsockname(b, (struct sockaddr*)&address, &length);
  printf("sendto: %zd\n", sendto(a, "datagram", 8, 0, (struct sockaddr*)&address, sizeof address));
  char buffer[32] = {0};
  printf("peek: %zd\n", recv(b, buffer, sizeof buffer, MSG_PEEK));
  struct sockaddr_in from;
  length = sizeof from;
  const ssize_t received = recvfrom(b, buffer, sizeof buffer, 0, (struct sockaddr*)&from, &length);
  printf("recvfrom: %zd %s from loopback %d\n", received, buffer,
         from.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
  struct timeval timeout = {0, 50000};
  printf("SO_RCVTIMEO: %d\n", setsockopt(b, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout));
  printf("timed out: %d\n", recv(b, buffer, sizeof buffer, 0) == -1 && errno == EAGAIN);
  struct timeval back;
  length = sizeof back;
  getsockopt(b, SOL_SOCKET, SO_RCVTIMEO, &back, &length);
  printf("SO_RCVTIMEO read back: %ld.%06ld\n", (long)back.tv_sec, (long)back.tv_usec);
  return 0;
}

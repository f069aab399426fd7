// AF_UNIX sockets bound to a path: listen/accept/connect, getpeername, SO_PEERCRED, datagrams.
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void) {
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  strcpy(address.sun_path, "server.sock");
  int listener = socket(AF_UNIX, SOCK_STREAM, 0);
  // One call per statement: printf's arguments are evaluated in no fixed order.
  const int bound = bind(listener, (struct sockaddr*)&address, sizeof address);
  printf("bind: %d listen: %d\n", bound, listen(listener, 1));
  int client = socket(AF_UNIX, SOCK_STREAM, 0);
  printf("connect: %d\n", connect(client, (struct sockaddr*)&address, sizeof address));
  int server = accept(listener, NULL, NULL);
  struct sockaddr_un peer;
  memset(&peer, 0, sizeof peer);
  socklen_t length = sizeof peer;
  const int named = getpeername(client, (struct sockaddr*)&peer, &length);
  printf("getpeername: %d path: %s\n", named, peer.sun_path);
  struct ucred credentials;
  length = sizeof credentials;
  getsockopt(server, SOL_SOCKET, SO_PEERCRED, &credentials, &length);
  printf("SO_PEERCRED: pid is ours %d uid is ours %d size %u\n", credentials.pid == getpid(),
         credentials.uid == getuid(), (unsigned)length);
  write(client, "stream data", 11);
  char buffer[32] = {0};
  read(server, buffer, sizeof buffer);
  printf("server got: %s\n", buffer);
  int datagrams[2];
  socketpair(AF_UNIX, SOCK_DGRAM, 0, datagrams);
  send(datagrams[0], "first", 5, 0);
  send(datagrams[0], "second", 6, 0);
  memset(buffer, 0, sizeof buffer);
  printf("datagram boundaries kept: %zd", recv(datagrams[1], buffer, sizeof buffer, 0));
  printf(" %zd\n", recv(datagrams[1], buffer, sizeof buffer, 0));
  unlink("server.sock");
  return 0;
}

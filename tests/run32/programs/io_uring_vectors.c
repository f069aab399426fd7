// io_uring with the requests whose arguments hold 32-bit iovecs and msghdrs, which the
// kernel reads as compat ones from an i386 process's ring (ctx->compat): WRITEV and READV
// submissions (one with an iov_len past 2 GiB: EINVAL), IORING_REGISTER_BUFFERS then
// READ_FIXED, IORING_REGISTER_BUFFERS2 and IORING_REGISTER_BUFFERS_UPDATE, SENDMSG and
// RECVMSG on a socket pair. Raw syscalls, no liburing.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/io_uring.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

static int ring_fd;
static unsigned *sq_tail, *sq_mask, *sq_array, *cq_head, *cq_tail, *cq_mask;
static struct io_uring_sqe* sqes;
static struct io_uring_cqe* cqes;

static void setup(void) {
  struct io_uring_params p;
  memset(&p, 0, sizeof p);
  ring_fd = syscall(__NR_io_uring_setup, 8, &p);
  if (ring_fd < 0) {
    printf("io_uring_setup: %s: skipped\n", strerror(errno));
    exit(0);
  }
  size_t sq_size = p.sq_off.array + p.sq_entries * sizeof(unsigned);
  size_t cq_size = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
  if (p.features & IORING_FEAT_SINGLE_MMAP) sq_size = cq_size = sq_size > cq_size ? sq_size : cq_size;
  char* sq = mmap(NULL, sq_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring_fd,
                  IORING_OFF_SQ_RING);
  char* cq = p.features & IORING_FEAT_SINGLE_MMAP
                 ? sq
                 : mmap(NULL, cq_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring_fd,
                        IORING_OFF_CQ_RING);
  sqes = mmap(NULL, p.sq_entries * sizeof(struct io_uring_sqe), PROT_READ | PROT_WRITE,
              MAP_SHARED | MAP_POPULATE, ring_fd, IORING_OFF_SQES);
  if (sq == MAP_FAILED || cq == MAP_FAILED || sqes == MAP_FAILED) {
    printf("mmap of the rings failed\n");
    exit(1);
  }
  sq_tail = (unsigned*)(sq + p.sq_off.tail);
  sq_mask = (unsigned*)(sq + p.sq_off.ring_mask);
  sq_array = (unsigned*)(sq + p.sq_off.array);
  cq_head = (unsigned*)(cq + p.cq_off.head);
  cq_tail = (unsigned*)(cq + p.cq_off.tail);
  cq_mask = (unsigned*)(cq + p.cq_off.ring_mask);
  cqes = (struct io_uring_cqe*)(cq + p.cq_off.cqes);
  printf("ring set up: %u entries\n", p.sq_entries);
}

static struct io_uring_sqe* next_sqe(void) {
  unsigned tail = *sq_tail, index = tail & *sq_mask;
  struct io_uring_sqe* sqe = &sqes[index];
  memset(sqe, 0, sizeof *sqe);
  sq_array[index] = index;
  return sqe;
}

// Submits the one prepared SQE, waits for its completion: its res.
static int submit_and_wait(void) {
  __atomic_store_n(sq_tail, *sq_tail + 1, __ATOMIC_RELEASE);
  int submitted = syscall(__NR_io_uring_enter, ring_fd, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0);
  if (submitted != 1) {
    printf("io_uring_enter: %d %s\n", submitted, strerror(errno));
    exit(1);
  }
  unsigned head = *cq_head;
  while (head == __atomic_load_n(cq_tail, __ATOMIC_ACQUIRE)) {
  }
  int res = cqes[head & *cq_mask].res;
  __atomic_store_n(cq_head, head + 1, __ATOMIC_RELEASE);
  return res;
}

static void result(const char* what, int res) {
  if (res < 0)
    printf("%s: %s\n", what, strerrorname_np(-res));
  else
    printf("%s: %d\n", what, res);
}

static int register_call(unsigned opcode, void* argument, unsigned count) {
  int r = syscall(__NR_io_uring_register, ring_fd, opcode, argument, count);
  return r < 0 ? -errno : r;
}

int main(void) {
  setup();
  char path[] = "/tmp/syscompat-uring-XXXXXX";
  int file = mkstemp(path);
  unlink(path);

  char first[] = "vectored ", second[] = "writes through the ring\n";
  struct iovec out[2] = {{first, strlen(first)}, {second, strlen(second)}};
  struct io_uring_sqe* sqe = next_sqe();
  sqe->opcode = IORING_OP_WRITEV;
  sqe->fd = file;
  sqe->addr = (uintptr_t)out;
  sqe->len = 2;
  result("WRITEV of 2 iovecs", submit_and_wait());

  char a[6] = {0}, b[40] = {0};
  struct iovec in[2] = {{a, 5}, {b, sizeof b - 1}};
  sqe = next_sqe();
  sqe->opcode = IORING_OP_READV;
  sqe->fd = file;
  sqe->addr = (uintptr_t)in;
  sqe->len = 2;
  result("READV into 2 iovecs", submit_and_wait());
  printf("  [%s] [%.23s]\n", a, b);

  struct iovec huge[1] = {{b, 0xffffffffu}};
  sqe = next_sqe();
  sqe->opcode = IORING_OP_READV;
  sqe->fd = file;
  sqe->addr = (uintptr_t)huge;
  sqe->len = 1;
  result("READV with iov_len 0xffffffff", submit_and_wait());

  static char buffers[3][32];
  struct iovec registered[2] = {{buffers[0], 32}, {buffers[1], 32}};
  result("IORING_REGISTER_BUFFERS", register_call(IORING_REGISTER_BUFFERS, registered, 2));
  sqe = next_sqe();
  sqe->opcode = IORING_OP_READ_FIXED;
  sqe->fd = file;
  sqe->addr = (uintptr_t)buffers[1];
  sqe->len = 8;
  sqe->off = 9;
  sqe->buf_index = 1;
  result("READ_FIXED into buffer 1", submit_and_wait());
  printf("  [%.8s]\n", buffers[1]);
  result("IORING_UNREGISTER_BUFFERS", register_call(IORING_UNREGISTER_BUFFERS, NULL, 0));

  struct io_uring_rsrc_register resources;
  memset(&resources, 0, sizeof resources);
  resources.nr = 2;
  resources.data = (uintptr_t)registered;
  result("IORING_REGISTER_BUFFERS2",
         register_call(IORING_REGISTER_BUFFERS2, &resources, sizeof resources));
  struct iovec replacement[1] = {{buffers[2], 32}};
  struct io_uring_rsrc_update2 update;
  memset(&update, 0, sizeof update);
  update.offset = 0;
  update.data = (uintptr_t)replacement;
  update.nr = 1;
  result("IORING_REGISTER_BUFFERS_UPDATE",
         register_call(IORING_REGISTER_BUFFERS_UPDATE, &update, sizeof update));
  sqe = next_sqe();
  sqe->opcode = IORING_OP_READ_FIXED;
  sqe->fd = file;
  sqe->addr = (uintptr_t)buffers[2];
  sqe->len = 6;
  sqe->off = 18;
  sqe->buf_index = 0;
  result("READ_FIXED into the updated buffer 0", submit_and_wait());
  printf("  [%.6s]\n", buffers[2]);

  int pair[2];
  socketpair(AF_UNIX, SOCK_DGRAM, 0, pair);
  char left[] = "message ", right[] = "in two parts";
  struct iovec parts[2] = {{left, strlen(left)}, {right, strlen(right)}};
  struct msghdr message;
  memset(&message, 0, sizeof message);
  message.msg_iov = parts;
  message.msg_iovlen = 2;
  sqe = next_sqe();
  sqe->opcode = IORING_OP_SENDMSG;
  sqe->fd = pair[0];
  sqe->addr = (uintptr_t)&message;
  result("SENDMSG of 2 iovecs", submit_and_wait());
  char got_a[9] = {0}, got_b[32] = {0};
  struct iovec into[2] = {{got_a, 8}, {got_b, sizeof got_b - 1}};
  struct msghdr reply;
  memset(&reply, 0, sizeof reply);
  reply.msg_iov = into;
  reply.msg_iovlen = 2;
  sqe = next_sqe();
  sqe->opcode = IORING_OP_RECVMSG;
  sqe->fd = pair[1];
  sqe->addr = (uintptr_t)&reply;
  result("RECVMSG into 2 iovecs", submit_and_wait());
  printf("  [%s] [%s]\n", got_a, got_b);
  return 0;
}

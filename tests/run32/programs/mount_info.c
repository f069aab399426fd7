/* The 6.8 mount and LSM calls: statmount of the root mount (its unique id from statx's
 * STATX_MNT_ID_UNIQUE), its whole reply printed byte for byte (statmount's struct has one
 * layout on i386 and x86_64, so run32 passes it through); listmount below the namespace's
 * root; lsm_list_modules and lsm_get_self_attr, whose replies (u64 ids, struct lsm_ctx) are
 * the same everywhere too; and the errors: a buffer too small, a bad one, a short request,
 * unknown flags. On a kernel without them every call answers ENOSYS, natively and under
 * run32 alike. The numbers and request layout are those of include/uapi/linux/mount.h and
 * lsm.h (6.8), which the 6.1 headers here lack. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

enum {
  nr_statmount = 457,
  nr_listmount = 458,
  nr_lsm_get_self_attr = 459,
  nr_lsm_list_modules = 461
};

/* struct mnt_id_req, MNT_ID_REQ_SIZE_VER0 */
struct request {
  uint32_t size, spare;
  uint64_t mnt_id, param;
};

static long call(long number, long a, long b, long c, long d) {
  const long r = syscall(number, a, b, c, d);
  return r < 0 ? -errno : r;
}

static void show(const char* what, long result) {
  if (result < 0)
    printf("%s: %s\n", what, strerror((int)-result));
  else
    printf("%s: %ld\n", what, result);
}

static unsigned char reply[8192];

int main(void) {
  struct statx root;
  memset(&root, 0, sizeof root);
  const unsigned unique = 0x4000; /* STATX_MNT_ID_UNIQUE */
  const int have_id = statx(AT_FDCWD, "/", 0, unique, &root) == 0 && (root.stx_mask & unique);
  printf("statx unique mount id: %d\n", have_id);
  struct request request = {24, 0, have_id ? root.stx_mnt_id : 1, 0};

  /* SB_BASIC, MNT_BASIC, PROPAGATE_FROM, MNT_ROOT, MNT_POINT, FS_TYPE */
  request.param = 0x3f;
  memset(reply, 0xa5, sizeof reply);
  long r = call(nr_statmount, (long)&request, (long)reply, sizeof reply, 0);
  show("statmount", r);
  if (r == 0) {
    uint32_t size;
    memcpy(&size, reply, 4);
    printf("reply size %u:", size);
    for (uint32_t i = 0; i < size && i < sizeof reply; ++i)
      printf("%s%02x", i % 32 ? "" : "\n  ", reply[i]);
    printf("\n");
  }
  show("statmount into 520 bytes", call(nr_statmount, (long)&request, (long)reply, 520, 0));
  show("statmount into a bad buffer", call(nr_statmount, (long)&request, 16, sizeof reply, 0));
  show("statmount with unknown flags",
       call(nr_statmount, (long)&request, (long)reply, sizeof reply, 0x100));
  request.size = 8;
  show("statmount with a short request",
       call(nr_statmount, (long)&request, (long)reply, sizeof reply, 0));

  /* listmount below LSMT_ROOT: how many (other tests may mount meanwhile: at least one) */
  struct request below_root = {24, 0, ~0ull, 0};
  uint64_t ids[256];
  r = call(nr_listmount, (long)&below_root, (long)ids, 256, 0);
  printf("listmount: %s\n", r >= 1 ? "at least one mount" : strerror((int)-r));

  uint32_t size = sizeof reply;
  r = call(nr_lsm_list_modules, (long)reply, (long)&size, 0, 0);
  show("lsm_list_modules", r);
  if (r > 0) {
    printf("ids:");
    for (long i = 0; i < r; ++i) {
      uint64_t id;
      memcpy(&id, reply + 8 * i, 8);
      printf(" %llu", (unsigned long long)id);
    }
    printf(" (size %u)\n", size);
  }
  size = sizeof reply;
  r = call(nr_lsm_get_self_attr, 100 /* LSM_ATTR_CURRENT */, (long)reply, (long)&size, 0);
  show("lsm_get_self_attr", r);
  if (r > 0) {
    uint64_t header[4]; /* struct lsm_ctx: id, flags, len, ctx_len */
    memcpy(header, reply, sizeof header);
    printf("first context: id %llu len %llu ctx_len %llu (size %u)\n",
           (unsigned long long)header[0], (unsigned long long)header[2],
           (unsigned long long)header[3], size);
  }
  return 0;
}

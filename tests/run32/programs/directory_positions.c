// telldir, seekdir, rewinddir and lseek over 6000 entries (on ext4, whose d_off cookies are
// hashes: 32-bit ones for an i386 task, 64-bit for a 64-bit caller), and the raw getdents
// and readdir calls with their 32-bit d_off: every position handed out takes the reader
// back to the same entry.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { entries = 6000 };

struct old_dirent {  // fs/readdir.c's (compat_)linux_dirent
  uint32_t d_ino, d_off;
  uint16_t d_reclen;
  char d_name[];
};

struct old_readdir_entry {  // old_linux_dirent
  uint32_t d_ino, d_offset;
  uint16_t d_namlen;
  char d_name[256];
};

static long positions[entries + 2];
static char names[entries + 2][32];

int main(void) {
  if (mkdir("tree", 0755) != 0) return 1;
  char name[64];
  for (int i = 0; i < entries; ++i) {
    snprintf(name, sizeof name, "tree/e%05d", i);
    int fd = open(name, O_CREAT | O_WRONLY, 0644);
    if (fd < 0) return 2;
    close(fd);
  }
  // readdir with telldir before each entry.
  DIR* dir = opendir("tree");
  int count = 0;
  for (;;) {
    long at = telldir(dir);
    struct dirent* entry = readdir(dir);
    if (!entry) break;
    if (count >= entries + 2) return 3;
    positions[count] = at;
    snprintf(names[count], sizeof names[count], "%.31s", entry->d_name);
    ++count;
  }
  printf("readdir: %d entries, errno %d\n", count, errno);
  // seekdir back to every 7th position (in a shuffled order): the same entry each time.
  int same = 0, tried = 0;
  for (int k = 0; k < count; k += 7) {
    int i = (k * 4099) % count;
    seekdir(dir, positions[i]);
    struct dirent* entry = readdir(dir);
    ++tried;
    if (entry && strcmp(entry->d_name, names[i]) == 0) ++same;
  }
  printf("seekdir: %d of %d back to the same entry\n", same, tried);
  rewinddir(dir);
  struct dirent* first = readdir(dir);
  printf("rewinddir: first entry again %d\n", first && strcmp(first->d_name, names[0]) == 0);
  // lseek on the descriptor with a position telldir gave, then a raw getdents from there.
  int fd = dirfd(dir);
  int middle = count / 2;
  off_t sought = lseek(fd, positions[middle], SEEK_SET);
  printf("lseek to a telldir position: %d\n", sought == positions[middle]);
  printf("lseek SEEK_CUR 0 answers it: %d\n", lseek(fd, 0, SEEK_CUR) == positions[middle]);
  char buffer[4096];
  long got = syscall(SYS_getdents, fd, buffer, sizeof buffer);
  struct old_dirent* record = (struct old_dirent*)buffer;
  printf("getdents from there: %d, first is the entry %d\n", got > 0,
         got > 0 && strcmp(record->d_name, names[middle]) == 0);
  // The whole directory through getdents; each d_off leads (lseek, then readdir(2)) to the
  // entry that follows it.
  lseek(fd, 0, SEEK_SET);
  int total = 0, followed = 0, checked = 0;
  static char order[entries + 2][32];
  static uint32_t next_offset[entries + 2];
  for (;;) {
    long n = syscall(SYS_getdents, fd, buffer, sizeof buffer);
    if (n < 0) {
      printf("getdents: errno %d\n", errno);
      break;
    }
    if (n == 0) break;
    for (long at = 0; at < n;) {
      record = (struct old_dirent*)(buffer + at);
      if (total < entries + 2) {
        snprintf(order[total], sizeof order[total], "%.31s", record->d_name);
        next_offset[total] = record->d_off;
      }
      ++total;
      at += record->d_reclen;
    }
  }
  for (int i = 0; i + 1 < total && i < entries + 1; i += 13) {
    struct old_readdir_entry one;
    lseek(fd, (off_t)next_offset[i], SEEK_SET);
    ++checked;
    if (syscall(SYS_readdir, fd, &one, 1) == 1 && strcmp(one.d_name, order[i + 1]) == 0)
      ++followed;
  }
  printf("getdents: %d entries; d_off to the next entry: %d of %d\n", total, followed, checked);
  closedir(dir);
  for (int i = 0; i < entries; ++i) {
    snprintf(name, sizeof name, "tree/e%05d", i);
    if (unlink(name) != 0) return 4;
  }
  printf("rmdir: %d\n", rmdir("tree"));
  return 0;
}

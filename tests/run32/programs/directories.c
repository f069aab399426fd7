// mkdir, 5000 entries read back with readdir (getdents64), rmdir, chdir and getcwd.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
  if (mkdir("tree", 0755) != 0) return 1;
  printf("mkdir twice: EEXIST %d\n", mkdir("tree", 0755) == -1 && errno == EEXIST);
  char name[64];
  for (int i = 0; i < 5000; ++i) {
    snprintf(name, sizeof name, "tree/entry-%05d", i);
    int fd = open(name, O_CREAT | O_WRONLY, 0644);
    if (fd < 0) return 2;
    close(fd);
  }
  DIR* dir = opendir("tree");
  long count = 0, sum = 0;
  struct dirent* entry;
  while ((entry = readdir(dir))) {
    if (entry->d_name[0] == '.') continue;
    int number;
    if (sscanf(entry->d_name, "entry-%d", &number) == 1) sum += number;
    ++count;
    if (entry->d_type != DT_REG) printf("unexpected type for %s\n", entry->d_name);
  }
  closedir(dir);
  printf("entries %ld sum %ld\n", count, sum);
  if (chdir("tree") != 0) return 3;
  char cwd[4096];
  printf("cwd ends with /tree: %d\n", getcwd(cwd, sizeof cwd) && strstr(cwd, "/tree") != NULL);
  for (int i = 0; i < 5000; ++i) {
    snprintf(name, sizeof name, "entry-%05d", i);
    if (unlink(name) != 0) return 4;
  }
  if (chdir("..") != 0) return 5;
  printf("rmdir: %d\n", rmdir("tree"));
  return 0;
}

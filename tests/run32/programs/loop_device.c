// A file-backed loop device (LOOP_CTL_GET_FREE, LOOP_SET_FD, LOOP_GET_STATUS64,
// LOOP_SET_STATUS64, the old LOOP_GET_STATUS, BLKGETSIZE64, BLKGETSIZE, BLKSSZGET,
// LOOP_CLR_FD): data written to the device is in the file. Without /dev/loop-control (or
// the right to use it) it says so and succeeds, natively and under run32 alike.
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <linux/loop.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static void check(int ok, const char* what) {
  printf("%s: %s\n", what, ok ? "yes" : "no");
  if (!ok) exit(1);
}

int main(void) {
  int control = open("/dev/loop-control", O_RDWR);
  if (control < 0) {
    printf("no usable /dev/loop-control: skipped\n");
    return 0;
  }
  char path[] = "/tmp/syscompat-loop-XXXXXX";
  int file = mkstemp(path);
  check(file >= 0 && ftruncate(file, 1 << 20) == 0, "a 1 MiB backing file");
  unlink(path);
  int device = -1, index = -1;
  // another test may take the free device first: try again
  for (int attempt = 0; attempt < 50 && device < 0; ++attempt) {
    index = ioctl(control, LOOP_CTL_GET_FREE);
    if (index < 0) break;
    char name[32];
    snprintf(name, sizeof name, "/dev/loop%d", index);
    device = open(name, O_RDWR);
    if (device >= 0 && ioctl(device, LOOP_SET_FD, file) != 0) {
      close(device);
      device = -1;
      usleep(100000);
    }
  }
  check(device >= 0, "LOOP_CTL_GET_FREE and LOOP_SET_FD");
  struct loop_info64 info;
  memset(&info, 0, sizeof info);
  check(ioctl(device, LOOP_GET_STATUS64, &info) == 0, "LOOP_GET_STATUS64");
  check((int)info.lo_number == index, "lo_number is the device's");
  strcpy((char*)info.lo_file_name, "syscompat-battery");
  info.lo_offset = 4096;
  check(ioctl(device, LOOP_SET_STATUS64, &info) == 0, "LOOP_SET_STATUS64 with an offset");
  struct loop_info old;
  memset(&old, 0, sizeof old);
  check(ioctl(device, LOOP_GET_STATUS, &old) == 0, "LOOP_GET_STATUS (the old record)");
  printf("old record: number matches %d, offset %d, name %s\n", old.lo_number == index,
         old.lo_offset, old.lo_name);
  unsigned long long bytes = 0;
  unsigned long sectors = 0;
  int sector_size = 0;
  check(ioctl(device, BLKGETSIZE64, &bytes) == 0, "BLKGETSIZE64");
  check(ioctl(device, BLKGETSIZE, &sectors) == 0, "BLKGETSIZE");
  check(ioctl(device, BLKSSZGET, &sector_size) == 0, "BLKSSZGET");
  printf("size %llu bytes, %lu sectors of %d\n", bytes, sectors, sector_size);
  const char text[] = "written through the loop device";
  check(pwrite(device, text, sizeof text, 0) == (ssize_t)sizeof text && fsync(device) == 0,
        "write to the device");
  char back[sizeof text] = {0};
  check(pread(file, back, sizeof back, 4096) == (ssize_t)sizeof back && !strcmp(back, text),
        "the file holds it past the offset");
  check(ioctl(device, LOOP_CLR_FD) == 0, "LOOP_CLR_FD");
  close(device);
  close(file);
  close(control);
  return 0;
}

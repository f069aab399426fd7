// Thread stack attributes: a size asked for is at least what the thread gets; a stack the
// program allocates is the one the thread runs on; the guard size is kept.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static void* where(void* unused) {
  int local;
  pthread_attr_t attributes;
  pthread_getattr_np(pthread_self(), &attributes);
  void* base;
  size_t size, guard;
  pthread_attr_getstack(&attributes, &base, &size);
  pthread_attr_getguardsize(&attributes, &guard);
  pthread_attr_destroy(&attributes);
  static long out[4];
  out[0] = (long)size;
  out[1] = (uintptr_t)&local >= (uintptr_t)base && (uintptr_t)&local < (uintptr_t)base + size;
  out[2] = (long)guard;
  out[3] = (uintptr_t)base;
  return out;
  (void)unused;
}

int main(void) {
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, 256 * 1024);
  pthread_attr_setguardsize(&attributes, 8192);
  pthread_t thread;
  long* out;
  pthread_create(&thread, NULL, where, NULL);
  pthread_join(thread, (void**)&out);
  printf("default: at least 1 MiB %d, local inside %ld\n", out[0] >= 1 << 20, out[1]);
  pthread_create(&thread, &attributes, where, NULL);
  pthread_join(thread, (void**)&out);
  printf("256 KiB asked: at least that %d, local inside %ld, guard %ld\n", out[0] >= 256 * 1024,
         out[1], out[2]);
  size_t size = 512 * 1024;
  void* own = aligned_alloc(4096, size);
  pthread_attr_t mine;
  pthread_attr_init(&mine);
  pthread_attr_setstack(&mine, own, size);
  pthread_create(&thread, &mine, where, NULL);
  pthread_join(thread, (void**)&out);
  printf("own stack: base is ours %d, size %ld, local inside %ld\n", out[3] == (long)(uintptr_t)own,
         out[0], out[1]);
  return 0;
}

// Pure computation, no syscalls in the loop: 32-bit code runs natively under run32.
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t crc32(const uint8_t* data, size_t length) {
  uint32_t crc = 0xffffffffu;
  for (size_t i = 0; i < length; ++i) {
    crc ^= data[i];
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
  }
  return ~crc;
}

int main(void) {
  static uint8_t buffer[1 << 20];
  uint64_t state = 88172645463325252ull;
  for (size_t i = 0; i < sizeof buffer; ++i) {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    buffer[i] = (uint8_t)state;
  }
  printf("crc32 %08x\n", crc32(buffer, sizeof buffer));
  uint64_t sum = 0;
  for (uint32_t i = 1; i < 10000000; ++i) sum += (uint64_t)i * i % 1000003;
  printf("sum %llu\n", (unsigned long long)sum);
  char text[64];
  snprintf(text, sizeof text, "%lld %llu %x", -1234567890123ll, 18446744073709551615ull, 0xdeadbeef);
  printf("%s %zu\n", text, strlen(text));
  return 0;
}

// stdio over files: fopen, fprintf, fgets, fseek/ftell, tmpfile, and qsort on what was read.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int compare(const void* a, const void* b) { return *(const int*)a - *(const int*)b; }

int main(void) {
  FILE* out = fopen("numbers.txt", "w");
  for (int i = 0; i < 1000; ++i) fprintf(out, "%d\n", (i * 7919) % 1000);
  fclose(out);
  FILE* in = fopen("numbers.txt", "r");
  int numbers[1000], count = 0;
  char line[32];
  while (fgets(line, sizeof line, in)) numbers[count++] = atoi(line);
  printf("read %d numbers, at %ld\n", count, ftell(in));
  fseek(in, 10, SEEK_SET);
  printf("at 10: %s", fgets(line, sizeof line, in));
  fclose(in);
  qsort(numbers, count, sizeof numbers[0], compare);
  printf("sorted: %d %d %d ... %d\n", numbers[0], numbers[1], numbers[2], numbers[count - 1]);
  FILE* scratch = tmpfile();
  fputs("scratch data", scratch);
  rewind(scratch);
  printf("tmpfile: %s\n", fgets(line, sizeof line, scratch));
  fclose(scratch);
  remove("numbers.txt");
  fprintf(stderr, "to stderr\n");
  return 0;
}

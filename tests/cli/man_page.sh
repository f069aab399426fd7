# docs/syscompat.1 is what `syscompat --man` writes from the command definitions (the build
# writes it too and installs it), and man(1) reads it.
set -eu
bin=$1 src=$2
diff -u "$src/docs/syscompat.1" <("$bin" --man) ||
  { echo "docs/syscompat.1 is stale: run '$bin --man > docs/syscompat.1'"; exit 1; }
text=$(MANWIDTH=100 man -l "$src/docs/syscompat.1" 2>&1)
for command in layout syscalls translate run32 oldkernel symver; do
  printf '%s\n' "$text" | grep -q "^   $command\$" || { echo "the man page has no '$command' section"; exit 1; }
done
printf '%s\n' "$text" | grep -q -- "--release VALUE\|--release TEXT" || { echo "no --release in the man page"; exit 1; }
echo "man page: ok"

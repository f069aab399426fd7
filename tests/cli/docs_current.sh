# docs/layouts.md is generated from the description and must be current.
set -eu
bin=$1 src=$2
diff -u "$src/docs/layouts.md" <("$bin" layout --markdown) ||
  { echo "docs/layouts.md is stale: run '$bin layout --markdown > docs/layouts.md'"; exit 1; }

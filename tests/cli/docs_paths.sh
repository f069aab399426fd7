# The docs stay true to the tree: every repository path they name in backquotes exists (so a
# moved or renamed file shows up here), the README points to docs/architecture.md, and no doc
# sends readers outside the repository. DOCS_PATHS_PLANT=path adds a path as if a doc named it
# (cli.docs_paths_planted: it must fail).
set -u
src=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$src" || fail "no $src"
grep -q '(docs/architecture.md)' README.md || fail "README.md does not point to docs/architecture.md"
grep -n '\.\./shared\|DESIGN\.md' README.md docs/*.md && fail "a doc points outside the repository"
missing=0
for doc in README.md docs/*.md; do
  # `folder/...` spans starting with a top-level folder of the repository; globs, templates
  # (<name>, X) and trailing punctuation are not paths.
  while IFS= read -r path; do
    case "$path" in *'*'*|*'<'*|*'{'*|*' '*) continue ;; esac  # quoted messages have spaces
    path=${path%%:*}
    [ -e "$path" ] || [ -e "${path%/}" ] || { echo "$doc names $path, which does not exist"; missing=1; }
  done < <(grep -o '`\(abi\|translators\|libsys\|symver\|run32\|tools\|tests\|bench\|docs\|scripts\)/[^`]*`' "$doc" | tr -d '`'
           [ "$doc" = README.md ] && [ -n "${DOCS_PATHS_PLANT:-}" ] && echo "$DOCS_PATHS_PLANT")
done
[ "$missing" -eq 0 ] || fail "paths named by the docs are missing"
echo "docs paths: ok"

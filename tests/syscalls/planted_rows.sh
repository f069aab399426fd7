# Sourced by rows_compile.sh and ioctl_rows_compile.sh: compile $dir/check.cpp against a copy
# of the description's headers ($include) with a sed script applied to one row file ($rows).
compile() {  # compile WHAT SED_SCRIPT: the copy with the script applied to the row file
  rm -rf "$dir/include" && cp -r "$include" "$dir/include"
  sed -i "$2" "$dir/include/$rows"
  "$cxx" -std=c++20 -fsyntax-only -I"$dir/include" "$dir/check.cpp" >"$dir/out" 2>&1
}
expect_error() {  # expect_error WHAT SED_SCRIPT MESSAGE
  if compile "$1" "$2"; then
    echo "FAIL: $1 compiled" >&2
    exit 1
  fi
  # gcc writes the quotes of a string in its message as \': compared without them
  tr -d '\\' <"$dir/out" | grep -qF "$3" || { echo "FAIL: $1: no '$3' in:" >&2; cat "$dir/out" >&2; exit 1; }
  echo "ok: $1 is a compile error naming it"
}

# Prints libsys's ABI as the baseline records it: every exported (non-weak) symbol of
# libsys.so with its version, then the layout of every struct each export takes.
#   bash symver/abi_dump.sh LIBSYS_SO SYSCOMPAT > libsys/abi-baseline.txt
# (regenerate the baseline only with a new version node for what changed: docs/symver.md)
set -eu
lib=$1 syscompat=$2
echo "# libsys ABI baseline: symver/abi_dump.sh output; checked by symver/abi_gate.sh."
echo "# $(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\]/SONAME \1/p'): the first stable ABI (docs/symver.md)."
# readelf prints name@node (compat) or name@@node (default) for a versioned definition.
readelf --dyn-syms -W "$lib" |
  awk '$5 == "GLOBAL" && $7 != "UND" && ($4 == "FUNC" || $4 == "OBJECT") && $8 ~ /@/ { print "symbol " $8 }' |
  sort
"$syscompat" symver --layouts

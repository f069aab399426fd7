# The ABI baseline gate: fails, naming each symbol, when a baseline symbol disappeared or
# changed version, or when the layout an export takes changed under the same version node.
# New symbols and new nodes pass (that is how a transition lands: docs/symver.md).
#   bash symver/abi_gate.sh BASELINE CURRENT_DUMP
set -u
awk '
  FNR == 1 { file++ }
  /^#/ { next }
  # A layout line is keyed by "layout SYMBOL ARG": the rest is the layout.
  file == 1 && $1 == "symbol" { base_symbol[$2] = 1 }
  file == 1 && $1 == "layout" { key = $1 " " $2 " " $3; base_layout[key] = $0 }
  file == 2 && $1 == "symbol" {
    current[$2] = 1
    name = $2; sub(/@.*/, "", name); nodes[name] = nodes[name] " " $2
  }
  file == 2 && $1 == "layout" { key = $1 " " $2 " " $3; current_layout[key] = $0 }
  END {
    bad = 0
    for (symbol in base_symbol) {
      if (symbol in current) continue
      # name@@NODE may become name@NODE when a newer node takes over the default.
      compat = symbol; sub(/@@/, "@", compat)
      if (compat in current) continue
      name = symbol; sub(/@.*/, "", name)
      if (name in nodes)
        printf "ABI gate: %s changed version: baseline %s, now%s\n", name, symbol, nodes[name]
      else
        printf "ABI gate: %s disappeared (baseline %s)\n", name, symbol
      bad = 1
    }
    for (key in base_layout) {
      if (!(key in current_layout)) continue  # the symbol check reports a missing export
      if (current_layout[key] == base_layout[key]) continue
      split(key, part, " ")
      printf "ABI gate: the layout %s takes (%s) changed without a new version node:\n  baseline: %s\n  now:      %s\n", part[2], part[3], base_layout[key], current_layout[key]
      bad = 1
    }
    exit bad
  }' "$1" "$2"

# The ABI baseline gate: fails, naming each symbol, when a baseline symbol disappeared or
# changed version, or when the layout an export takes changed under the same version node.
# New symbols and new nodes pass (that is how a transition lands: docs/symver.md). So does a
# layout the kernel extended the way it extends its own ABI: every member of the baseline kept
# at its offset and size, the alignment kept, and the new members only in what was a spare or
# reserved member, unnamed padding, or past the old end (statx's stx_subvol carved from
# __spare3, perf_event_attr's config3 appended: the kernel versions such structs by a size the
# caller passes, or fills the same bytes, so a binary built against the old layout is served).
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
  function is_spare(name) { return name ~ /^_*(spare|reserved|unused|pad)/ }
  # Whether layout line `now` keeps every member of `base` and adds members only where the
  # base had a spare member, padding, or nothing (past its end).
  function extends(base, now,    b, n, i, j, k, m, name, range, off, len, nb, nn, bsize, nsize, appended) {
    nb = split(base, b, " "); nn = split(now, n, " ")
    if (b[4] != n[4] || b[6] != n[6]) return 0  # the struct and its alignment
    bsize = b[5]; sub(/size=/, "", bsize); nsize = n[5]; sub(/size=/, "", nsize)
    if (nsize + 0 < bsize + 0) return 0
    delete kept; delete busy_lo; delete busy_hi; nbusy = 0; appended = 0
    for (i = 7; i <= nb; i++) {
      split(b[i], m, "@"); name = m[1]; split(m[2], range, ":")
      if (is_spare(name)) continue
      kept[b[i]] = 1; busy_lo[++nbusy] = range[1] + 0; busy_hi[nbusy] = range[1] + range[2]
    }
    for (i = 7; i <= nn; i++) if (n[i] in kept) delete kept[n[i]]
    for (k in kept) return 0  # a member of the baseline moved, resized or gone
    for (i = 7; i <= nn; i++) {
      split(n[i], m, "@"); split(m[2], range, ":")
      off = range[1] + 0; len = range[2] + 0
      if (index(base " ", " " n[i] " ")) continue  # a member of the baseline
      for (j = 1; j <= nbusy; j++)
        if (off < busy_hi[j] && off + len > busy_lo[j]) return 0  # over a kept member
      if (off >= bsize + 0) appended = 1
    }
    # A struct grows only to hold members appended past its old end.
    return nsize + 0 == bsize + 0 || appended
  }
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
      if (extends(base_layout[key], current_layout[key])) continue
      split(key, part, " ")
      printf "ABI gate: the layout %s takes (%s) changed without a new version node:\n  baseline: %s\n  now:      %s\n", part[2], part[3], base_layout[key], current_layout[key]
      bad = 1
    }
    exit bad
  }' "$1" "$2"

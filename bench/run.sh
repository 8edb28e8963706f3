#!/usr/bin/env bash
# bench/run.sh: time the real jdgen binary on generated companies.
#
# Builds jdgen, generates companies of 1,000 and 10,000 roles
# (internal/tools/genconfig), and runs `jdgen --config ... --workers N` for
# N = 1 and 2 under GNU time (/usr/bin/time -v): wall time, CPU time (user +
# system) and peak memory (maximum resident set size). Each combination runs
# REPEAT times (default 3) and the run with the median wall time is reported.
# Then it checks the targets of issue #7. docs/performance.md quotes its
# output.
#
#   bench/run.sh                   # the whole matrix: about 7 minutes on 2 cores
#   ROLES=1000 REPEAT=5 bench/run.sh
#   WORKERS="1 2 4" bench/run.sh
#   WORKERS=default bench/run.sh   # no --workers flag (to time older versions)
#   BASE=959c6af bench/run.sh      # side by side with that revision (default)
#   BASE= bench/run.sh             # this tree only
#
# Side by side (issue #17): BASE is checked out into a temporary git
# worktree and built too; every combination runs both binaries on the same
# generated configs, alternating (base, new, base, new, ...), so load on the
# machine hits both alike. The default BASE, 959c6af, is the last commit
# before issue #17's work: it makes job descriptions and the workbook only,
# while this tree makes every output (postings, org chart too).
#
# Run it on a quiet machine: it measures wall time, so anything else
# running (a test suite, a build) shows up in the figures. And give it a
# folder (TMPDIR) on a file system that has not just deleted many files:
# ext4 skips recently deleted inodes when it creates files, for a minute
# or more, and on this machine a file took 640-840 us to create in /tmp
# (where test runs had just deleted thousands) against 76 us in a new
# top-level folder; a run writes 4,000 files per 1,000 roles. Before each run
# it samples for a second how busy the CPUs are without jdgen, prints it in
# brackets and warns above 10%.
#
# Every run writes to a new folder, and all are removed only at the end:
# ext4 scans past recently deleted inodes (for a minute or more) when it
# creates files, so deleting one output just before the next run would
# slow that run down, an artefact of the harness rather than jdgen. And
# each run starts with a sync, so that jdgen's final syncfs does not wait
# for what earlier runs wrote.
set -euo pipefail
cd "$(dirname "$0")/.."

roles=${ROLES:-"1000 10000"}
workers=${WORKERS:-"1 2"}
repeat=${REPEAT:-3}
base=${BASE-959c6af}
epoch=1700000000

if [ ! -x /usr/bin/time ]; then
  echo "bench/run.sh needs GNU time at /usr/bin/time (apt-get install time)" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/jdgen-bench.XXXXXX")
cleanup() {
  if [ -n "$base" ] && [ -d "$work/base-tree" ]; then
    git worktree remove --force "$work/base-tree" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== machine"
echo "nproc: $(nproc)"
lscpu | grep -E '^(Model name|CPU\(s\)|Thread\(s\) per core|Core\(s\) per socket)' | sed 's/  */ /g'
echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
go version
if commit=$(git rev-parse --short HEAD 2>/dev/null); then
  git diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"
else
  commit="unknown (not a git checkout)"
fi
echo "commit: $commit"

echo "== build"
go build -o "$work/jdgen" ./cmd/jdgen
binaries="new"
if [ -n "$base" ]; then
  git worktree add --detach "$work/base-tree" "$base" >/dev/null 2>&1
  (cd "$work/base-tree" && go build -o "$work/jdgen-base" ./cmd/jdgen)
  echo "base: $(git rev-parse --short "$base") ($(git log -1 --format=%s "$base" | cut -c1-60))"
  binaries="base new"
fi
for n in $roles; do
  go run ./internal/tools/genconfig -roles "$n" >"$work/roles-$n.yaml"
  echo "roles-$n.yaml: $(wc -c <"$work/roles-$n.yaml") bytes"
  if [ -n "$base" ]; then
    # The base reads only its own config contract: the same company from
    # its own genconfig (the same roles, reporting lines and pay; without
    # the keys added since, such as posting and remote_regions).
    (cd "$work/base-tree" && go run ./internal/tools/genconfig -roles "$n") >"$work/base-roles-$n.yaml"
    echo "base-roles-$n.yaml: $(wc -c <"$work/base-roles-$n.yaml") bytes"
  fi
done

# busy: the share of CPU time, in percent, not idle during one second.
busy() {
  local a b
  a=$(awk '/^cpu / { print $2+$3+$4+$5+$6+$7+$8, $5+$6 }' /proc/stat)
  sleep 1
  b=$(awk '/^cpu / { print $2+$3+$4+$5+$6+$7+$8, $5+$6 }' /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN {
    split(a, x, " "); split(b, y, " ")
    t = y[1] - x[1]; i = y[2] - x[2]
    printf "%d", (t > 0 ? 100 * (t - i) / t : 0)
  }'
}

# measure BIN N W OUT: one run of BIN (base or new) into the new folder
# OUT; prints "wall user sys peak_kb" in seconds and KiB.
measure() {
  local bin=$1 n=$2 w=$3 out=$4 flags=() exe="$work/jdgen" cfg="$work/roles-$2.yaml"
  if [ "$bin" = base ]; then
    exe="$work/jdgen-base" cfg="$work/base-roles-$n.yaml"
  fi
  if [ "$w" != default ]; then
    flags=(--workers "$w")
  fi
  if ! SOURCE_DATE_EPOCH=$epoch /usr/bin/time -v -o "$work/time.txt" \
    "$exe" --config "$cfg" --out "$out" "${flags[@]}" \
    >"$work/stdout.txt" 2>"$work/stderr.txt"; then
    echo "jdgen failed:" >&2
    cat "$work/stderr.txt" "$work/time.txt" >&2
    exit 1
  fi
  local pdfs
  pdfs=$(find "$out/job-descriptions" -name '*.pdf' | wc -l)
  if [ "$pdfs" -ne "$n" ] || [ ! -s "$out/career-ladder.xlsx" ]; then
    echo "jdgen wrote $pdfs PDFs for $n roles" >&2
    exit 1
  fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ {
      k = split($2, p, ":"); wall = 0
      for (i = 1; i <= k; i++) wall = wall * 60 + p[i]
    }
    /User time/ { user = $2 }
    /System time/ { sys = $2 }
    /Maximum resident set size/ { peak = $2 }
    END { printf "%.2f %.2f %.2f %d\n", wall, user, sys, peak }' "$work/time.txt"
}

echo "== runs (median of $repeat by wall time; in brackets, % CPU busy before each run)"
printf "%6s %7s %5s %8s %15s %8s %8s %8s %8s\n" roles workers bin wall_s "(min-max)" user_s sys_s cpu_s peak_MB
declare -A wall peak loads
for n in $roles; do
  for w in $workers; do
    for bin in $binaries; do
      : >"$work/runs-$bin-$n-$w.txt"
    done
  done
  # Worker counts and binaries alternate within each repeat (1 worker
  # base, 1 worker new, 2 workers base, ...), so that a drift in the
  # machine's state (the file system, the page cache) hits all alike.
  for i in $(seq "$repeat"); do
    for w in $workers; do
      for bin in $binaries; do
        # jdgen ends with a syncfs of the output's file system: flush what
        # earlier runs wrote first, so no run waits for another's data.
        sync
        b=$(busy)
        loads[$n,$w]="${loads[$n,$w]:-} $b"
        if [ "$b" -gt 10 ]; then
          echo "warning: the CPUs were $b% busy before a run: the figures will be noisy" >&2
        fi
        measure "$bin" "$n" "$w" "$work/out-$bin-$n-$w-$i" >>"$work/runs-$bin-$n-$w.txt"
      done
    done
  done
  first=""
  for w in $workers; do
    # The PDFs must not depend on the number of workers.
    if [ -n "$first" ]; then
      if ! diff -rq "$first/job-descriptions" "$work/out-new-$n-$w-1/job-descriptions" >/dev/null; then
        echo "the PDFs differ between worker counts at $n roles" >&2
        exit 1
      fi
    else
      first="$work/out-new-$n-$w-1"
    fi
    for bin in $binaries; do
      runs="$work/runs-$bin-$n-$w.txt"
      read -r wl us sy pk < <(sort -n "$runs" | awk -v m=$(((repeat + 1) / 2)) 'NR == m')
      read -r lo hi < <(sort -n "$runs" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo, hi }')
      wall[$bin,$n,$w]=$wl
      peak[$bin,$n,$w]=$pk
      awk -v n="$n" -v w="$w" -v bin="$bin" -v wl="$wl" -v lo="$lo" -v hi="$hi" -v us="$us" -v sy="$sy" -v pk="$pk" \
        'BEGIN { printf "%6d %7s %5s %8.2f %15s %8.2f %8.2f %8.2f %8.1f\n", n, w, bin, wl, "(" lo "-" hi ")", us, sy, us + sy, pk / 1024 }'
    done
    echo "   [busy%${loads[$n,$w]}]"
  done
done
echo "(all runs: the PDFs are byte-identical whatever the number of workers)"

# Targets (issue #17), where the runs above allow checking them.
echo "== targets"
check() { # check LABEL VALUE OP LIMIT
  awk -v label="$1" -v v="$2" -v op="$3" -v lim="$4" 'BEGIN {
    ok = (op == ">=") ? v >= lim : (op == "<") ? v < lim : v <= lim
    printf "%-66s %8.2f %s %-6s %s\n", label, v, op, lim, ok ? "met" : "NOT met"
  }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
if [ -n "${wall[base,1000,2]:-}" ] && [ -n "${wall[new,1000,2]:-}" ]; then
  check "1,000 roles, 2 workers: new (every output) / base (JDs + workbook)" "$(ratio "${wall[new,1000,2]}" "${wall[base,1000,2]}")" "<" 1
fi
if [ -n "${wall[new,1000,1]:-}" ] && [ -n "${wall[new,1000,2]:-}" ]; then
  check "1,000 roles: wall with 1 worker / wall with 2 workers" "$(ratio "${wall[new,1000,1]}" "${wall[new,1000,2]}")" ">=" 1.8
fi
if [ -n "${peak[new,10000,2]:-}" ]; then
  check "2 workers: peak memory at 10,000 roles (MB)" "$(awk -v p="${peak[new,10000,2]}" 'BEGIN { print p / 1024 }')" "<=" 150
fi
if [ -n "${peak[new,1000,2]:-}" ] && [ -n "${peak[new,10000,2]:-}" ]; then
  check "2 workers: peak at 10,000 roles / peak at 1,000 roles" "$(ratio "${peak[new,10000,2]}" "${peak[new,1000,2]}")" "<=" 1.5
fi

#!/usr/bin/env bash
# bench/profile.sh: a CPU profile of one jdgen run, summed by where the
# time goes (the table in docs/performance.md).
#
#   bench/profile.sh                       # 1,000 roles, 1 worker, every output
#   ROLES=1000 WORKERS=1 FORMATS=job-descriptions,workbook bench/profile.sh
#   PROFILE=cpu.out bench/profile.sh       # keep the profile (go tool pprof cpu.out)
#
# The run is in-process under the Go profiler (internal/tools/jdprof) on a
# company from internal/tools/genconfig. Each sample is put in the first
# of the categories below that its stack matches, so the shares add up to
# 100%. GOGC and GOMEMLIMIT are passed through as they are set.
set -euo pipefail
cd "$(dirname "$0")/.."

roles=${ROLES:-1000}
workers=${WORKERS:-1}
formats=${FORMATS:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/jdgen-profile.XXXXXX")
trap 'rm -rf "$work"' EXIT
profile=${PROFILE:-$work/cpu.out}

go build -o "$work/jdprof" ./internal/tools/jdprof
go run ./internal/tools/genconfig -roles "$roles" >"$work/roles.yaml"
args=(--config "$work/roles.yaml" --out "$work/out" --workers "$workers")
if [ -n "$formats" ]; then
  args+=(--formats "$formats")
fi
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown); $(go version | cut -d' ' -f3); $(nproc) CPUs"
echo "run: jdgen ${args[*]} (roles=$roles; GOGC=${GOGC:-default} GOMEMLIMIT=${GOMEMLIMIT:-default})"
SOURCE_DATE_EPOCH=1700000000 "$work/jdprof" -cpuprofile "$profile" -- "${args[@]}" 2>&1 | tail -2

go tool pprof -traces "$profile" 2>/dev/null | awk '
  function unit(v) {
    if (v ~ /ms$/) { sub(/ms$/, "", v); return v / 1000 }
    if (v ~ /us$/) { sub(/us$/, "", v); return v / 1e6 }
    if (v ~ /s$/) { sub(/s$/, "", v); return v + 0 }
    return 0
  }
  function classify(s) {
    if (s ~ /runtime\.gcBgMarkWorker|runtime\.gcAssistAlloc|runtime\.bgsweep|runtime\.bgscavenge|runtime\.gcMarkTermination|runtime\.gcStart|runtime\.sweepone|runtime\.markroot/) return "garbage collection (marking, assists, sweeping)"
    if (s ~ /runtime\.mallocgc|runtime\.growslice|runtime\.memclrNoHeapPointers|runtime\.newobject|runtime\.makeslice/) return "allocation (mallocgc, growing and clearing memory)"
    if (s ~ /fpdf\.\(\*Fpdf\)\.putfonts|AddUTF8Font|ParseUTF8Font|utf8fontfile|subset/) return "fonts: parsing, subsetting, embedding"
    if (s ~ /compress\/flate/ && s ~ /fpdf/) return "zlib of PDF streams"
    if (s ~ /excelize|output\/xlsx/) return "workbook (excelize, its zip)"
    if (s ~ /output\/orgchart/) return "org chart"
    if (s ~ /output\/web|output\/markdown|output\/posting\./) return "web and Markdown postings"
    if (s ~ /output\.\(\*DirWriter\)|output\.\(\*journal\)|syscall|os\.\(\*File\)|crypto\/sha256|sha256/) return "file writing, hashing, commit"
    if (s ~ /go-pdf\/fpdf/) return "fpdf drawing and output"
    if (s ~ /output\/pdf|internal\/pdftag|internal\/linebreak|internal\/fonts/) return "jdgen PDF layout, wrapping, text checks, tagging"
    if (s ~ /generator\.|templates\.|yaml|viper|cobra/) return "config: YAML, resolve, checks"
    return "other (scheduler, runtime)"
  }
  /^-+\+-+$/ { if (stack != "") { t[classify(stack)] += val; total += val }; stack = ""; val = 0; next }
  NF >= 2 && $1 ~ /^[0-9.]+(s|ms|us)$/ && stack == "" { val = unit($1); stack = $2; next }
  NF >= 1 && stack != "" { stack = stack " " $1 }
  END {
    if (stack != "") { t[classify(stack)] += val; total += val }
    for (k in t) printf "%.2f\t%.1f\t%s\n", t[k], 100 * t[k] / total, k
    printf "%.2f\t100.0\ttotal\n", total
  }' | sort -t"$(printf '\t')" -k1,1 -rn | awk -F'\t' '
  BEGIN { print "| where | CPU s | share |"; print "|---|---:|---:|" }
  $3 == "total" { total = $1; next }
  { printf "| %s | %s | %s%% |\n", $3, $1, $2 }
  END { printf "| all samples | %s | 100%% |\n", total }'

#!/usr/bin/env bash
# Tagged-PDF check with poppler (issue #11): generate the examples and a
# CJK company (Droid Sans Fallback, Debian fonts-droid-fallback), then for
# every job description `pdfinfo -struct-text` (the structure tree in
# reading order) must hold every character pdftotext finds on the pages,
# but the running footer (an artifact), and nothing else.
set -euo pipefail
export LC_ALL=C.UTF-8
cd "$(dirname "$0")/.."
if ! command -v pdfinfo >/dev/null || [ ! -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ]; then
  apt-get update -qq && apt-get install -y -qq poppler-utils fonts-droid-fallback >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/jdgen" ./cmd/jdgen
export SOURCE_DATE_EPOCH=1700000000
"$work/jdgen" --config examples/company.yaml --out "$work/examples" 2>/dev/null
mkdir -p "$work/cjk"
cat > "$work/cjk/company.yaml" <<'YAML'
version: 1
company:
  name: 東京ロジスティクス株式会社
  about: 当社は関東地方の小売業者に物流サービスを提供しています。「注文が完全に、時間通りに届くこと」を目標としています。
  website: https://tokyo-logistics.example
  fonts:
    regular: /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
roles:
  - id: coo
    template: chief-operating-officer
    reports_to: ceo
  - id: warehouse
    template: operations-manager
    title: 倉庫オペレーションマネージャー
    reports_to: coo
YAML
# Job descriptions only: the org chart does not draw with company fonts yet.
"$work/jdgen" --config "$work/cjk/company.yaml" --out "$work/cjk/out" --formats job-descriptions 2>/dev/null
fail=0
for pdf in "$work"/examples/job-descriptions/*.pdf "$work"/cjk/out/job-descriptions/*.pdf; do
  pdfinfo "$pdf" | grep -q '^Tagged: *yes' || { echo "$pdf: not tagged"; fail=1; }
  # The characters of the structure tree's text, and of the pages without
  # their footers (CJK text has no spaces to split words at).
  pdfinfo -struct-text "$pdf" | grep -o '".*"' | sed 's/^"//; s/"$//' | tr -d '[:space:]' | grep -o . | sort >"$work/struct.txt"
  pdftotext -enc UTF-8 "$pdf" - | grep -v ' · Page [0-9]* of [0-9]*$' | tr -d '[:space:]' | grep -o . | sort >"$work/text.txt"
  if ! diff -q "$work/struct.txt" "$work/text.txt" >/dev/null; then
    echo "$pdf: the structure tree's text differs from the page text:"
    diff "$work/struct.txt" "$work/text.txt" | head -20
    fail=1
  fi
done
exit $fail

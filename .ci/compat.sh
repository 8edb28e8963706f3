#!/usr/bin/env bash
# Compatibility suite (issue #15): open jdgen's outputs the ways people do
# and check that every reader sees every row, link and property, with no
# warning. Installs what it needs (run as root on a fresh machine, as CI
# does): Debian packages for openpyxl, pandas, LibreOffice, qpdf and
# poppler; npm packages (exceljs, xlsx = SheetJS, pdfjs-dist) into
# .ci/compat/node_modules (git-ignored), pinned by .ci/compat/package-lock.json.
#
# Workbooks: the example (examples/company.yaml) and a 2,000-role company
# (internal/tools/genconfig), each read by openpyxl (normal and read-only),
# pandas, LibreOffice (CSV export of every sheet), ExcelJS and SheetJS, and
# compared with what the file's XML holds (xlsx_py.py raw).
# PDFs: every file through qpdf --check and pdftotext; pdf.js reads all of
# the example's and every 10th of the 2,000 (pdf.js costs ~0.3 s of CPU a
# file); PDFBox's preflight all of the example's and every 100th. Prints one line per reader and ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
here=$root/.ci/compat
start=$SECONDS

# --- tools -----------------------------------------------------------------
# PDFBox 2's preflight (PDF/A-1b) needs the activation and JAXB APIs that
# Java 11+ no longer ships.
debs=(python3-openpyxl python3-pandas libreoffice-calc-nogui qpdf poppler-utils
  libpdfbox2-java libactivation-java libjaxb-api-java)
command -v node >/dev/null && command -v npm >/dev/null || debs+=(nodejs npm)
command -v java >/dev/null || debs+=(default-jre-headless)
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "compat: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -d "$here/node_modules" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
echo "compat: tools ready after $((SECONDS - start)) s"
# Debian's python3 has the Debian modules; a python3 earlier on PATH may not.
py=/usr/bin/python3

# --- outputs ---------------------------------------------------------------
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1767225600 # 2026-01-01
go build -o "$work/jdgen" ./cmd/jdgen
go run ./internal/tools/genconfig -roles 2000 >"$work/big.yaml"
# Warnings (the generated company trips pay-law checks) go to a file, not
# the log; on failure the file is shown.
for set in example big; do
  config=examples/company.yaml
  [ $set = big ] && config=$work/big.yaml
  "$work/jdgen" --config "$config" --out "$work/$set" >/dev/null 2>"$work/$set-stderr.txt" ||
    { cat "$work/$set-stderr.txt"; exit 1; }
  echo "compat: $set generated, $(grep -c '^warning:' "$work/$set-stderr.txt" || true) warnings"
done
echo "compat: outputs generated after $((SECONDS - start)) s"

passed=0
failed=0
tally() { # tally EXIT-STATUS
  if [ "$1" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

# --- workbooks -------------------------------------------------------------
for set in example big; do
  book=$work/$set/career-ladder.xlsx
  d=$work/$set-dumps
  mkdir -p "$d" "$work/$set-csv"
  $py "$here/xlsx_py.py" raw "$book" "$d/raw.json"
  $py "$here/xlsx_py.py" openpyxl "$book" "$d/openpyxl.json"
  $py "$here/xlsx_py.py" openpyxl-ro "$book" "$d/openpyxl-ro.json"
  $py "$here/xlsx_py.py" pandas "$book" "$d/pandas.json"
  node "$here/xlsx_node.js" exceljs "$book" "$d/exceljs.json"
  node "$here/xlsx_node.js" sheetjs "$book" "$d/sheetjs.json"
  # Every sheet to its own CSV (the last token, -1); a private profile so a
  # LibreOffice running elsewhere on the machine does not take the job.
  soffice -env:UserInstallation="file://$work/lo-profile" --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$work/$set-csv" "$book" >"$work/$set-lo.log" 2>&1 || cat "$work/$set-lo.log"
  $py "$here/xlsx_py.py" csv "$work/$set-csv" "$book" "$d/libreoffice.json"
  echo "compat: workbook $set ($(stat -c %s "$book") bytes)"
  status=0
  $py "$here/xlsx_py.py" compare "$d/raw.json" "$d"/{openpyxl,openpyxl-ro,pandas,libreoffice,exceljs,sheetjs}.json || status=$?
  tally $status
done
echo "compat: workbooks read after $((SECONDS - start)) s"

# --- PDFs ------------------------------------------------------------------
lang=$($py -c 'import json,sys; print(json.load(open(sys.argv[1]))["props"].get("language",""))' "$work/example-dumps/raw.json")
for set in example big; do
  find "$work/$set" -name '*.pdf' | sort >"$work/$set-pdfs.txt"
  if [ $set = big ]; then
    awk 'NR % 10 == 1' "$work/$set-pdfs.txt" >"$work/$set-sample.txt"
  else
    cp "$work/$set-pdfs.txt" "$work/$set-sample.txt"
  fi
  # Two pdf.js processes, one per core.
  split -n l/2 -d "$work/$set-sample.txt" "$work/$set-sample."
  node "$here/pdf_node.mjs" "$work/$set-sample.00" "$work/$set-pdfjs.00.json" &
  node "$here/pdf_node.mjs" "$work/$set-sample.01" "$work/$set-pdfjs.01.json"
  wait
  $py -c 'import json,sys; d={}; [d.update(json.load(open(f))) for f in sys.argv[2:]]; json.dump(d, open(sys.argv[1],"w"))' \
    "$work/$set-pdfjs.json" "$work/$set-pdfjs.00.json" "$work/$set-pdfjs.01.json"
  # PDFBox's preflight: a JVM per file, so the example's and every 100th.
  if [ $set = big ]; then
    awk 'NR % 100 == 1' "$work/$set-pdfs.txt" >"$work/$set-preflight.txt"
  else
    cp "$work/$set-pdfs.txt" "$work/$set-preflight.txt"
  fi
  status=0
  $py "$here/pdf_check.py" "$set" "$work/$set-pdfs.txt" "$work/$set-pdfjs.json" "$lang" "$work/$set-preflight.txt" || status=$?
  tally $status
done

echo "compat: done in $((SECONDS - start)) s"
echo "compat: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

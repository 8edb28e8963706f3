#!/usr/bin/python3
"""PDF checks for the compatibility suite (.ci/compat.sh).

    pdf_check.py LABEL ALL.txt PDFJS.json LANG

ALL.txt names every PDF to check with qpdf and pdftotext; PDFJS.json is what
pdf_node.mjs read from a sample of them. For every file: qpdf --check finds
no error or warning; the header is followed by a binary comment line; the
trailer has an /ID; there is no EmbeddedFiles tree; pdftotext prints no
warning and finds text on every page. For the pdf.js sample: no warning,
the same page count, title, file identifier and words as qpdf/pdftotext
see, and the document language LANG (the workbook's). Prints one line per
client and exits 1 on any failure.
"""

import collections
import concurrent.futures
import json
import re
import subprocess
import sys


def run(args):
    p = subprocess.run(args, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def check_one(path):
    problems = []
    with open(path, "rb") as fh:
        data = fh.read()
    lines = data.split(b"\n", 2)
    if not (lines[0].startswith(b"%PDF-") and len(lines) > 1 and lines[1][:1] == b"%"
            and len(lines[1]) >= 5 and all(b >= 128 for b in lines[1][1:5])):
        problems.append("no binary comment line after the header")
    if b"/EmbeddedFiles" in data:
        problems.append("has an EmbeddedFiles tree")
    rc, out, err = run(["qpdf", "--check", path])
    if rc != 0 or "No syntax or stream encoding errors found" not in out or "WARNING" in out + err:
        problems.append("qpdf --check (exit %d): %s" % (rc, (out + err).strip().splitlines()[-1:]))
    rc, trailer, err = run(["qpdf", "--show-object=trailer", path])
    m = re.search(r"/ID \[ <([0-9a-f]{32})> <([0-9a-f]{32})> \]", trailer)
    if not m:
        problems.append("trailer has no /ID: %s" % trailer.strip())
    rc, text, err = run(["pdftotext", "-enc", "UTF-8", path, "-"])
    if rc != 0 or err.strip():
        problems.append("pdftotext (exit %d): %s" % (rc, err.strip()[:200]))
    pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    if not pages or any(not p.strip() for p in pages):
        problems.append("pdftotext found a page without text")
    return {"problems": problems, "id": m.group(1) if m else "", "pages": len(pages),
            "words": collections.Counter(text.split())}


def main(label, all_list, pdfjs_json, lang):
    files = [l for l in open(all_list).read().split("\n") if l]
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
        seen = dict(zip(files, ex.map(check_one, files)))
    failed = 0
    bad = {f: r["problems"] for f, r in seen.items() if r["problems"]}
    status = "ok" if not bad else "FAIL"
    print("%s qpdf+pdftotext %s: %d PDFs, %d pages, %d words; %d with problems" % (
        status, label, len(files), sum(r["pages"] for r in seen.values()),
        sum(sum(r["words"].values()) for r in seen.values()), len(bad)))
    for f, ps in list(bad.items())[:10]:
        print("  %s: %s" % (f, "; ".join(ps)))
    failed += bool(bad)

    js = json.load(open(pdfjs_json))
    bad = {}
    outline = 0
    for f, r in js.items():
        ps = list(r["warnings"])
        q = seen.get(f)
        if q is None:
            ps.append("not checked by qpdf")
        else:
            if r["pages"] != q["pages"]:
                ps.append("pdf.js %d pages, pdftotext %d" % (r["pages"], q["pages"]))
            if r["id"] != q["id"]:
                ps.append("pdf.js identifier %r, trailer %r" % (r["id"], q["id"]))
            words = collections.Counter(r["text"].split())
            if words != q["words"]:
                ps.append("pdf.js and pdftotext words differ: %s / %s" % (
                    list((words - q["words"]).items())[:3], list((q["words"] - words).items())[:3]))
        if not r["title"] or r["title"].split()[0] not in r["text"]:
            ps.append("title %r not in the text" % r["title"])
        if r["lang"] != lang:
            ps.append("language %r, the workbook says %r" % (r["lang"], lang))
        outline += r["outline"]
        if ps:
            bad[f] = ps
    status = "ok" if not bad else "FAIL"
    print("%s pdf.js %s: %d PDFs, %d pages, %d outline entries, language %s; %d with problems" % (
        status, label, len(js), sum(r["pages"] for r in js.values()), outline, lang, len(bad)))
    for f, ps in list(bad.items())[:10]:
        print("  %s: %s" % (f, "; ".join(ps)))
    failed += bool(bad)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))

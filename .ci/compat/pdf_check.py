#!/usr/bin/python3
"""PDF checks for the compatibility suite (.ci/compat.sh).

    pdf_check.py LABEL ALL.txt PDFJS.json LANG PREFLIGHT.txt

ALL.txt names every PDF to check with qpdf and pdftotext; PDFJS.json is what
pdf_node.mjs read from a sample of them. For every file: qpdf --check finds
no error or warning; the header is followed by a binary comment line; the
trailer has an /ID; there is no EmbeddedFiles tree; pdftotext prints no
warning and finds text on every page. For the pdf.js sample: no warning,
the same page count, title, file identifier and words as qpdf/pdftotext
see, and the document language LANG (the workbook's). For the files in
PREFLIGHT.txt, PDFBox's PDF/A-1b preflight: no error of the file structure
(codes 1.x: header, trailer and /ID, xref, outlines, embedded files). Its
other findings are PDF/A's own demands (output intent, XMP, CIDSet; see the
README, "PDF/A") and are counted, not failed. Prints one line per client
and exits 1 on any failure.
"""

import collections
import concurrent.futures
import glob
import json
import re
import subprocess
import sys


def run(args):
    p = subprocess.run(args, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def tokens(text):
    """The words and punctuation marks of text, counted. Punctuation is a
    token of its own: pdf.js returns a link's text and the full stop after
    it as two items (a space between them here), pdftotext as one word."""
    return collections.Counter(re.findall(r"\w+|[^\w\s]", text))


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
    # The identifier as written (qpdf would print a mostly printable one as
    # a literal string); pdf.js's reading of it is compared below.
    trailer = data[data.rfind(b"trailer"):]
    m = re.search(rb"/ID \[<([0-9a-f]{32})> <([0-9a-f]{32})>\]", trailer)
    if not m or m.group(1) != m.group(2):
        problems.append("trailer has no /ID of two equal 16-byte strings: %r" % trailer[:200])
    rc, text, err = run(["pdftotext", "-enc", "UTF-8", path, "-"])
    if rc != 0 or err.strip():
        problems.append("pdftotext (exit %d): %s" % (rc, err.strip()[:200]))
    pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    if not pages or any(not p.strip() for p in pages):
        problems.append("pdftotext found a page without text")
    return {"problems": problems, "id": m.group(1).decode() if m else "", "pages": len(pages),
            "words": tokens(text)}


PREFLIGHT_JARS = ["preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging",
                  "javax.activation", "jaxb-api"]


def preflight_one(path):
    cp = ":".join("/usr/share/java/%s.jar" % j for j in PREFLIGHT_JARS)
    rc, out, err = run(["java", "-cp", cp, "org.apache.pdfbox.preflight.Validator_A1b", path])
    codes = re.findall(r"^(\d+(?:\.\d+)*) : (.*)$", out + err, re.M)
    if rc != 0 and not codes and "is a valid PDF/A-1b" not in out:
        return [("run", (out + err).strip()[-300:])]
    return codes


def preflight(label, files):
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
        found = dict(zip(files, ex.map(preflight_one, files)))
    kinds = collections.Counter()
    bad = {}
    for f, codes in found.items():
        for code, msg in codes:
            if code == "run" or code.startswith("1."):
                bad.setdefault(f, []).append("%s: %s" % (code, msg))
            else:
                kinds["%s %s" % (code, msg.split(",")[0])] += 1
    status = "ok" if not bad else "FAIL"
    print("%s pdfbox-preflight %s: %d PDFs, %d with file-structure errors; PDF/A-only findings: %s" % (
        status, label, len(files), len(bad),
        ", ".join("%s x%d" % k for k in sorted(kinds.items())) or "none"))
    for f, ps in list(bad.items())[:10]:
        print("  %s: %s" % (f, "; ".join(ps[:5])))
    return bool(bad)


def main(label, all_list, pdfjs_json, lang, preflight_list):
    files = [l for l in open(all_list).read().split("\n") if l]
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
        seen = dict(zip(files, ex.map(check_one, files)))
    failed = 0
    bad = {f: r["problems"] for f, r in seen.items() if r["problems"]}
    status = "ok" if not bad else "FAIL"
    print("%s qpdf+pdftotext %s: %d PDFs, %d pages, %d words and marks; %d with problems" % (
        status, label, len(files), sum(r["pages"] for r in seen.values()),
        sum(sum(r["words"].values()) for r in seen.values()), len(bad)))
    for f, ps in list(bad.items())[:10]:
        print("  %s: %s" % (f, "; ".join(ps)))
    failed += bool(bad)

    js = json.load(open(pdfjs_json))
    bad = {}
    outline = 0
    langs = collections.Counter()
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
            words = tokens(r["text"])
            if words != q["words"]:
                ps.append("pdf.js and pdftotext words differ: %s / %s" % (
                    list((words - q["words"]).items())[:3], list((q["words"] - words).items())[:3]))
        if not r["title"] or r["title"].split()[0] not in r["text"]:
            ps.append("title %r not in the text" % r["title"])
        langs[r["lang"]] += 1
        outline += r["outline"]
        if ps:
            bad[f] = ps
    status = "ok" if not bad else "FAIL"
    print("%s pdf.js %s: %d PDFs, %d pages, %d outline entries, languages %s; %d with problems" % (
        status, label, len(js), sum(r["pages"] for r in js.values()), outline, dict(langs), len(bad)))
    for f, ps in list(bad.items())[:10]:
        print("  %s: %s" % (f, "; ".join(ps)))
    failed += bool(bad)
    # One language per run (issue #15): the workbook and the PDFs both
    # take it from the company's locale in the model.
    if set(langs) != {lang}:
        failed += 1
        print("FAIL language %s: the PDFs say %s, the workbook %s" % (label, dict(langs), lang))

    failed += preflight(label, [l for l in open(preflight_list).read().split("\n") if l])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))

#!/usr/bin/python3
"""Workbook readers for the compatibility suite (.ci/compat.sh), Python side.

    xlsx_py.py raw BOOK.xlsx OUT.json        what the file holds (zip + XML, stdlib only)
    xlsx_py.py openpyxl BOOK.xlsx OUT.json   openpyxl, normal mode
    xlsx_py.py openpyxl-ro BOOK.xlsx OUT.json openpyxl, read-only (streaming) mode
    xlsx_py.py pandas BOOK.xlsx OUT.json     pandas.read_excel, every sheet
    xlsx_py.py csv DIR BOOK.xlsx OUT.json    LibreOffice's CSV export of every sheet (DIR)
    xlsx_py.py compare RAW.json READER.json... every reader against the raw view

Each reader writes a dump: per sheet the numbers of the rows that hold a
value and the text of every text cell; where the reader exposes them, the
hyperlinks and the core properties; and every warning it gave. "compare"
prints one line per reader and exits 1 on any difference.
"""

import csv
import datetime
import glob
import json
import os
import re
import sys
import warnings
import xml.etree.ElementTree as ET
import zipfile

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
R_ID = "{%s}id" % NS["r"]
PROPS = ["title", "subject", "creator", "keywords", "description",
         "lastModifiedBy", "category", "language"]


def col_name(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def split_ref(ref):
    m = re.fullmatch(r"([A-Z]+)([0-9]+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return col, int(m.group(2))


def new_sheet():
    return {"rows": set(), "strings": {}}


def finish(dump):
    for s in dump["sheets"].values():
        s["rows"] = sorted(s["rows"])
    return dump


def raw(path):
    """Reads the parts directly and lists structural problems as warnings."""
    z = zipfile.ZipFile(path)
    problems = []
    bad_times = []
    for info in z.infolist():
        y, mo, d, h, mi, s = info.date_time
        try:
            datetime.datetime(y, mo, d, h, mi, s)
        except ValueError:
            bad_times.append(info.filename)
    if bad_times:
        problems.append("%d zip entries have an invalid time, e.g. %s %s" % (
            len(bad_times), bad_times[0], z.getinfo(bad_times[0]).date_time))
    core_xml = z.read("docProps/core.xml").decode()
    core = ET.fromstring(core_xml)
    props = {}
    for el in core:
        local = el.tag.split("}")[1]
        if local in PROPS:
            props[local] = el.text or ""
        if el.tag.startswith("{%s}" % NS["m"]) or not el.tag.startswith("{"):
            problems.append("core.xml element %s is not in a core-properties namespace" % local)
    for local in ("keywords", "lastModifiedBy", "category"):
        if re.search(r"<%s[ >]" % local, core_xml):
            problems.append("core.xml writes <%s> without the cp: prefix (ExcelJS issue 2603)" % local)
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    dump = {"reader": "raw", "sheets": {}, "links": {}, "props": props, "warnings": problems}
    for sh in wb.find("m:sheets", NS):
        name = sh.get("name")
        part = "xl/" + target[sh.get(R_ID)].lstrip("/").replace("xl/", "", 1)
        xml = z.read(part).decode()
        if "relationships:id" in xml:
            problems.append("%s: hyperlinks use relationships:id, not r:id" % name)
        root = ET.fromstring(xml)
        s = dump["sheets"][name] = new_sheet()
        max_col = max_row = 0
        for c in root.iter("{%s}c" % NS["m"]):
            ref = c.get("r")
            col, row = split_ref(ref)
            t = c.get("t")
            if t == "inlineStr":
                text = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
            elif t == "s":
                problems.append("%s!%s: shared strings are not read by this check" % (name, ref))
                continue
            else:
                v = c.find("m:v", NS)
                f = c.find("m:f", NS)
                if v is None and f is None:
                    # A styled blank cell: inside the dimension (as Excel
                    # counts it), but no value.
                    max_col, max_row = max(max_col, col), max(max_row, row)
                    continue
                text = None
            if t in ("inlineStr", "str") and (text or "") == "":
                problems.append("%s!%s: an empty string instead of a blank cell" % (name, ref))
                continue
            s["rows"].add(row)
            max_col, max_row = max(max_col, col), max(max_row, row)
            if text is not None:
                s["strings"][ref] = text
        dim = root.find("m:dimension", NS)
        want = "A1:%s%d" % (col_name(max_col), max_row) if max_row else "A1"
        if dim is None or dim.get("ref") != want:
            problems.append("%s: dimension %s, the data spans %s" % (
                name, None if dim is None else dim.get("ref"), want))
        links = dump["links"][name] = {}
        srels = {}
        rel_part = os.path.dirname(part) + "/_rels/" + os.path.basename(part) + ".rels"
        if rel_part in z.namelist():
            srels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read(rel_part))}
        for h in root.iter("{%s}hyperlink" % NS["m"]):
            tip = h.get("tooltip") or ""
            if len(tip) > 255:
                problems.append("%s!%s: tooltip of %d characters (Excel allows 255)" % (name, h.get("ref"), len(tip)))
            rid = h.get(R_ID)
            links[h.get("ref")] = srels.get(rid) if rid else "#" + h.get("location", "")
    return finish(dump)


def cell_text(v):
    return v if isinstance(v, str) else None


def from_rows(dump, name, rows):
    """rows: iterable of (row number, [values from column A])."""
    s = dump["sheets"][name] = new_sheet()
    for r, values in rows:
        for i, v in enumerate(values):
            if v is None or (isinstance(v, float) and v != v):
                continue
            if v == "":
                dump["warnings"].append("%s!%s%d: an empty string" % (name, col_name(i + 1), r))
                continue
            s["rows"].add(r)
            if isinstance(v, str):
                s["strings"]["%s%d" % (col_name(i + 1), r)] = v


def openpyxl_reader(path, read_only):
    import openpyxl
    dump = {"reader": "openpyxl-ro" if read_only else "openpyxl", "sheets": {},
            "links": None if read_only else {}, "props": {}, "warnings": []}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        wb = openpyxl.load_workbook(path, read_only=read_only)
        p = wb.properties
        dump["props"] = {k: getattr(p, k) or "" for k in PROPS}
        for ws in wb.worksheets:
            rows = ((i + 1, [c.value for c in row])
                    for i, row in enumerate(ws.iter_rows(min_row=1, min_col=1)))
            from_rows(dump, ws.title, rows)
            if not read_only:
                links = dump["links"][ws.title] = {}
                for row in ws.iter_rows(min_row=1, min_col=1):
                    for c in row:
                        if c.hyperlink is not None:
                            h = c.hyperlink
                            links[c.coordinate] = h.target if h.target else "#" + (h.location or "")
                date_check(dump, ws)
        wb.close()
    dump["warnings"] += ["%s: %s" % (w.category.__name__, w.message) for w in caught]
    return finish(dump)


def date_check(dump, ws):
    """The Overview's effective date is a date at midnight, shown as a date."""
    if ws.title != "Overview":
        return
    for row in ws.iter_rows(max_col=2):
        if row[0].value == "Effective date":
            c = row[1]
            ok = isinstance(c.value, datetime.datetime) and c.value.time() == datetime.time(0)
            if not ok or not c.is_date:
                dump["warnings"].append("Overview!%s: effective date %r (format %s) is not a pure date"
                                        % (c.coordinate, c.value, c.number_format))
            dump["effective_date"] = str(c.value)
            return
    dump["warnings"].append("Overview: no Effective date row")


def pandas_reader(path):
    import pandas as pd
    dump = {"reader": "pandas", "sheets": {}, "links": None, "props": None, "warnings": []}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frames = pd.read_excel(path, sheet_name=None, header=None, engine="openpyxl")
    dump["warnings"] += ["%s: %s" % (w.category.__name__, w.message) for w in caught]
    for name, df in frames.items():
        # header=None keeps every row; the frame starts at the first row or
        # column holding data, so offset by what pandas dropped (none here:
        # every sheet starts at A1).
        rows = ((i + 1, list(r)) for i, r in enumerate(df.itertuples(index=False, name=None)))
        from_rows(dump, name, rows)
    return finish(dump)


def csv_reader(folder, path):
    """LibreOffice wrote BASE-SHEET.csv for every sheet into folder."""
    base = os.path.splitext(os.path.basename(path))[0]
    dump = {"reader": "libreoffice-csv", "sheets": {}, "links": None, "props": None, "warnings": []}
    z = zipfile.ZipFile(path)
    names = [s.get("name") for s in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS)]
    for name in names:
        f = os.path.join(folder, "%s-%s.csv" % (base, name))
        if not os.path.exists(f):
            dump["warnings"].append("LibreOffice wrote no CSV for sheet %s (have %s)"
                                    % (name, sorted(glob.glob(folder + "/*.csv"))))
            continue
        with open(f, newline="", encoding="utf-8") as fh:
            rows = [(i + 1, [v if v != "" else None for v in r]) for i, r in enumerate(csv.reader(fh))]
        from_rows(dump, name, rows)
    return finish(dump)


def compare(raw_path, readers):
    raw_dump = json.load(open(raw_path))
    failed = False
    if raw_dump["warnings"]:
        failed = True
        print("raw: %d problems in the file:" % len(raw_dump["warnings"]))
        for w in raw_dump["warnings"][:20]:
            print("  " + w)
    nrows = sum(len(s["rows"]) for s in raw_dump["sheets"].values())
    nlinks = sum(len(v) for v in raw_dump["links"].values())
    print("raw: %d sheets, %d rows with data, %d hyperlinks, properties %s" % (
        len(raw_dump["sheets"]), nrows, nlinks, json.dumps(raw_dump["props"], sort_keys=True)))
    for path in readers:
        d = json.load(open(path))
        diffs = list(d["warnings"])
        for name, want in raw_dump["sheets"].items():
            got = d["sheets"].get(name)
            if got is None:
                diffs.append("sheet %s missing" % name)
                continue
            if got["rows"] != want["rows"]:
                miss = sorted(set(want["rows"]) - set(got["rows"]))
                extra = sorted(set(got["rows"]) - set(want["rows"]))
                diffs.append("%s: %d rows, want %d (missing %s, extra %s)" % (
                    name, len(got["rows"]), len(want["rows"]), miss[:5], extra[:5]))
            bad = [k for k, v in want["strings"].items() if got["strings"].get(k) != v]
            if bad:
                k = bad[0]
                diffs.append("%s: %d text cells differ, e.g. %s %r != %r" % (
                    name, len(bad), k, got["strings"].get(k), want["strings"][k]))
        seen = []
        if d.get("links") is not None:
            n = total = 0
            for name, want in raw_dump["links"].items():
                if d.get("internalLinks") is False:
                    want = {k: v for k, v in want.items() if not v.startswith("#")}
                got = d["links"].get(name, {})
                total += len(want)
                n += sum(1 for k in want if got.get(k) == want[k])
                for k in want:
                    if got.get(k) != want[k]:
                        diffs.append("%s!%s: link %r, want %r" % (name, k, got.get(k), want[k]))
                        break
            note = " (links to files; it drops in-workbook links)" if d.get("internalLinks") is False else ""
            seen.append("%d/%d links%s" % (n, total, note))
        if d.get("props") is not None:
            for k, v in raw_dump["props"].items():
                if k in d["props"] and d["props"][k] != v:
                    diffs.append("property %s %r, want %r" % (k, d["props"][k], v))
            seen.append("properties %s" % ",".join(k for k in raw_dump["props"] if k in d["props"]))
        rows = sum(len(s["rows"]) for s in d["sheets"].values())
        status = "ok" if not diffs else "FAIL"
        extra = ("; effective date " + d["effective_date"]) if "effective_date" in d else ""
        print("%s %s: %d/%d rows%s%s%s" % (status, d["reader"], rows, nrows,
                                           "; " if seen else "", "; ".join(seen), extra))
        for x in diffs[:20]:
            print("  " + x)
        failed = failed or bool(diffs)
    return 1 if failed else 0


def main(argv):
    cmd = argv[1]
    if cmd == "compare":
        return compare(argv[2], argv[3:])
    if cmd == "csv":
        dump = csv_reader(argv[2], argv[3])
        out = argv[4]
    else:
        book, out = argv[2], argv[3]
        dump = {"raw": lambda: raw(book),
                "openpyxl": lambda: openpyxl_reader(book, False),
                "openpyxl-ro": lambda: openpyxl_reader(book, True),
                "pandas": lambda: pandas_reader(book)}[cmd]()
    with open(out, "w") as fh:
        json.dump(dump, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

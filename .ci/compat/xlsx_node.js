// Workbook readers for the compatibility suite (.ci/compat.sh), node side.
//
//   node xlsx_node.js exceljs BOOK.xlsx OUT.json
//   node xlsx_node.js sheetjs BOOK.xlsx OUT.json
//
// Writes the same dump as xlsx_py.py: per sheet the rows holding a value
// and the text of every text cell, the hyperlinks, the core properties, and
// everything the library printed (console.log/warn/error) as warnings.
'use strict';
const fs = require('fs');

const warnings = [];
for (const k of ['log', 'warn', 'error', 'info', 'debug']) {
  console[k] = (...a) => warnings.push(`console.${k}: ${a.map(String).join(' ')}`);
}

function colName(n) {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// A link as the raw dump spells it: the target, or '#' + a location.
function link(target, external) {
  if (target === undefined || target === null) return null;
  if (external || target.startsWith('#')) return target;
  return '#' + target;
}

async function exceljs(book) {
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  const d = {
    reader: 'exceljs',
    sheets: {},
    links: {},
    props: {},
    warnings,
    // ExcelJS 4.4 keeps only hyperlinks with a relationship id (its
    // worksheet-xform.js builds hyperlinkMap from rId alone), so links to
    // a place in the workbook (location=) are dropped for every file,
    // Excel's own included. They are compared for the other readers.
    internalLinks: false,
  };
  for (const k of ['title', 'subject', 'creator', 'keywords', 'description',
    'lastModifiedBy', 'category', 'language']) {
    if (wb[k] !== undefined) d.props[k] = wb[k] || '';
  }
  wb.eachSheet((ws) => {
    const s = { rows: [], strings: {} };
    const links = {};
    d.sheets[ws.name] = s;
    d.links[ws.name] = links;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      let any = false;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const ref = colName(c) + r;
        let v = cell.value;
        if (cell.hyperlink) {
          links[ref] = link(cell.hyperlink, /[/:.]/.test(cell.hyperlink) && !cell.hyperlink.includes('!'));
        }
        if (v && typeof v === 'object' && !(v instanceof Date)) {
          if ('text' in v) v = v.text;
          else if ('richText' in v) v = v.richText.map((x) => x.text).join('');
          else if ('result' in v) v = v.result;
        }
        if (v === null || v === undefined) return;
        if (v === '') {
          warnings.push(`${ws.name}!${ref}: an empty string`);
          return;
        }
        any = true;
        if (typeof v === 'string') s.strings[ref] = v;
      });
      if (any) s.rows.push(r);
    });
  });
  return d;
}

function sheetjs(book) {
  const XLSX = require('xlsx');
  const wb = XLSX.read(fs.readFileSync(book), { type: 'buffer', cellDates: true });
  const p = wb.Props || {};
  const d = {
    reader: 'sheetjs',
    sheets: {},
    links: {},
    props: {
      title: p.Title || '', subject: p.Subject || '', creator: p.Author || '',
      keywords: p.Keywords || '', description: p.Comments || '',
      lastModifiedBy: p.LastAuthor || '', category: p.Category || '',
      language: p.Language || '',
    },
    warnings,
  };
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const s = { rows: [], strings: {} };
    const links = {};
    d.sheets[name] = s;
    d.links[name] = links;
    // What applications built on SheetJS show: the rows inside the
    // sheet's declared range (!ref, from <dimension>).
    const range = XLSX.utils.decode_range(ws['!ref'] || 'A1');
    const rows = XLSX.utils.sheet_to_json(ws, { header: 1, raw: true, defval: null, blankrows: true });
    rows.forEach((row, i) => {
      const r = range.s.r + i + 1;
      let any = false;
      row.forEach((v, j) => {
        const ref = colName(range.s.c + j + 1) + r;
        if (v === null || v === undefined) return;
        if (v === '') {
          warnings.push(`${name}!${ref}: an empty string`);
          return;
        }
        any = true;
        if (typeof v === 'string') s.strings[ref] = v;
      });
      if (any) s.rows.push(r);
    });
    for (const ref of Object.keys(ws)) {
      if (ref[0] === '!' || !ws[ref].l) continue;
      const l = ws[ref].l;
      links[ref] = l.Target !== undefined ? l.Target : link(l.Location, false);
    }
  }
  return d;
}

async function main() {
  const [reader, book, out] = process.argv.slice(2);
  const d = reader === 'exceljs' ? await exceljs(book) : sheetjs(book);
  fs.writeFileSync(out, JSON.stringify(d));
}

main().catch((e) => {
  // The library could not open the workbook: record it as the reader's
  // failure, so the comparison reports it beside the others.
  const [reader, , out] = process.argv.slice(2);
  warnings.push(`cannot open the workbook: ${e && e.message}`);
  fs.writeFileSync(out, JSON.stringify({ reader, sheets: {}, links: {}, props: {}, warnings }));
});

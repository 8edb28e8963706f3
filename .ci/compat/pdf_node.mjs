// pdf.js reader for the compatibility suite (.ci/compat.sh).
//
//   node pdf_node.mjs LIST OUT.json
//
// LIST names one PDF per line. For each, pdf.js (the viewer in Firefox and
// many web apps) opens it, and this records its page count, title,
// language, file identifier, outline entries, the extracted text and
// everything pdf.js printed (its warnings). Exits 0; the shell script
// judges the JSON.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const printed = [];
for (const k of ['log', 'warn', 'error', 'info', 'debug']) {
  console[k] = (...a) => printed.push(a.map(String).join(' '));
}

const here = path.dirname(fileURLToPath(import.meta.url));
const pdfjs = await import(path.join(here, 'node_modules/pdfjs-dist/legacy/build/pdf.mjs'));
const fontData = path.join(here, 'node_modules/pdfjs-dist/standard_fonts') + '/';

const [list, out] = process.argv.slice(2);
const files = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
const results = {};
for (const file of files) {
  const before = printed.length;
  const r = { pages: 0, title: '', lang: '', id: '', outline: 0, text: '', warnings: [] };
  try {
    const doc = await pdfjs.getDocument({
      data: new Uint8Array(fs.readFileSync(file)),
      verbosity: pdfjs.VerbosityLevel.WARNINGS,
      standardFontDataUrl: fontData,
      isEvalSupported: false,
    }).promise;
    r.pages = doc.numPages;
    const meta = await doc.getMetadata();
    r.title = meta.info.Title || '';
    r.lang = meta.info.Language || '';
    r.id = (doc.fingerprints && doc.fingerprints[0]) || '';
    r.outline = ((await doc.getOutline()) || []).length;
    const parts = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const tc = await page.getTextContent();
      parts.push(tc.items.map((it) => it.str + (it.hasEOL ? '\n' : ' ')).join(''));
      page.cleanup();
    }
    r.text = parts.join('\f');
    await doc.destroy();
  } catch (e) {
    r.warnings.push(`cannot open: ${e && e.message}`);
  }
  r.warnings.push(...printed.slice(before));
  results[file] = r;
}
fs.writeFileSync(out, JSON.stringify(results));

#!/usr/bin/env node
// Prints a Markdown table from the JSON files that run-insert.sh leaves in a results directory:
// quiver-<store>.json (one per store) and pglite.json.
// Usage: node summarize.mjs <results-dir>

import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node summarize.mjs <results-dir>');
  process.exit(2);
}
const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const fmt = (n) => Math.round(n).toLocaleString('en-US');

const pglite = fs.existsSync(path.join(dir, 'pglite.json')) ? read('pglite.json') : null;
const copy = pglite ? pglite.copy.median : null;
const ratio = (x) => (copy ? `${(x / copy).toFixed(1)}×` : 'n/a');

const lines = [];
const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
// Median Quiver-process CPU time per row at one concurrency (JVM only: not PostgreSQL's backends).
const cpuPerRow = (r, c) => {
  const xs = (r.runs || []).filter((x) => String(x.concurrency) === String(c) && x.serverCpuSeconds !== null)
    .map((x) => (x.serverCpuSeconds / r.rows) * 1e6);
  return xs.length ? `${median(xs).toFixed(0)}` : 'n/a';
};

lines.push('| store | concurrency | median rows/s | repeats rows/s | ratio to PGlite COPY | Quiver JVM CPU µs/row |');
lines.push('| --- | --- | --- | --- | --- | --- |');
const stores = fs.readdirSync(dir).filter((f) => /^quiver-.+\.json$/.test(f)).sort();
for (const f of stores) {
  const r = read(f);
  for (const [c, v] of Object.entries(r.byConcurrency)) {
    lines.push(`| Quiver on ${r.store} (HTTP) | ${c} | ${fmt(v.median)} | ${v.rates.map(fmt).join(', ')} | ${ratio(v.median)} | ${cpuPerRow(r, c)} |`);
  }
}
if (pglite) {
  const label = `PGlite ${pglite.pgliteVersion} + pgvector ${pglite.pgvectorVersion} (WebAssembly, ${pglite.fs})`;
  lines.push(`| ${label}: COPY | 1 | ${fmt(copy)} | ${pglite.copy.rates.map(fmt).join(', ')} | 1.0× | |`);
  if (pglite.insert) {
    lines.push(`| ${label}: INSERT ×${pglite.batch} | 1 | ${fmt(pglite.insert.median)} | ` +
      `${pglite.insert.rates.map(fmt).join(', ')} | ${ratio(pglite.insert.median)} | |`);
  }
}
const any = stores.length ? read(stores[0]) : pglite;
if (any) lines.push('', `rows ${any.rows}, dim ${any.dim}, batch ${any.batch}`);
console.log(lines.join('\n'));

// Turns the JSON lines of one bench/run.sh run into a Markdown report and one SVG chart per data
// set (queries/s against recall@10, the ann-benchmarks picture).
// Usage: node report.mjs RESULTS.jsonl MACHINE.txt REPORT.md CHART-PREFIX   (charts: PREFIX-<dataset>.svg)
import { readFileSync, writeFileSync } from 'node:fs';

const [resultsFile, machineFile, reportFile, chartPrefix] = process.argv.slice(2);
const rows = readFileSync(resultsFile, 'utf8').split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
const machine = readFileSync(machineFile, 'utf8').trim();
const PGLITE = 'pgvector-pglite (WebAssembly)';
const fmt = (value, digits = 0) => (value === undefined || value === null ? '–' : Number(value).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '–');
const searches = (r) => r.qps !== undefined && r.recall !== undefined;
const unfiltered = (r) => searches(r) && r.filter === 'none' && !r.after && (r.system !== PGLITE || r.iterative_scan === 'off');

/** Fastest measurement of a series at recall@10 of at least `floor`. */
function best(series, floor) {
  return series.filter((r) => r.recall >= floor).sort((a, b) => b.qps - a.qps)[0];
}

const out = [`# ANN benchmark: ${new Date().toISOString().slice(0, 16)}Z`, '', machine, '',
  'Quiver is measured over HTTP (wrk, JSON bodies, bearer token) on the same two cores as the client;',
  'hnswlib in-process (C++, threads); pgvector in PGlite in-process (WebAssembly, one thread). Recall@10 is',
  'against exact ground truth. Ratios compare the fastest setting of each system that reaches the recall named.', ''];

for (const dataset of [...new Set(rows.map((r) => r.dataset))]) {
  const of = (predicate) => rows.filter((r) => r.dataset === dataset && predicate(r));
  out.push(`## ${dataset}`, '');
  const series = {
    'hnswlib, 1 thread': of((r) => unfiltered(r) && r.system === 'hnswlib' && r.threads === 1),
    'hnswlib, 2 threads': of((r) => unfiltered(r) && r.system === 'hnswlib' && r.threads === 2),
    'Quiver, 1 client': of((r) => unfiltered(r) && r.system === 'quiver' && r.threads === 1),
    'Quiver, 2 clients': of((r) => unfiltered(r) && r.system === 'quiver' && r.threads === 2),
    'Quiver, 4 clients': of((r) => unfiltered(r) && r.system === 'quiver' && r.threads === 4),
    'pgvector in PGlite (WebAssembly), 1 client': of((r) => unfiltered(r) && r.system === PGLITE),
  };
  out.push('| system | ef | recall@10 | queries/s | p50 µs | p99 µs |', '| --- | --- | --- | --- | --- | --- |');
  for (const [name, list] of Object.entries(series)) {
    for (const r of list) out.push(`| ${name} | ${r.ef} | ${fmt(r.recall, 3)} | ${fmt(r.qps)} | ${fmt(r.p50_us)} | ${fmt(r.p99_us)} |`);
  }
  out.push('');
  for (const floor of [0.95, 0.99]) {
    const q4 = best(series['Quiver, 4 clients'], floor);
    const q1 = best(series['Quiver, 1 client'], floor);
    const h2 = best(series['hnswlib, 2 threads'], floor);
    const h1 = best(series['hnswlib, 1 thread'], floor);
    const pg = best(series['pgvector in PGlite (WebAssembly), 1 client'], floor);
    out.push(`At recall@10 ≥ ${floor}: Quiver ${fmt(q4?.qps)} queries/s at 4 clients (ef ${q4?.ef ?? '–'}), ${fmt(q1?.qps)} at 1;`
      + ` hnswlib ${fmt(h2?.qps)} on 2 threads, ${fmt(h1?.qps)} on 1; pgvector-PGlite ${fmt(pg?.qps)}.`
      + ` **Quiver/hnswlib (4 clients / 2 threads): ${ratio(q4?.qps, h2?.qps)}**; Quiver/pgvector-PGlite: ${ratio(q1?.qps, pg?.qps)} at 1 client,`
      + ` ${ratio(q4?.qps, pg?.qps)} at 4.`, '');
  }

  const filtered = of((r) => searches(r) && r.filter !== 'none' && !r.after);
  if (filtered.length) {
    out.push('Filtered search (10 hits asked for):', '', '| system | filter | ef | recall@10 | rows returned | queries/s |', '| --- | --- | --- | --- | --- | --- |');
    for (const r of filtered) {
      const name = r.system === PGLITE ? `pgvector-PGlite, iterative scan ${r.iterative_scan}` : r.system === "hnswlib" ? `hnswlib (${r.filter_method}), ${r.threads} threads` : `Quiver, ${r.threads} clients`;
      const filter = r.filter.replace('tag<10', 'tag < 10').replace('tag=0', 'tag == 0').replace('tag==0', 'tag == 0');
      out.push(`| ${name} | \`${filter}\` | ${r.ef} | ${fmt(r.recall, 3)} | ${fmt(r.returned ?? r.mean_rows, 2)} | ${fmt(r.qps)} |`);
    }
    out.push('');
  }

  const insert = of((r) => r.measure === 'insert');
  const flat = insert.find((r) => r.indexType === 'FLAT');
  const graph = insert.find((r) => r.indexType !== 'FLAT');
  const hnswlib = of((r) => r.system === 'hnswlib' && r.build_s)[0];
  const pg = of((r) => r.system === PGLITE && r.build_s)[0];
  const heap = of((r) => r.measure === 'heap')[0];
  out.push('| build and memory | figure |', '| --- | --- |');
  if (flat) out.push(`| Quiver insert, FLAT (batches of 1,000, 4 clients) | ${fmt(flat.insert_rows_per_s)} rows/s |`);
  if (graph) {
    out.push(`| Quiver insert, ${graph.indexType} (graphs built meanwhile) | ${fmt(graph.insert_rows_per_s)} rows/s (${ratio(graph.insert_rows_per_s, flat?.insert_rows_per_s)} of FLAT) |`);
    out.push(`| Quiver, first insert to every graph complete | ${fmt(graph.index_ready_s, 1)} s |`);
  }
  if (hnswlib) out.push(`| hnswlib build, ${hnswlib.build_threads} threads | ${fmt(hnswlib.build_s, 1)} s (Quiver/hnswlib: ${ratio(graph?.index_ready_s, hnswlib.build_s)}) |`);
  if (pg) out.push(`| pgvector-PGlite: COPY, then CREATE INDEX | ${fmt(pg.load_rows_s)} rows/s, ${fmt(pg.build_s, 1)} s |`);
  if (heap) out.push(`| Quiver heap per vector (after GC, M ${heap.M}) | ${fmt(heap.heap_bytes_per_vector)} bytes |`);
  out.push('');

  const deletes = of((r) => r.measure === 'delete half')[0];
  if (deletes) {
    const after = of((r) => searches(r) && r.after);
    out.push(`After deleting every odd id (half by filter, half by id): deletes took ${fmt(deletes.delete_s, 1)} s, graphs rebuilt`
      + ` ${fmt(deletes.graphs_rebuilt_s, 1)} s later; a reader searching throughout waited at most ${fmt(deletes.reader_slowest_ms, 1)} ms.`, '');
    out.push('| ef | recall@10 | queries/s (2 clients) | before |', '| --- | --- | --- | --- |');
    for (const r of after) {
      const before = series['Quiver, 2 clients'].find((b) => b.ef === r.ef);
      out.push(`| ${r.ef} | ${fmt(r.recall, 3)} | ${fmt(r.qps)} | ${fmt(before?.qps)} (${ratio(r.qps, before?.qps)}) |`);
    }
    out.push('');
  }
  const chart = `${chartPrefix}-${dataset}.svg`;
  writeFileSync(chart, svg(dataset, series));
  out.push(`Chart: \`${chart}\`.`, '');
}
writeFileSync(reportFile, out.join('\n'));

/** Queries/s (log scale) against recall@10, one line per series. */
function svg(title, series) {
  const W = 760, H = 460, L = 70, R = 250, T = 40, B = 50;
  const points = Object.values(series).flat();
  const minRecall = Math.min(0.8, ...points.map((p) => p.recall));
  const x = (recall) => L + ((recall - minRecall) / (1 - minRecall)) * (W - L - R);
  const qps = points.map((p) => p.qps);
  const lo = Math.floor(Math.log10(Math.min(...qps, 100))), hi = Math.ceil(Math.log10(Math.max(...qps, 1000)));
  const y = (q) => T + (1 - (Math.log10(q) - lo) / (hi - lo)) * (H - T - B);
  const colours = ['#1f77b4', '#17becf', '#d62728', '#ff7f0e', '#e377c2', '#2ca02c'];
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${L}" y="22" font-size="15" font-weight="bold">${title}: queries/s against recall@10 (k = 10), up and right is better</text>`];
  for (let e = lo; e <= hi; e++) {
    parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(10 ** e)}" y2="${y(10 ** e)}" stroke="#ddd"/>`,
      `<text x="${L - 8}" y="${y(10 ** e) + 4}" text-anchor="end">${fmt(10 ** e)}</text>`);
  }
  for (let r = Math.ceil(minRecall * 20) / 20; r <= 1.0001; r += 0.05) {
    parts.push(`<line x1="${x(r)}" x2="${x(r)}" y1="${T}" y2="${H - B}" stroke="#eee"/>`,
      `<text x="${x(r)}" y="${H - B + 18}" text-anchor="middle">${r.toFixed(2)}</text>`);
  }
  parts.push(`<text x="${(L + W - R) / 2}" y="${H - 12}" text-anchor="middle">recall@10</text>`,
    `<text x="16" y="${(T + H - B) / 2}" transform="rotate(-90 16 ${(T + H - B) / 2})" text-anchor="middle">queries/s (log)</text>`);
  Object.entries(series).forEach(([name, list], i) => {
    if (!list.length) return;
    const sorted = [...list].sort((a, b) => a.recall - b.recall);
    const colour = colours[i % colours.length];
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${sorted.map((p) => `${x(p.recall).toFixed(1)},${y(p.qps).toFixed(1)}`).join(' ')}"/>`);
    for (const p of sorted) parts.push(`<circle cx="${x(p.recall).toFixed(1)}" cy="${y(p.qps).toFixed(1)}" r="3.5" fill="${colour}"><title>${name}, ef ${p.ef}: recall ${p.recall}, ${Math.round(p.qps)} q/s</title></circle>`);
    parts.push(`<line x1="${W - R + 15}" x2="${W - R + 40}" y1="${T + 20 + i * 22}" y2="${T + 20 + i * 22}" stroke="${colour}" stroke-width="3"/>`,
      `<text x="${W - R + 46}" y="${T + 24 + i * 22}">${name}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

#!/usr/bin/env node
// End-to-end insert benchmark.
//
// Quiver mode (default): durable inserts over HTTP (Milvus REST v1), N concurrent workers, every
// batch answered {"code":200} with insertCount = batch size only after the store committed it.
//
// PGlite mode (--pglite): the same rows loaded into pgvector inside PGlite (PostgreSQL compiled to
// WebAssembly, run in this Node process), once with one COPY FROM '/dev/blob' and once with
// INSERT statements of --batch rows each.
//
// Both modes build the same rows from the same seed, and build every request body or COPY text
// before the clock starts, so only the load itself is timed.
//
// Usage:
//   node insert-bench.mjs --url http://127.0.0.1:19530 --token root:Milvus --rows 200000 \
//     --dim 128 --batch 1000 --concurrency 1,4 --repeats 3 --label h2 [--warmup 20000] [--out f.json]
//     [--server-pid PID]   (Linux: also report the server's CPU seconds per run, from /proc)
//   node insert-bench.mjs --pglite --rows 200000 --dim 128 --batch 1000 --repeats 3 \
//     [--pglite-fs nodefs|memory] [--no-pglite-insert] [--out f.json]

import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = {
    url: 'http://127.0.0.1:19530',
    token: 'root:Milvus',
    rows: 200000,
    dim: 128,
    batch: 1000,
    concurrency: [1, 4],
    repeats: 3,
    label: 'quiver',
    warmup: 0,
    seed: 0x5eed2024,
    out: null,
    pglite: false,
    pgliteFs: 'nodefs',
    pgliteInsert: true,
    timeoutMs: 120000,
    serverPid: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--url': opts.url = next(); break;
      case '--token': opts.token = next(); break;
      case '--rows': opts.rows = positiveInt(a, next()); break;
      case '--dim': opts.dim = positiveInt(a, next()); break;
      case '--batch': opts.batch = positiveInt(a, next()); break;
      case '--concurrency':
        opts.concurrency = next().split(',').map((s) => positiveInt(a, s.trim()));
        break;
      case '--repeats': opts.repeats = positiveInt(a, next()); break;
      case '--label': opts.label = next(); break;
      case '--warmup': opts.warmup = nonNegativeInt(a, next()); break;
      case '--seed': opts.seed = nonNegativeInt(a, next()); break;
      case '--out': opts.out = next(); break;
      case '--timeout-ms': opts.timeoutMs = positiveInt(a, next()); break;
      case '--server-pid': opts.serverPid = positiveInt(a, next()); break;
      case '--pglite': opts.pglite = true; break;
      case '--pglite-fs': opts.pgliteFs = next(); break;
      case '--no-pglite-insert': opts.pgliteInsert = false; break;
      case '-h':
      case '--help':
        console.log(fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n')
          .filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${a}`);
    }
  }
  if (!/^[A-Za-z0-9_]+$/.test(opts.label)) throw new Error('--label: letters, digits and _ only');
  if (!['nodefs', 'memory'].includes(opts.pgliteFs)) throw new Error('--pglite-fs: nodefs or memory');
  const u = new URL(opts.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) && !u.hostname.startsWith('127.')) {
    throw new Error(`--url must be a loopback address, not ${u.hostname}`);
  }
  return opts;
}

function positiveInt(name, s) {
  const n = Number(s);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}: not a positive integer: ${s}`);
  return n;
}

function nonNegativeInt(name, s) {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}: not a non-negative integer: ${s}`);
  return n;
}

// ---------------------------------------------------------------- data

// mulberry32: a small seeded 32-bit generator, uniform in [0, 1).
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Vector components as decimal text: standard normal (Box-Muller) rounded to 6 decimals, so the
// very same text goes into the JSON bodies and the COPY input. Returns one string per row,
// "v1,v2,...,vdim" (no brackets).
function makeRows(count, dim, seed) {
  const next = rng(seed);
  const rows = new Array(count);
  let spare = null;
  const gauss = () => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = next();
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * next();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  const parts = new Array(dim);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < dim; j++) {
      const x = Math.round(gauss() * 1e6) / 1e6;
      parts[j] = Object.is(x, -0) ? '0' : String(x);
    }
    rows[i] = parts.join(',');
  }
  return rows;
}

function batchesOf(rows, batch) {
  const out = [];
  for (let i = 0; i < rows.length; i += batch) out.push(rows.slice(i, i + batch));
  return out;
}

// ---------------------------------------------------------------- statistics

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');

// CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; null elsewhere.
function processCpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11], fields[12]: utime, stime in clock ticks (fields 14 and 15 of proc(5))
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- Quiver over HTTP

class HttpError extends Error {
  constructor(message, detail) {
    super(message);
    this.detail = detail;
  }
}

function makeClient(opts, agent) {
  const base = new URL(opts.url);
  return function post(pathName, body) {
    const payload = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request({
        host: base.hostname.replace(/^\[|\]$/g, ''),
        port: base.port || 80,
        path: pathName,
        method: 'POST',
        agent,
        timeout: opts.timeoutMs,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': payload.length,
          Authorization: `Bearer ${opts.token}`,
        },
      }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = JSON.parse(text);
          } catch {
            reject(new HttpError(`POST ${pathName}: HTTP ${res.statusCode}, body is not JSON`, text.slice(0, 2000)));
            return;
          }
          if (res.statusCode !== 200) {
            reject(new HttpError(`POST ${pathName}: HTTP ${res.statusCode}`, text.slice(0, 2000)));
            return;
          }
          resolve(json);
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`POST ${pathName}: no answer in ${opts.timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  };
}

function expectOk(what, answer) {
  if (!answer || answer.code !== 200) {
    throw new HttpError(`${what}: answer is not {"code":200}`, JSON.stringify(answer).slice(0, 2000));
  }
  return answer;
}

async function createCollection(post, name, dim) {
  expectOk(`create ${name}`, await post('/v1/vector/collections/create', { collectionName: name, dimension: dim }));
}

// Untimed check after a load: the collection holds exactly the rows sent.
async function expectCount(post, name, rows) {
  const answer = expectOk(`count ${name}`, await post('/v1/vector/query', { collectionName: name, outputFields: ['count(*)'] }));
  const n = answer.data && answer.data[0] && answer.data[0]['count(*)'];
  if (n !== rows) throw new HttpError(`count ${name}: ${n} rows, expected ${rows}`, JSON.stringify(answer).slice(0, 500));
}

async function dropCollection(post, name) {
  expectOk(`drop ${name}`, await post('/v1/vector/collections/drop', { collectionName: name }));
}

function buildBodies(name, batches) {
  const prefix = `{"collectionName":${JSON.stringify(name)},"data":[`;
  return batches.map((b) => Buffer.from(prefix + b.map((r) => `{"vector":[${r}]}`).join(',') + ']}'));
}

// Sends every body once with `concurrency` workers pulling the next batch. Each answer must be
// code 200 with insertCount equal to the batch's row count. Returns elapsed seconds.
async function loadOverHttp(post, bodies, sizes, concurrency) {
  let nextIndex = 0;
  let failure = null;
  const worker = async () => {
    while (failure === null) {
      const i = nextIndex++;
      if (i >= bodies.length) return;
      try {
        const answer = await post('/v1/vector/insert', bodies[i]);
        expectOk(`insert batch ${i}`, answer);
        const count = answer.data && answer.data.insertCount;
        if (count !== sizes[i]) {
          throw new HttpError(`insert batch ${i}: insertCount ${count}, expected ${sizes[i]}`,
            JSON.stringify(answer).slice(0, 500));
        }
      } catch (e) {
        failure ??= e;
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, bodies.length) }, worker));
  const seconds = (performance.now() - t0) / 1000;
  if (failure) throw failure;
  return seconds;
}

async function runQuiver(opts) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(...opts.concurrency) });
  const post = makeClient(opts, agent);
  console.log(`# Quiver over HTTP: store=${opts.label} url=${opts.url} rows=${opts.rows} dim=${opts.dim} ` +
    `batch=${opts.batch} concurrency=${opts.concurrency.join(',')} repeats=${opts.repeats} warmup=${opts.warmup}`);
  let t = performance.now();
  const rows = makeRows(opts.rows, opts.dim, opts.seed);
  const batches = batchesOf(rows, opts.batch);
  const sizes = batches.map((b) => b.length);
  console.log(`# ${rows.length} rows generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const dropQuietly = async (name) => {
    try {
      await dropCollection(post, name);
    } catch {
      // it did not exist
    }
  };

  if (opts.warmup > 0) {
    const name = `bench_${opts.label}_warmup`;
    const warmBatches = batchesOf(rows.slice(0, Math.min(opts.warmup, rows.length)), opts.batch);
    const bodies = buildBodies(name, warmBatches);
    await dropQuietly(name);
    await createCollection(post, name, opts.dim);
    const s = await loadOverHttp(post, bodies, warmBatches.map((b) => b.length), Math.max(...opts.concurrency));
    await dropCollection(post, name);
    console.log(`# warm-up: ${warmBatches.length} batches in ${s.toFixed(2)} s (not counted)`);
  }

  const results = {
    mode: 'quiver', store: opts.label, rows: opts.rows, dim: opts.dim, batch: opts.batch, byConcurrency: {}, runs: [],
  };
  const perConcurrency = new Map(opts.concurrency.map((c) => [c, []]));
  // Repeats outermost, so a slow spell on the shared machine hits every concurrency alike.
  for (let rep = 1; rep <= opts.repeats; rep++) {
    for (const c of opts.concurrency) {
      const name = `bench_${opts.label}_c${c}_${rep}`;
      t = performance.now();
      const bodies = buildBodies(name, batches);
      const mib = bodies.reduce((n, b) => n + b.length, 0) / 1048576;
      await dropQuietly(name);
      await createCollection(post, name, opts.dim);
      const server0 = opts.serverPid ? processCpuSeconds(opts.serverPid) : null;
      const client0 = process.cpuUsage();
      const seconds = await loadOverHttp(post, bodies, sizes, c);
      const client = process.cpuUsage(client0);
      const server1 = opts.serverPid ? processCpuSeconds(opts.serverPid) : null;
      const clientCpu = (client.user + client.system) / 1e6;
      const cpuNote = `client ${clientCpu.toFixed(1)} CPU-s` +
        (server0 !== null && server1 !== null ? `, server ${(server1 - server0).toFixed(1)} CPU-s` : '');
      const rate = opts.rows / seconds;
      perConcurrency.get(c).push(rate);
      results.runs.push({
        concurrency: c, repeat: rep, rowsPerSecond: Math.round(rate), seconds: Number(seconds.toFixed(3)),
        clientCpuSeconds: Number(clientCpu.toFixed(2)),
        serverCpuSeconds: server0 !== null && server1 !== null ? Number((server1 - server0).toFixed(2)) : null,
      });
      await expectCount(post, name, opts.rows);
      await dropCollection(post, name);
      console.log(`${opts.label}\tc=${c}\trep=${rep}\t${fmt(rate)} rows/s\t(${seconds.toFixed(2)} s, ` +
        `${bodies.length} requests, ${mib.toFixed(0)} MiB of JSON; ${cpuNote})`);
    }
  }
  for (const [c, rates] of perConcurrency) {
    const m = median(rates);
    results.byConcurrency[c] = { rates: rates.map(Math.round), median: Math.round(m) };
    console.log(`${opts.label}\tc=${c}\tmedian\t${fmt(m)} rows/s\t(repeats: ${rates.map(fmt).join(', ')})`);
  }
  agent.destroy();
  return results;
}

// ---------------------------------------------------------------- PGlite (WebAssembly) peer

async function openPglite(opts, dir) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const dataDir = opts.pgliteFs === 'nodefs' ? dir : undefined; // no dataDir: in-memory FS
  const pg = await PGlite.create({ dataDir, extensions: { vector } });
  await pg.exec(`CREATE EXTENSION IF NOT EXISTS vector;
    CREATE TABLE items (id bigserial PRIMARY KEY, embedding vector(${opts.dim}));`);
  return pg;
}

async function countRows(pg) {
  const r = await pg.query('SELECT count(*)::int AS n FROM items');
  return r.rows[0].n;
}

async function runPglite(opts) {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const version = (p) => JSON.parse(fs.readFileSync(require.resolve(`${p}/package.json`), 'utf8')).version;
  let pgliteVersion;
  let pgvectorVersion;
  try {
    pgliteVersion = version('@electric-sql/pglite');
    pgvectorVersion = version('@electric-sql/pglite-pgvector');
  } catch {
    // package.json not exported: read it from node_modules directly
    const nm = path.join(path.dirname(new URL(import.meta.url).pathname), 'node_modules', '@electric-sql');
    pgliteVersion = JSON.parse(fs.readFileSync(path.join(nm, 'pglite', 'package.json'), 'utf8')).version;
    pgvectorVersion = JSON.parse(fs.readFileSync(path.join(nm, 'pglite-pgvector', 'package.json'), 'utf8')).version;
  }
  console.log(`# PGlite ${pgliteVersion} + pglite-pgvector ${pgvectorVersion} (WebAssembly), fs=${opts.pgliteFs}, ` +
    `rows=${opts.rows} dim=${opts.dim} batch=${opts.batch} repeats=${opts.repeats}`);
  let t = performance.now();
  const rows = makeRows(opts.rows, opts.dim, opts.seed);
  console.log(`# ${rows.length} rows generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // COPY text format: one vector literal per line, into the embedding column.
  const copyText = rows.map((r) => `[${r}]\n`).join('');
  const blob = new Blob([copyText]);
  // INSERT: one statement of `batch` rows, each row a text parameter cast to vector.
  const batches = batchesOf(rows, opts.batch);
  const insertSql = new Map();
  const sqlFor = (n) => {
    if (!insertSql.has(n)) {
      insertSql.set(n, 'INSERT INTO items (embedding) VALUES ' +
        Array.from({ length: n }, (_, k) => `($${k + 1}::vector)`).join(','));
    }
    return insertSql.get(n);
  };
  const insertParams = batches.map((b) => b.map((r) => `[${r}]`));

  const copyRates = [];
  const insertRates = [];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-bench-pglite-'));
  try {
    for (let rep = 1; rep <= opts.repeats; rep++) {
      // COPY into a fresh database.
      let dir = path.join(root, `copy_${rep}`);
      let pg = await openPglite(opts, dir);
      t = performance.now();
      const res = await pg.query(`COPY items (embedding) FROM '/dev/blob'`, [], { blob });
      let seconds = (performance.now() - t) / 1000;
      const copied = res.affectedRows ?? res.rowCount;
      const counted = await countRows(pg);
      if (counted !== opts.rows) throw new Error(`COPY loaded ${counted} rows (reported ${copied}), expected ${opts.rows}`);
      await pg.close();
      fs.rmSync(dir, { recursive: true, force: true });
      copyRates.push(opts.rows / seconds);
      console.log(`pglite-copy\trep=${rep}\t${fmt(opts.rows / seconds)} rows/s\t(${seconds.toFixed(2)} s, ` +
        `${(copyText.length / 1048576).toFixed(0)} MiB of COPY text)`);

      if (!opts.pgliteInsert) continue;
      // INSERT batches (each its own autocommit transaction) into another fresh database.
      dir = path.join(root, `insert_${rep}`);
      pg = await openPglite(opts, dir);
      t = performance.now();
      for (let i = 0; i < batches.length; i++) {
        const r = await pg.query(sqlFor(batches[i].length), insertParams[i]);
        if ((r.affectedRows ?? r.rowCount) !== batches[i].length) {
          throw new Error(`INSERT batch ${i}: ${r.affectedRows ?? r.rowCount} rows, expected ${batches[i].length}`);
        }
      }
      seconds = (performance.now() - t) / 1000;
      const inserted = await countRows(pg);
      if (inserted !== opts.rows) throw new Error(`INSERT loaded ${inserted} rows, expected ${opts.rows}`);
      await pg.close();
      fs.rmSync(dir, { recursive: true, force: true });
      insertRates.push(opts.rows / seconds);
      console.log(`pglite-insert\trep=${rep}\t${fmt(opts.rows / seconds)} rows/s\t(${seconds.toFixed(2)} s, ` +
        `${batches.length} statements)`);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  const results = {
    mode: 'pglite', pgliteVersion, pgvectorVersion, fs: opts.pgliteFs,
    rows: opts.rows, dim: opts.dim, batch: opts.batch,
    copy: { rates: copyRates.map(Math.round), median: Math.round(median(copyRates)) },
  };
  console.log(`pglite-copy\tmedian\t${fmt(results.copy.median)} rows/s\t(repeats: ${copyRates.map(fmt).join(', ')})`);
  if (insertRates.length) {
    results.insert = { rates: insertRates.map(Math.round), median: Math.round(median(insertRates)) };
    console.log(`pglite-insert\tmedian\t${fmt(results.insert.median)} rows/s\t(repeats: ${insertRates.map(fmt).join(', ')})`);
  }
  return results;
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const results = opts.pglite ? await runPglite(opts) : await runQuiver(opts);
  results.cpu = (os.cpus()[0] || {}).model || 'unknown';
  results.date = new Date().toISOString();
  if (opts.out) fs.writeFileSync(opts.out, JSON.stringify(results, null, 2) + '\n');
}

main().catch((e) => {
  console.error(`FAILED: ${e.message}`);
  if (e.detail) console.error(`answer: ${e.detail}`);
  process.exit(1);
});

#!/usr/bin/env node
// ANN benchmark peer: pgvector's HNSW index inside PGlite (PostgreSQL compiled to WebAssembly,
// single-threaded, running in this Node process), on the data written by gen.
//
//   node pglite_peer.mjs DATADIR M EFC "EF1,EF2,..." [filter]
//
// Loads base.f32 (+ tag.i32) into t(id int primary key, tag int, embedding vector(D)) with binary
// COPY, builds CREATE INDEX ... USING hnsw (embedding vector_l2_ops) WITH (m=M, ef_construction=EFC),
// then for every ef (SET hnsw.ef_search) runs all queries
//   SELECT id FROM t [WHERE ...] ORDER BY embedding <-> $1 LIMIT 10
// one at a time from one client, repeating passes until the measurement lasts >= 3 s, and prints one
// JSON object per line to stdout (recall@10, queries/s, p50/p99 latency in microseconds).
// With "filter": also WHERE tag < 10 and WHERE tag = 0, each with hnsw.iterative_scan off and
// relaxed_order, recall against truth_f10.i32 / truth_f1.i32, plus mean rows returned per query.
// Progress and query plans go to stderr.
//
// Environment: PGLITE_DATADIR (default: in-memory), PGLITE_MAINTENANCE_WORK_MEM (default 1GB),
// PGLITE_QUERY_API=query (use pg.query per search instead of the named prepared statement).
// Install: npm ci (in this directory).

import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { PGlite, protocol } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';

const K = 10;
const TRUTH_K = 100;
const MIN_SECONDS = 3;
const COPY_CHUNK_ROWS = 50000;
const WARMUP_QUERIES = 100;

const log = (...a) => console.error(...a);

function usage() {
  log('usage: node pglite_peer.mjs DATADIR M EFC "EF1,EF2,..." [filter]');
  process.exit(2);
}

function positiveList(s) {
  const v = s.split(',').filter((x) => x.trim() !== '').map((x) => Number(x));
  if (!v.length || v.some((x) => !Number.isInteger(x) || x <= 0)) throw new Error(`bad list: ${s}`);
  return v;
}

function readTyped(file, Type, expectElems) {
  const buf = fs.readFileSync(file);
  if (buf.byteLength !== expectElems * 4) {
    throw new Error(`${file}: expected ${expectElems * 4} bytes, found ${buf.byteLength}`);
  }
  // copy so the typed array is aligned regardless of Buffer pooling
  return new Type(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

function packageVersion(name) {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    const p = path.join(dir, 'package.json');
    if (fs.existsSync(p)) {
      const j = JSON.parse(fs.readFileSync(p, 'utf8'));
      if (j.name === name) return j.version;
    }
    const up = path.dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

// PostgreSQL binary COPY stream for rows [lo, hi): header, tuples (id int4, tag int4, vector), trailer.
// pgvector's binary vector format: int16 dim, int16 unused (0), dim x float4, all big-endian.
function binaryCopyChunk(base, tag, d, lo, hi, withHeader, withTrailer) {
  const rowBytes = 2 + 8 + 8 + 4 + 4 + 4 * d;
  const total = (withHeader ? 19 : 0) + (hi - lo) * rowBytes + (withTrailer ? 2 : 0);
  const out = Buffer.alloc(total);
  let o = 0;
  if (withHeader) { out.write('PGCOPY\n\xff\r\n\0', 0, 'latin1'); o = 19; } // flags + ext len = 0
  const src = Buffer.from(base.buffer, base.byteOffset, base.byteLength);
  for (let i = lo; i < hi; i++) {
    out.writeInt16BE(3, o); o += 2;
    out.writeInt32BE(4, o); out.writeInt32BE(i, o + 4); o += 8;
    out.writeInt32BE(4, o); out.writeInt32BE(tag[i], o + 4); o += 8;
    out.writeInt32BE(4 + 4 * d, o); out.writeInt16BE(d, o + 4); out.writeInt16BE(0, o + 6); o += 8;
    src.copy(out, o, i * d * 4, (i + 1) * d * 4);
    out.subarray(o, o + 4 * d).swap32(); // little-endian file -> network order
    o += 4 * d;
  }
  if (withTrailer) out.writeInt16BE(-1, o);
  return out;
}

function vectorLiteral(arr, off, d) {
  // String(x) of a float32 widened to double round-trips exactly through pgvector's strtof
  const parts = new Array(d);
  for (let j = 0; j < d; j++) parts[j] = String(arr[off + j]);
  return `[${parts.join(',')}]`;
}

function percentile(sorted, p) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
}

function recallOf(found, truth, q) {
  let sum = 0;
  let counted = 0;
  for (let i = 0; i < q; i++) {
    const t = truth.subarray(i * TRUTH_K, i * TRUTH_K + K);
    let valid = 0;
    while (valid < K && t[valid] >= 0) valid++;
    if (valid === 0) continue;
    const want = new Set(t.subarray(0, valid));
    let hit = 0;
    for (const id of found[i]) if (want.has(id)) hit++;
    sum += hit / valid;
    counted++;
  }
  return counted ? sum / counted : 0;
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.length < 4 || argv.length > 5) usage();
  const [dir, mArg, efcArg, efArg, filterArg] = argv;
  const M = Number(mArg);
  const efc = Number(efcArg);
  if (!Number.isInteger(M) || M <= 0 || !Number.isInteger(efc) || efc <= 0) usage();
  const efs = positiveList(efArg);
  if (filterArg !== undefined && filterArg !== 'filter') usage();
  const withFilter = filterArg === 'filter';

  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8'));
  const { n, d, q, name } = meta;
  const base = readTyped(path.join(dir, 'base.f32'), Float32Array, n * d);
  const queries = readTyped(path.join(dir, 'queries.f32'), Float32Array, q * d);
  const tag = readTyped(path.join(dir, 'tag.i32'), Int32Array, n);
  const truth = {
    none: readTyped(path.join(dir, 'truth.i32'), Int32Array, q * TRUTH_K),
  };
  if (withFilter) {
    truth['tag<10'] = readTyped(path.join(dir, 'truth_f10.i32'), Int32Array, q * TRUTH_K);
    truth['tag=0'] = readTyped(path.join(dir, 'truth_f1.i32'), Int32Array, q * TRUTH_K);
  }

  const pgliteVersion = packageVersion('@electric-sql/pglite');
  const pgliteVectorVersion = packageVersion('@electric-sql/pglite-pgvector');
  const dataDir = process.env.PGLITE_DATADIR || undefined;
  const pg = await PGlite.create({ dataDir, extensions: { vector } });
  await pg.exec('CREATE EXTENSION IF NOT EXISTS vector');
  const extversion = (await pg.query("SELECT extversion FROM pg_extension WHERE extname = 'vector'")).rows[0].extversion;
  const pgVersion = (await pg.query('SHOW server_version')).rows[0].server_version;
  const [maj, min] = extversion.split('.').map(Number);
  const hasIterative = maj > 0 || min >= 8; // hnsw.iterative_scan appeared in pgvector 0.8.0
  log(`PGlite ${pgliteVersion} (PostgreSQL ${pgVersion}), pglite-pgvector ${pgliteVectorVersion}, ` +
      `pgvector ${extversion}, dataDir=${dataDir ?? 'memory'}; ${name} n=${n} d=${d} q=${q} M=${M} efC=${efc}`);

  await pg.exec(`DROP TABLE IF EXISTS t;
    CREATE TABLE t (id int PRIMARY KEY, tag int NOT NULL, embedding vector(${d}) NOT NULL);`);

  // ---- load: binary COPY in chunks; only the COPY statements are timed
  let copySeconds = 0;
  for (let lo = 0; lo < n; lo += COPY_CHUNK_ROWS) {
    const hi = Math.min(n, lo + COPY_CHUNK_ROWS);
    const blob = new Blob([binaryCopyChunk(base, tag, d, lo, hi, true, true)]);
    const t0 = performance.now();
    const res = await pg.query("COPY t FROM '/dev/blob' WITH (FORMAT binary)", [], { blob });
    copySeconds += (performance.now() - t0) / 1000;
    if (res.affectedRows !== hi - lo) throw new Error(`COPY loaded ${res.affectedRows} rows, expected ${hi - lo}`);
  }
  const count = (await pg.query('SELECT count(*)::int AS c FROM t')).rows[0].c;
  if (count !== n) throw new Error(`table has ${count} rows, expected ${n}`);
  const loadRowsPerSec = n / copySeconds;
  log(`load: ${n} rows in ${copySeconds.toFixed(2)} s (${Math.round(loadRowsPerSec)} rows/s, binary COPY)`);

  // ---- index build
  const mwm = process.env.PGLITE_MAINTENANCE_WORK_MEM || '1GB';
  await pg.exec(`SET maintenance_work_mem = '${mwm}'`);
  const notices = [];
  const tb = performance.now();
  await pg.query(`CREATE INDEX t_hnsw ON t USING hnsw (embedding vector_l2_ops) WITH (m = ${M}, ef_construction = ${efc})`,
    [], { onNotice: (msg) => notices.push(msg.message) });
  const buildSeconds = (performance.now() - tb) / 1000;
  await pg.exec('ANALYZE t');
  const indexMiB = (await pg.query("SELECT pg_relation_size('t_hnsw') / 1048576.0 AS s")).rows[0].s;
  log(`build: ${buildSeconds.toFixed(2)} s (maintenance_work_mem=${mwm}, index ${Number(indexMiB).toFixed(1)} MiB)` +
      (notices.length ? `; notices: ${notices.join(' | ')}` : ''));

  const vecs = Array.from({ length: q }, (_, i) => vectorLiteral(queries, i * d, d));
  const filters = withFilter
    ? [['none', ''], ['tag<10', 'WHERE tag < 10'], ['tag=0', 'WHERE tag = 0']]
    : [['none', '']];
  const system = 'pgvector-pglite (WebAssembly)';
  const version = `pglite ${pgliteVersion} / pgvector ${extversion}`;

  // Queries go through a named prepared statement (Parse once, then Bind/Execute/Sync per query
  // over PGlite's wire-protocol entry point), so each query is one call with one text parameter and
  // no per-query parse or describe. PGLITE_QUERY_API=query uses pg.query(sql, [vec]) instead.
  const useQueryApi = process.env.PGLITE_QUERY_API === 'query';
  const vectorOid = (await pg.query("SELECT 'vector'::regtype::oid AS o")).rows[0].o;
  const S = protocol.serialize;
  const concat = (...parts) => {
    const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
    let o = 0;
    for (const p of parts) { out.set(p, o); o += p.length; }
    return out;
  };
  const syncMsg = S.sync();
  const execMsg = S.execute({});

  // Per-call floor of this client path: a trivial prepared statement through the same Bind/Execute/Sync.
  await pg.execProtocol(concat(S.parse({ name: 'trivial', text: 'SELECT $1::int AS x', types: [] }), syncMsg));
  const trivial = [];
  for (let i = 0; i < 2000; i++) {
    const a = performance.now();
    await pg.execProtocol(concat(S.bind({ statement: 'trivial', values: ['1'] }), execMsg, syncMsg));
    if (i >= 200) trivial.push((performance.now() - a) * 1000);
  }
  trivial.sort((x, y) => x - y);
  const callFloorUs = Number(percentile(trivial, 0.5).toFixed(1));
  log(`call floor: trivial prepared statement p50 ${callFloorUs} us, p99 ${percentile(trivial, 0.99).toFixed(1)} us`);

  for (const [filterName, where] of filters) {
    const sql = `SELECT id FROM t ${where} ORDER BY embedding <-> $1 LIMIT ${K}`;
    const stmt = `knn_${filters.findIndex((x) => x[0] === filterName)}`;
    await pg.execProtocol(concat(S.parse({ name: stmt, text: sql, types: [vectorOid] }), syncMsg));
    const runQuery = useQueryApi
      ? async (v) => (await pg.query(sql, [v], { rowMode: 'array' })).rows.map((r) => r[0])
      : async (v) => {
        const res = await pg.execProtocol(concat(S.bind({ statement: stmt, values: [v] }), execMsg, syncMsg));
        const ids = [];
        for (const m of res.messages) if (m.name === 'dataRow') ids.push(Number(m.fields[0]));
        return ids;
      };
    const modes = filterName === 'none' || !hasIterative ? ['off'] : ['off', 'relaxed_order'];
    for (const mode of modes) {
      if (hasIterative) await pg.exec(`SET hnsw.iterative_scan = ${mode}`);
      for (const ef of efs) {
        await pg.exec(`SET hnsw.ef_search = ${ef}`);
        // warm-up, untimed (also runs the prepared statement past the plan cache's custom-plan phase)
        for (let i = 0; i < Math.min(q, WARMUP_QUERIES); i++) await runQuery(vecs[i]);
        // plan check on the prepared statement as it will execute now
        const plan = (await pg.query(useQueryApi
          ? `EXPLAIN ${sql.replace('$1', `'${vecs[0]}'`)}`
          : `EXPLAIN EXECUTE ${stmt}('${vecs[0]}')`)).rows
          .map((r) => r['QUERY PLAN']).join('\n').replace(/'\[[^\]]*\]'/g, "'[query vector]'");
        const indexUsed = /Index Scan using t_hnsw/.test(plan);
        if (ef === efs[0]) log(`plan [filter=${filterName} iterative_scan=${mode}]:\n${plan}`);
        if (!indexUsed) log(`WARNING: plan does not use t_hnsw for filter=${filterName}, ef=${ef}:\n${plan}`);

        const found = new Array(q);
        const lat = [];
        let rowsSum = 0;
        let timed = 0;
        const t0 = performance.now();
        for (let pass = 0; ; pass++) {
          for (let i = 0; i < q; i++) {
            const a = performance.now();
            const ids = await runQuery(vecs[i]);
            lat.push((performance.now() - a) * 1000);
            if (pass === 0) {
              found[i] = ids;
              rowsSum += ids.length;
            }
          }
          timed += q;
          if ((performance.now() - t0) / 1000 >= MIN_SECONDS) break;
        }
        const wall = (performance.now() - t0) / 1000;
        lat.sort((x, y) => x - y);
        const row = {
          system, version, dataset: name, M, efConstruction: efc, ef, threads: 1,
          filter: filterName, iterative_scan: mode,
          recall: Number(recallOf(found, truth[filterName], q).toFixed(4)),
          qps: Math.round(timed / wall),
          p50_us: Number(percentile(lat, 0.5).toFixed(1)),
          p99_us: Number(percentile(lat, 0.99).toFixed(1)),
          mean_rows: Number((rowsSum / q).toFixed(2)),
          queries_timed: timed,
          index_used: indexUsed,
          query_api: useQueryApi ? 'pg.query' : 'prepared-bind',
          call_floor_p50_us: callFloorUs,
          build_s: Number(buildSeconds.toFixed(2)),
          load_rows_s: Math.round(loadRowsPerSec),
        };
        console.log(JSON.stringify(row));
      }
    }
  }
  await pg.close();
}

main().catch((e) => {
  log(`pglite_peer: ${e.stack || e}`);
  process.exit(1);
});

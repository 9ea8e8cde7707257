'use strict';
// Quiver <-> Milvus Node SDK (@zilliz/milvus2-sdk-node 2.3.5) REST v1 check.
//
// Uses the SDK's HttpClient exactly as a new user would, against a running Quiver:
//   QUIVER_ENDPOINT=http://127.0.0.1:19530 QUIVER_TOKEN=root:Milvus node check.js
// Optional: CHECK_SEED (PRNG seed, default 20240501), CHECK_VERBOSE=1 (print every passing check).
// Exits 1 if any check fails. Collections it creates are named sdkcheck_<metric>_<run> and dropped.

const { HttpClient } = require('@zilliz/milvus2-sdk-node');

const ENDPOINT = process.env.QUIVER_ENDPOINT || 'http://127.0.0.1:19530';
const TOKEN = process.env.QUIVER_TOKEN || 'root:Milvus';
const SEED = Number(process.env.CHECK_SEED || 20240501) >>> 0;
const VERBOSE = process.env.CHECK_VERBOSE === '1';

const DIM = 8;
const ROWS = 300;
const DUPLICATES = 12;          // rows whose vector copies an earlier row: forces exact score ties
const QUERIES = 25;             // search queries per metric, per mode (plain and filtered)
const TOP_K = 10;
const DIST_TOL = 1e-4;          // float32-ish tolerance on returned distances
const TIE_TOL = 1e-6;           // reference scores closer than this count as a float32 tie
const COLORS = ['red', 'green', 'blue'];
const METRICS = ['L2', 'IP', 'COSINE'];

// ---------------------------------------------------------------- tiny harness
let passed = 0;
let failed = 0;
const failures = [];
const notes = [];

function check(name, ok, detail) {
  if (ok) {
    passed++;
    if (VERBOSE) console.log(`  ok   ${name}`);
  } else {
    failed++;
    const line = `FAIL ${name}${detail === undefined ? '' : `\n       ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`}`;
    failures.push(line);
    console.log(`  ${line}`);
  }
  return ok;
}

const short = (v, n = 600) => {
  const s = JSON.stringify(v);
  return s && s.length > n ? `${s.slice(0, n)}...` : s;
};

/** Every SDK call returns the parsed {code, data, message}; it never throws on code != 200. */
function checkCode(name, res, request) {
  return check(`${name}: code 200`, res && res.code === 200,
    `request ${short(request)} -> response ${short(res)}`);
}

// ---------------------------------------------------------------- data
function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Components are k/256 with k in [-256, 256]: exact in float32, and every L2 / IP score over
// DIM=8 is an exact float32 too, so Quiver's float kernels and this script's doubles agree
// bit for bit and ties are real ties (broken by id ascending).
function makeVector(rand) {
  const v = [];
  for (let i = 0; i < DIM; i++) v.push((Math.floor(rand() * 513) - 256) / 256);
  if (v.every((x) => x === 0)) v[0] = 1 / 256; // COSINE is undefined for the zero vector
  return v;
}

function makeRows(rand) {
  const rows = [];
  for (let i = 0; i < ROWS; i++) {
    const vector = i >= ROWS - DUPLICATES ? rows[Math.floor(rand() * (ROWS - DUPLICATES))].vector.slice() : makeVector(rand);
    rows.push({ vector, color: COLORS[Math.floor(rand() * 3)], n: Math.floor(rand() * 100) });
  }
  return rows;
}

// ---------------------------------------------------------------- brute force
const dot = (a, b) => a.reduce((s, x, i) => s + x * b[i], 0);
const norm = (a) => Math.sqrt(dot(a, a));

function score(metric, q, v) {
  if (metric === 'L2') return v.reduce((s, x, i) => s + (q[i] - x) * (q[i] - x), 0);
  if (metric === 'IP') return dot(q, v);
  const d = norm(q) * norm(v);
  return d === 0 ? 0 : dot(q, v) / d;
}

const higherIsBetter = (metric) => metric !== 'L2';

/** Exact top-k over `rows` ({id, vector, ...}) passing `accept`, best first, ties by id ascending. */
function bruteForce(metric, q, rows, k, accept) {
  const scored = rows.filter(accept).map((r) => ({ id: r.id, score: score(metric, q, r.vector) }));
  scored.sort((a, b) => {
    if (a.score !== b.score) return higherIsBetter(metric) ? b.score - a.score : a.score - b.score;
    return a.id - b.id;
  });
  return scored.slice(0, k);
}

/**
 * Compares a search answer with the brute-force answer. Ids must match exactly, in order; equal
 * scores rank by id ascending. The one allowance: where reference scores differ, but by less than
 * TIE_TOL (a tie at float32 precision, only possible for COSINE here), a different order or a
 * different member of the near-tie is accepted and noted.
 */
function compareSearch(metric, q, hits, expected, rowsById, accept) {
  const problems = [];
  if (!Array.isArray(hits)) return { exact: false, problems: [`data is not an array: ${short(hits)}`] };
  if (hits.length !== expected.length) problems.push(`got ${hits.length} hits, expected ${expected.length}`);
  for (const [i, h] of hits.entries()) {
    const row = rowsById.get(h.id);
    if (!row) { problems.push(`rank ${i}: unknown id ${h.id}`); continue; }
    if (!accept(row)) problems.push(`rank ${i}: id ${h.id} does not pass the filter`);
    const ref = score(metric, q, row.vector);
    if (typeof h.distance !== 'number' || Math.abs(h.distance - ref) > DIST_TOL + 1e-6 * Math.abs(ref)) {
      problems.push(`rank ${i}: id ${h.id} distance ${h.distance}, reference ${ref}`);
    }
  }
  if (new Set(hits.map((h) => h.id)).size !== hits.length) problems.push('duplicate ids');
  const exact = hits.length === expected.length && hits.every((h, i) => h.id === expected[i].id);
  if (!exact && problems.length === 0) {
    // Accept only float32 near-ties: every rank's reference score is within TIE_TOL of the expected
    // one, and no exact tie (equal reference scores) is broken other than by id ascending.
    const ref = hits.map((h) => score(metric, q, rowsById.get(h.id).vector));
    const got = new Set(hits.map((h) => h.id));
    const want = new Set(expected.map((e) => e.id));
    const nearTies = ref.every((r, i) => Math.abs(r - expected[i].score) <= TIE_TOL);
    const exactTiesByIdInOrder = hits.every((h, i) => i === 0 || ref[i - 1] !== ref[i] || hits[i - 1].id < h.id);
    const exactTiesByIdAtCut = expected.filter((e) => !got.has(e.id))
      .every((e) => hits.every((h, i) => want.has(h.id) || ref[i] !== e.score || h.id < e.id));
    if (!(nearTies && exactTiesByIdInOrder && exactTiesByIdAtCut)) {
      problems.push('ids differ from the brute-force top-k (ties must be broken by id ascending)');
    }
  }
  return { exact, problems };
}

// ---------------------------------------------------------------- scenario
async function runMetric(client, metric, runId, rand) {
  const name = `sdkcheck_${metric.toLowerCase()}_${runId}`;
  const tag = `[${metric}]`;
  console.log(`${tag} collection ${name}`);

  // create
  let req = { collectionName: name, dimension: DIM, metricType: metric };
  let res = await client.createCollection({ ...req });
  if (!checkCode(`${tag} createCollection`, res, req)) return;

  // list
  res = await client.listCollections();
  checkCode(`${tag} listCollections`, res, {});
  check(`${tag} listCollections includes ${name}`, Array.isArray(res.data) && res.data.includes(name), short(res));

  // describe
  req = { collectionName: name };
  res = await client.describeCollection({ ...req });
  checkCode(`${tag} describeCollection`, res, req);
  const d = res.data || {};
  const fields = Array.isArray(d.fields) ? d.fields : [];
  check(`${tag} describe: collectionName`, d.collectionName === name, short(d));
  check(`${tag} describe: vector field is FloatVector(${DIM})`,
    fields.some((f) => f.name === 'vector' && f.type === `FloatVector(${DIM})`), short(fields));
  check(`${tag} describe: primary field id, Int64, autoId`,
    fields.some((f) => f.name === 'id' && f.primaryKey === true && f.type === 'Int64' && f.autoId === true), short(fields));
  check(`${tag} describe: metricType ${metric}`,
    Array.isArray(d.indexes) && d.indexes.some((i) => i.metricType === metric), short(d.indexes));
  check(`${tag} describe: dynamic field enabled`, d.enableDynamicField === true, short(d));

  // insert 300 rows (auto ids) with dynamic fields color and n
  const rows = makeRows(rand);
  req = { collectionName: name, data: rows.map((r) => ({ vector: r.vector, color: r.color, n: r.n })) };
  res = await client.insert(req);
  if (!checkCode(`${tag} insert ${ROWS} rows`, res, { collectionName: name, data: `[${ROWS} rows]` })) return;
  const ids = (res.data && res.data.insertIds) || [];
  check(`${tag} insert: insertCount ${ROWS}`, res.data && res.data.insertCount === ROWS, short(res.data, 200));
  if (!check(`${tag} insert: ${ROWS} distinct safe-integer insertIds`,
    Array.isArray(ids) && ids.length === ROWS && new Set(ids).size === ROWS && ids.every(Number.isSafeInteger),
    short(ids, 300))) return;
  rows.forEach((r, i) => { r.id = ids[i]; });
  const byId = new Map(rows.map((r) => [r.id, r]));

  // get by id array, with and without outputFields
  const sample = [rows[0], rows[7], rows[150], rows[ROWS - 1], rows[42]];
  for (const outputFields of [undefined, ['id', 'vector', 'color', 'n']]) {
    req = { collectionName: name, id: sample.map((r) => r.id) };
    if (outputFields) req.outputFields = outputFields;
    const label = `${tag} get ${sample.length} ids${outputFields ? ' with outputFields' : ''}`;
    res = await client.get({ ...req });
    if (!checkCode(label, res, req)) continue;
    const got = Array.isArray(res.data) ? res.data : [];
    check(`${label}: ${sample.length} rows`, got.length === sample.length, short(res.data));
    const mismatch = sample.filter((r) => {
      const g = got.find((x) => x.id === r.id);
      return !g || g.color !== r.color || g.n !== r.n || !Array.isArray(g.vector)
        || g.vector.length !== DIM || g.vector.some((x, i) => x !== r.vector[i]);
    });
    check(`${label}: ids, vectors, color, n all match`, mismatch.length === 0,
      `expected ${short(mismatch)} got ${short(got)}`);
  }

  // query with a filter on dynamic fields
  const filter = 'color == "red" and n > 10';
  const wanted = rows.filter((r) => r.color === 'red' && r.n > 10).map((r) => r.id).sort((a, b) => a - b);
  req = { collectionName: name, filter, outputFields: ['id', 'color', 'n'], limit: 1000 };
  res = await client.query({ ...req });
  if (checkCode(`${tag} query`, res, req)) {
    const got = (Array.isArray(res.data) ? res.data : []).map((r) => r.id).sort((a, b) => a - b);
    check(`${tag} query '${filter}' returns exactly the ${wanted.length} expected rows`,
      got.length === wanted.length && got.every((id, i) => id === wanted[i]),
      `expected ${short(wanted, 300)} got ${short(got, 300)}`);
    check(`${tag} query rows carry color and n`,
      (res.data || []).every((r) => byId.has(r.id) && r.color === byId.get(r.id).color && r.n === byId.get(r.id).n),
      short(res.data));
  }

  // search: plain and filtered, against brute force
  const stats = { metric, queries: 0, exact: 0, tieOnly: 0, failed: 0 };
  const searchFilter = 'color in ["red","blue"]';
  const inRedBlue = (r) => r.color === 'red' || r.color === 'blue';
  const queryVectors = [];
  for (let i = 0; i < QUERIES; i++) {
    // a few queries equal a stored (duplicated) vector, so exact ties sit at the top
    queryVectors.push(i < 3 ? rows[ROWS - 1 - i].vector.slice() : makeVector(rand));
  }
  for (const filtered of [false, true]) {
    for (const [qi, q] of queryVectors.entries()) {
      req = { collectionName: name, vector: q, limit: TOP_K, outputFields: ['color', 'n'] };
      if (filtered) req.filter = searchFilter;
      const label = `${tag} search #${qi}${filtered ? ` filter ${searchFilter}` : ''}`;
      res = await client.search({ ...req });
      stats.queries++;
      if (!checkCode(label, res, req)) { stats.failed++; continue; }
      const accept = filtered ? inRedBlue : () => true;
      const expected = bruteForce(metric, q, rows, TOP_K, accept);
      const { exact, problems } = compareSearch(metric, q, res.data, expected, byId, accept);
      if (exact && problems.length === 0) stats.exact++;
      else if (problems.length === 0) {
        stats.tieOnly++;
        notes.push(`${label}: order differs from brute force only within float32 ties`);
      } else stats.failed++;
      check(`${label}: top-${TOP_K} ids and distances match brute force`, problems.length === 0,
        `request ${short(req)}\n       problems ${problems.join('; ')}\n       expected ${short(expected.map((e) => [e.id, e.score]))}\n       actual   ${short((res.data || []).map((h) => [h.id, h.distance]))}`);
    }
  }

  // delete by id array
  const doomed = rows.filter((r) => r.color === 'red').slice(0, 5).concat(rows.slice(10, 15));
  const doomedIds = [...new Set(doomed.map((r) => r.id))];
  req = { collectionName: name, id: doomedIds };
  res = await client.delete({ ...req });
  checkCode(`${tag} delete ${doomedIds.length} ids`, res, req);
  req = { collectionName: name, id: doomedIds, outputFields: ['id'] };
  res = await client.get({ ...req });
  if (checkCode(`${tag} get deleted ids`, res, req)) {
    check(`${tag} get deleted ids returns []`, Array.isArray(res.data) && res.data.length === 0, short(res.data));
  }
  const live = rows.filter((r) => !doomedIds.includes(r.id));
  req = { collectionName: name, filter, outputFields: ['id'], limit: 1000 };
  res = await client.query({ ...req });
  if (checkCode(`${tag} query after delete`, res, req)) {
    const want = live.filter((r) => r.color === 'red' && r.n > 10).map((r) => r.id).sort((a, b) => a - b);
    const got = (res.data || []).map((r) => r.id).sort((a, b) => a - b);
    check(`${tag} query after delete excludes deleted rows`,
      got.length === want.length && got.every((id, i) => id === want[i]), `expected ${short(want)} got ${short(got)}`);
  }
  const liveById = new Map(live.map((r) => [r.id, r]));
  // the first deleted row's own vector: it would have been the best hit
  const q = doomed[0].vector;
  req = { collectionName: name, vector: q, limit: TOP_K };
  res = await client.search({ ...req });
  if (checkCode(`${tag} search after delete`, res, req)) {
    const expected = bruteForce(metric, q, live, TOP_K, () => true);
    const { problems } = compareSearch(metric, q, res.data, expected, liveById, () => true);
    check(`${tag} search after delete matches brute force over live rows`, problems.length === 0,
      `problems ${problems.join('; ')} expected ${short(expected.map((e) => e.id))} got ${short((res.data || []).map((h) => h.id))}`);
  }

  // drop
  req = { collectionName: name };
  res = await client.dropCollection({ ...req });
  checkCode(`${tag} dropCollection`, res, req);
  res = await client.listCollections();
  checkCode(`${tag} listCollections after drop`, res, {});
  check(`${tag} listCollections no longer has ${name}`, Array.isArray(res.data) && !res.data.includes(name), short(res));
  return stats;
}

async function runAuth(runId) {
  const bad = new HttpClient({ endpoint: ENDPOINT, token: 'root:definitely-not-the-password' });
  const res = await bad.listCollections();
  check('[auth] bad token: SDK returns {code:1800} (HTTP 401 body)', res && res.code === 1800,
    `response ${short(res)}`);
  const res2 = await bad.createCollection({ collectionName: `sdkcheck_auth_${runId}`, dimension: DIM });
  check('[auth] bad token: createCollection refused with code 1800', res2 && res2.code === 1800, `response ${short(res2)}`);
  // the SDK's other way to authenticate: username + password (joined into the same bearer token)
  const sep = TOKEN.indexOf(':');
  if (sep > 0) {
    const userPass = new HttpClient({ endpoint: ENDPOINT, username: TOKEN.slice(0, sep), password: TOKEN.slice(sep + 1) });
    const res3 = await userPass.listCollections();
    checkCode('[auth] username/password config: listCollections', res3, {});
  }
}

/**
 * The SDK's upsert() POSTs to /vector/insert (SDK 2.3.5 bug). A user calling it to replace a row of
 * an autoId collection therefore sends an insert carrying the primary key. Whatever the server
 * answers, the existing row must not be silently replaced or duplicated under the same id.
 */
async function runUpsertMistake(client, runId) {
  const name = `sdkcheck_upsert_${runId}`;
  const created = await client.createCollection({ collectionName: name, dimension: DIM, metricType: 'L2' });
  if (!checkCode('[upsert] createCollection', created, { collectionName: name })) return;
  try {
    const v1 = Array.from({ length: DIM }, (_, i) => (i + 1) / 16);
    const ins = await client.insert({ collectionName: name, data: [{ vector: v1, color: 'red' }] });
    if (!checkCode('[upsert] insert', ins, {})) return;
    const id = ins.data.insertIds[0];
    const req = { collectionName: name, data: [{ id, vector: v1.map((x) => -x), color: 'green' }] };
    const res = await client.upsert({ ...req });
    notes.push(`SDK upsert() (POST /v1/vector/insert) with existing id ${id} on an autoId collection -> ${short(res)}`);
    const after = await client.query({ collectionName: name, filter: 'id > 0', outputFields: ['id', 'color'], limit: 100 });
    checkCode('[upsert] query after SDK upsert', after, {});
    const same = (after.data || []).filter((r) => r.id === id);
    check('[upsert] SDK upsert did not duplicate or silently replace the row',
      same.length === 1 && same[0].color === 'red', `upsert answered ${short(res)}; rows now ${short(after.data)}`);
    notes.push(`  rows after it: ${short(after.data)}`);
  } finally {
    const dropped = await client.dropCollection({ collectionName: name });
    checkCode('[upsert] dropCollection', dropped, { collectionName: name });
  }
}

async function main() {
  console.log(`Quiver Node SDK check: endpoint ${ENDPOINT}, seed ${SEED}`);
  const client = new HttpClient({ endpoint: ENDPOINT, token: TOKEN });
  const rand = mulberry32(SEED);
  const runId = `${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
  const allStats = [];
  for (const metric of METRICS) {
    try {
      const s = await runMetric(client, metric, runId, rand);
      if (s) allStats.push(s);
    } catch (e) {
      check(`[${metric}] no exception`, false, e && e.stack ? e.stack : String(e));
      // best effort cleanup
      await client.dropCollection({ collectionName: `sdkcheck_${metric.toLowerCase()}_${runId}` }).catch(() => {});
    }
  }
  for (const [label, fn] of [['auth', () => runAuth(runId)], ['upsert', () => runUpsertMistake(client, runId)]]) {
    try { await fn(); } catch (e) { check(`[${label}] no exception`, false, e && e.stack ? e.stack : String(e)); }
  }

  console.log('');
  for (const s of allStats) {
    console.log(`search ${s.metric}: ${s.exact}/${s.queries} exact top-${TOP_K} matches`
      + `${s.tieOnly ? `, ${s.tieOnly} equal up to float32 ties` : ''}${s.failed ? `, ${s.failed} wrong` : ''}`);
  }
  for (const n of notes) console.log(`note: ${n}`);
  if (failures.length) {
    console.log(`\n${failures.length} failure(s):`);
    for (const f of failures) console.log(`  ${f}`);
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

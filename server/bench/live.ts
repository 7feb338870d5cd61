import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';

/**
 * `npm run bench:live [-- --subscribers 1000,5000 --rate 2000 --seconds 60 --preload 240000 --server-node-options "--max-old-space-size=512" --cpu-prof dir]`
 *
 * For each subscriber count, on a fresh database of the machine's PostgreSQL (BENCH_DATABASE_URL,
 * default the local server), the real server runs as a child process (bench/live-server.ts) and
 * this process opens one graphql-ws connection per subscriber (the real graphql-ws client):
 *   - half subscribe to `liveUsage` (300 s window) with one of 10 dashboard filters (the whole
 *     organization, each of 5 sub-accounts, each of 4 models): 10 shared views;
 *   - half to `usageEvents` for one of 1,000 users (an integrator tailing a user's requests).
 * The window is preloaded with events of the last 2 minutes. Then one client ingests RATE events/s
 * over HTTP (batches of 200, one request at a time, paced) for SECONDS, and every delivery is timed
 * from the ingest acknowledgement (the HTTP answer) of the batch it carries:
 *   - usageEvents: each event's batch is in its id;
 *   - liveUsage: a snapshot whose `requests` reaches a batch's running total for that view
 *     contains the batch (events are stamped now, nothing leaves the window during the run).
 *     Snapshots come at most every 2 s by contract, so this measures freshness: ~uniform in 0–2 s.
 * Server CPU is the child's user+system time over the ingest period; PostgreSQL CPU the same for
 * the backends of the bench database; peak RSS is the child's VmHWM from the end of the preload
 * (reset through /proc/<pid>/clear_refs) to the end of the run.
 */
const { values: args } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '1000,5000' },
    rate: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '60' },
    preload: { type: 'string', default: '240000' },
    /** Extra Node options for the server only, e.g. "--max-old-space-size=512". */
    'server-node-options': { type: 'string', default: '' },
    /** Writes a V8 CPU profile of the server to this folder (open it in Chrome DevTools). */
    'cpu-prof': { type: 'string' },
  },
});
const SCENARIOS = args.subscribers.split(',').map(Number);
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const PRELOAD = Number(args.preload);
const BATCH = 200;
const USERS = 1000;
const WINDOW_SECONDS = 300;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const ADMIN = { email: 'bench@tokentally.local', password: 'bench-password' };
const SUB_ACCOUNTS = ['eu', 'us', 'apac', 'labs', 'retail'];
const MODELS = ['gpt-4o-mini', 'gpt-4o', 'claude-sonnet-4', 'gemini-2.0-flash'];

/** The liveUsage filters, and which generated events each one counts. */
interface View {
  filter: Record<string, unknown>;
  matches: (e: GeneratedEvent) => boolean;
}
const VIEWS: View[] = [
  { filter: {}, matches: () => true },
  ...SUB_ACCOUNTS.map((s) => ({ filter: { subAccountIds: [s] }, matches: (e: GeneratedEvent) => e.subAccountId === s })),
  ...MODELS.map((m) => ({ filter: { models: [m] }, matches: (e: GeneratedEvent) => e.model === m })),
];

interface GeneratedEvent {
  id: string;
  timestamp: string;
  model: string;
  status: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number;
  userId: string;
  subAccountId?: string;
  feature: string;
}

let seed = 12345;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

function generate(id: string, at: number): GeneratedEvent {
  const user = Math.floor(random() * USERS);
  const sub = user % (SUB_ACCOUNTS.length + 1); // a user belongs to the root or one sub-account
  const e: GeneratedEvent = {
    id,
    timestamp: new Date(at).toISOString(),
    model: MODELS[Math.floor(random() * MODELS.length)],
    status: random() < 0.02 ? 500 : 200,
    inputTokens: 200 + Math.floor(random() * 3000),
    outputTokens: 20 + Math.floor(random() * 800),
    costUsd: Math.round(random() * 10_000) / 1e6,
    latencyMs: Math.round(200 + 3000 * random() ** 3),
    userId: `u${user}`,
    feature: 'chat',
  };
  if (sub < SUB_ACCOUNTS.length) e.subAccountId = SUB_ACCOUNTS[sub];
  return e;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${fmt(bytes / 1048576)} MB`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function databaseUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminSql(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function procStatus(pid: number, field: string): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024;
}

async function cpuSeconds(pid: number): Promise<number> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (100/s)
  } catch {
    return 0; // the backend ended
  }
}

/** CPU seconds of the PostgreSQL backends serving the bench database (same machine). */
async function postgresCpu(db: pg.Client): Promise<Map<number, number>> {
  const { rows } = await db.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()');
  const out = new Map<number, number>();
  for (const { pid } of rows) out.set(pid, await cpuSeconds(pid));
  return out;
}

interface ChildServer {
  child: ChildProcess;
  url: string;
  stats: () => Record<string, number | string>;
  /** Highest memoryUsage() figures the server printed (once a second) since the last reset. */
  peaks: () => Record<string, number>;
  resetPeaks: () => void;
}

async function startChildServer(dbUrl: string): Promise<ChildServer> {
  const profile = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args['cpu-prof'])}`] : [];
  const nodeOptions = args['server-node-options'].split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeOptions, ...profile, '--import', '@swc-node/register/esm-register', 'bench/live-server.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      REPORT_SCHEDULER: 'false',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      INGEST_RATE_LIMIT_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let last: Record<string, number | string> = {};
  const peaks: Record<string, number> = {};
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n');
      out = lines.pop()!;
      for (const line of lines) {
        const started = /live-bench server at (http:\/\/\S+)/.exec(line);
        if (started) resolve(started[1].replace('localhost', '127.0.0.1'));
        if (line.startsWith('live-stats ')) {
          last = JSON.parse(line.slice('live-stats '.length));
          for (const k of ['rss', 'heapUsed', 'external', 'arrayBuffers']) peaks[k] = Math.max(peaks[k] ?? 0, Number(last[k] ?? 0));
        }
        else if (!started) process.stderr.write(`  server: ${line.slice(0, 500)}\n`);
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited (code ${code}) before listening`)));
  });
  return { child, url, stats: () => last, peaks: () => ({ ...peaks }), resetPeaks: () => Object.keys(peaks).forEach((k) => delete peaks[k]) };
}

async function gql(url: string, query: string, variables: object, token?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function ingest(url: string, key: string, events: GeneratedEvent[]): Promise<void> {
  const res = await fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${key}` },
    body: events.map((e) => JSON.stringify(e)).join('\n'),
  });
  const result = (await res.json()) as { accepted: number };
  if (res.status !== 200 || result.accepted !== events.length) throw new Error(`ingest answered ${res.status}: ${JSON.stringify(result).slice(0, 300)}`);
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** Latency samples in ms, kept compactly. */
class Samples {
  private data = new Float64Array(1 << 16);
  length = 0;
  add(ms: number) {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = Math.max(0, ms);
  }
  summary(): string {
    const s = this.data.slice(0, this.length).sort();
    return `${fmt(percentile(s, 0.5))} / ${fmt(percentile(s, 0.95))} / ${fmt(percentile(s, 0.99))}`;
  }
}

interface Result {
  subscribers: number;
  connectSeconds: number;
  ingestRate: number;
  tailDeliveriesPerSecond: number;
  usageDeliveriesPerSecond: number;
  tail: string;
  usage: string;
  tailSamples: number;
  usageSamples: number;
  skipped: number;
  missing: number;
  serverCpu: number;
  postgresCpu: number;
  clientCpu: number;
  peakRss: number;
  preloadPeakRss: number;
  idleRss: number;
  memory: Record<string, number>;
  views: number;
  computations: number;
}

async function runScenario(subscribers: number): Promise<Result> {
  const dbName = `tokentally_bench_live_${process.pid}_${subscribers}`;
  await adminSql(`drop database if exists ${dbName} with (force)`);
  await adminSql(`create database ${dbName}`);
  const server = await startChildServer(databaseUrl(dbName));
  const { url, child } = server;
  const clients: Client[] = [];
  const db = new pg.Client({ connectionString: databaseUrl(dbName) });
  try {
    db.on('error', () => undefined); // a terminated backend only ends the CPU sampling
    await db.connect();
    const { login } = await gql(url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: ADMIN.email, p: ADMIN.password });
    const token = login.token as string;
    for (const s of SUB_ACCOUNTS) await gql(url, `mutation($i: CreateSubAccountInput!) { createSubAccount(input: $i) { id } }`, { i: { externalId: s, name: s.toUpperCase() } }, token);
    const { createApiKey } = await gql(url, `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key } }`, { i: { name: 'bench', scopes: ['INGEST'] } }, token);
    const key = createApiKey.key as string;

    // Preload: the window already holds two minutes of traffic when subscribers arrive.
    const base = VIEWS.map(() => 0);
    const preloadStart = Date.now() - 120_000;
    for (let i = 0; i < PRELOAD; i += 5000) {
      const events = Array.from({ length: Math.min(5000, PRELOAD - i) }, (_, j) => generate(`p${i + j}`, preloadStart + ((i + j) / PRELOAD) * 115_000));
      events.forEach((e) => VIEWS.forEach((v, k) => v.matches(e) && base[k]++));
      await ingest(url, key, events);
      process.stdout.write(`\r  ${subscribers} subscribers: preloaded ${fmt(i + events.length)} events`);
    }
    process.stdout.write('\n');
    // The preload's bulk requests are not what is measured: start the peak RSS over from here.
    const preloadPeakRss = await procStatus(child.pid!, 'VmHWM');
    await writeFile(`/proc/${child.pid}/clear_refs`, '5');
    server.resetPeaks();
    await sleep(1500);
    const idleRss = await procStatus(child.pid!, 'VmRSS');

    // Ingest plan: batch b is acknowledged at ack[b]; cumulative[v][b] = view v's count once b is in.
    const batches = Math.round((RATE * SECONDS) / BATCH);
    const plan: GeneratedEvent[][] = [];
    const cumulative = VIEWS.map(() => new Float64Array(batches));
    const touches = VIEWS.map(() => new Uint8Array(batches));
    const running = [...base];
    for (let b = 0; b < batches; b++) {
      const events = Array.from({ length: BATCH }, (_, i) => generate(`b${b}-${i}`, 0));
      plan.push(events);
      events.forEach((e) => VIEWS.forEach((v, k) => v.matches(e) && (running[k]++, (touches[k][b] = 1))));
      VIEWS.forEach((_, k) => (cumulative[k][b] = running[k]));
    }
    const ack = new Float64Array(batches).fill(NaN);

    const tail = new Samples();
    const usage = new Samples();
    let tailMessages = 0;
    let usageMessages = 0;
    let skipped = 0;
    let firstSnapshotMismatch = 0;
    let measuring = false;
    let failures = 0;
    const failed = (what: string, detail: unknown) => {
      if (failures++ < 5) console.error(`\n  ${what} failed: ${JSON.stringify(detail).slice(0, 300)}`);
      ready++;
    };

    // Subscribers: one connection each, connected a few hundred at a time.
    const connectStarted = performance.now();
    const half = Math.floor(subscribers / 2);
    let ready = 0;
    const connectOne = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const client = createClient({ url: url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, lazy: false, retryAttempts: 0, on: { connected: () => resolve() }, onNonLazyError: reject });
        clients.push(client);
        if (n < half) {
          const v = n % VIEWS.length;
          let next = 0; // the first batch this subscriber has not yet seen in a snapshot
          let first = true;
          client.subscribe<{ liveUsage: { requests: number } }>(
            { query: `subscription($f: UsageFilter) { liveUsage(filter: $f, windowSeconds: ${WINDOW_SECONDS}) { at requests costUsd errorRate latencyP95Ms activeUsers totalTokens } }`, variables: { f: VIEWS[v].filter } },
            {
              next: ({ data, errors }) => {
                const now = performance.now();
                if (!data) return failed('liveUsage', errors);
                const requests = data.liveUsage.requests;
                if (first) {
                  first = false;
                  ready++;
                  if (requests !== base[v]) firstSnapshotMismatch++;
                }
                if (!measuring) return;
                usageMessages++;
                while (next < batches && cumulative[v][next] <= requests) {
                  if (touches[v][next]) usage.add(Number.isNaN(ack[next]) ? 0 : now - ack[next]);
                  next++;
                }
              },
              error: (e) => failed('liveUsage', e),
              complete: () => undefined,
            },
          );
        } else {
          const user = `u${n % USERS}`;
          ready++;
          client.subscribe<{ usageEvents: { id: string; skipped: number } }>(
            { query: `subscription($f: UsageFilter) { usageEvents(filter: $f) { id timestamp model status costUsd latencyMs totalTokens skipped } }`, variables: { f: { userIds: [user] } } },
            {
              next: ({ data, errors }) => {
                if (!data) return failed('usageEvents', errors);
                if (!measuring) return;
                const now = performance.now();
                tailMessages++;
                skipped += data!.usageEvents.skipped;
                const b = Number(/^b(\d+)-/.exec(data!.usageEvents.id)![1]);
                tail.add(Number.isNaN(ack[b]) ? 0 : now - ack[b]);
              },
              error: (e) => failed('usageEvents', e),
              complete: () => undefined,
            },
          );
        }
      });
    for (let n = 0; n < subscribers; n += 200) {
      await Promise.all(Array.from({ length: Math.min(200, subscribers - n) }, (_, i) => connectOne(n + i)));
      process.stdout.write(`\r  ${subscribers} subscribers: ${fmt(clients.length)} connected`);
    }
    const deadline = Date.now() + 120_000;
    while (ready < subscribers || Number(server.stats().eventSubscribers ?? 0) < subscribers - half) {
      if (Date.now() > deadline) throw new Error(`subscribers not ready after 2 minutes: ${ready} of ${subscribers}, server ${JSON.stringify(server.stats())}`);
      await sleep(100);
    }
    if (failures) throw new Error(`${failures} subscriptions failed`);
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    process.stdout.write(` in ${connectSeconds.toFixed(1)} s\n`);
    if (firstSnapshotMismatch) console.warn(`  ${firstSnapshotMismatch} first snapshots did not match the preloaded counts`);
    await sleep(2500); // first snapshots' 2 s spacing passes

    // Measure: RATE events/s, one request at a time, paced.
    const statsBefore = server.stats();
    const cpuBefore = await cpuSeconds(child.pid!);
    const pgBefore = await postgresCpu(db);
    const clientBefore = process.cpuUsage();
    measuring = true;
    const started = performance.now();
    for (let b = 0; b < batches; b++) {
      const due = started + (b * BATCH * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const stamp = Date.now();
      for (const e of plan[b]) e.timestamp = new Date(stamp).toISOString();
      await ingest(url, key, plan[b]);
      ack[b] = performance.now();
      if (b % 50 === 0) process.stdout.write(`\r  ${subscribers} subscribers: ingesting, ${fmt(((b + 1) * BATCH) / ((performance.now() - started) / 1000))} events/s`);
    }
    const ingestSeconds = (performance.now() - started) / 1000;
    const serverCpu = ((await cpuSeconds(child.pid!)) - cpuBefore) / ingestSeconds;
    const pgAfter = await postgresCpu(db);
    let pgSeconds = 0;
    for (const [pid, after] of pgAfter) pgSeconds += after - (pgBefore.get(pid) ?? 0);
    const clientCpu = process.cpuUsage(clientBefore);
    await sleep(3000); // deliveries in flight
    measuring = false;
    process.stdout.write('\n');
    const statsAfter = server.stats();
    const tailSubscribersOf = new Map<string, number>();
    for (let n = half; n < subscribers; n++) tailSubscribersOf.set(`u${n % USERS}`, (tailSubscribersOf.get(`u${n % USERS}`) ?? 0) + 1);
    const expectedTail = plan.reduce((n, events) => n + events.reduce((m, e) => m + (tailSubscribersOf.get(e.userId) ?? 0), 0), 0);
    const missing = Math.max(0, expectedTail - tail.length - skipped);
    return {
      subscribers,
      connectSeconds,
      ingestRate: (batches * BATCH) / ingestSeconds,
      tailDeliveriesPerSecond: tailMessages / ingestSeconds,
      usageDeliveriesPerSecond: usageMessages / ingestSeconds,
      tail: tail.summary(),
      usage: usage.summary(),
      tailSamples: tail.length,
      usageSamples: usage.length,
      skipped,
      missing,
      serverCpu,
      postgresCpu: pgSeconds / ingestSeconds,
      clientCpu: (clientCpu.user + clientCpu.system) / 1e6 / ingestSeconds,
      peakRss: await procStatus(child.pid!, 'VmHWM'),
      preloadPeakRss,
      idleRss,
      memory: server.peaks(),
      views: Number(statsAfter.usageViews),
      computations: Number(statsAfter.viewComputations) - Number(statsBefore.viewComputations),
    };
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    await db.end().catch(() => undefined);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await adminSql(`drop database if exists ${dbName} with (force)`);
  }
}

const results: Result[] = [];
for (const n of SCENARIOS) results.push(await runScenario(n));

console.log(`\nLive fan-out: ${fmt(RATE)} events/s for ${SECONDS} s (batches of ${BATCH}), window preloaded with ${fmt(PRELOAD)} events; latency from ingest acknowledgement to delivery, ms (p50 / p95 / p99)\n`);
console.log('| subscribers (liveUsage + usageEvents) | ingest achieved | usageEvents deliveries/s | usageEvents latency | liveUsage snapshots/s | liveUsage freshness | server CPU | PostgreSQL CPU | server peak RSS |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const half = Math.floor(r.subscribers / 2);
  console.log(
    `| ${fmt(r.subscribers)} (${fmt(half)} + ${fmt(r.subscribers - half)}) | ${fmt(r.ingestRate)} ev/s | ${fmt(r.tailDeliveriesPerSecond)} | ${r.tail} | ${fmt(r.usageDeliveriesPerSecond)} | ${r.usage} | ${Math.round(r.serverCpu * 100)}% | ${Math.round(r.postgresCpu * 100)}% | ${mb(r.peakRss)} |`,
  );
}
console.log('');
for (const r of results) {
  console.log(
    `${fmt(r.subscribers)} subscribers: connected in ${r.connectSeconds.toFixed(1)} s; ${fmt(r.tailSamples)} tail and ${fmt(r.usageSamples)} snapshot samples; ` +
      `${fmt(r.skipped)} events skipped, ${fmt(r.missing)} missing; ${r.views} shared views, ${fmt(r.computations)} view computations; bench client CPU ${Math.round(r.clientCpu * 100)}%; server RSS before any subscriber ${mb(r.idleRss)} (peak while preloading ${mb(r.preloadPeakRss)}); ` +
      `live-phase peaks (sampled each second): heap used ${mb(r.memory.heapUsed ?? 0)}, external ${mb(r.memory.external ?? 0)}`,
  );
}

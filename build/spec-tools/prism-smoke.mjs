#!/usr/bin/env node
// Prism smoke test: mock the spec with the pinned @stoplight/prism-cli, send the documented seed requests,
// and assert that each response's status and JSON body equal the example the spec documents for it.
//
//   node prism-smoke.mjs [path/to/openapi.yaml]      (default: ../../spec/openapi.yaml)
//
// Request bodies are the seed documentation's bodies (hard-coded on purpose: they are the independent oracle
// that the spec's request schemas accept the documented requests). Expected responses are read from the spec
// (lowest declared 2xx response, first named example of its application/json content), which is what
// `prism mock` serves by default. Only 127.0.0.1 is used. Prism is always stopped, on success and on failure.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const specPath = path.resolve(process.argv[2] ?? path.join(here, '..', '..', 'spec', 'openapi.yaml'));
const bin = name => path.join(here, 'node_modules', '.bin', name);
const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 15_000;

// ---- seed requests (from shared/seeds: 1.1 push create minimal body, 2.8 campaigns update) -------------
const SEED_REQUESTS = [
  {
    name: '1.1 push campaign create (documented minimal body)',
    method: 'post',
    specPath: '/1.1/{apiKey}/campaigns/create',
    url: '/1.1/SOME_APP_KEY/campaigns/create',
    headers: { 'X-Authorization': 'SMOKE_REST_API_KEY' },
    body: {
      name: 'Test Campaign',
      push_time: 'now',
      live: true,
      messages: [{ language: 'en', title: 'Hello!', body: "How's it going?" }],
    },
  },
  {
    name: '2.8 campaigns update (documented body)',
    method: 'post',
    specPath: '/2.8/campaigns/update',
    url: '/2.8/campaigns/update',
    headers: {
      Authorization: 'Bearer SMOKE_REST_API_KEY',
      'X-Batch-Project': 'project_0664hxvwffvbpn278gxdyhsadddqgna6',
    },
    body: {
      id: 'orchestration_0664hyh918hr1gnzka9py5t62nrc0e1q',
      campaign: {
        name: 'The campaign name',
        state: 'RUNNING',
        send_rate: 100000,
        when: { local_time: false, start_time: '2024-01-24T10:22:00Z' },
        targeting: { languages: ['fr'], regions: ['FR'], query: { firstname: { $eq: 'Jane' } } },
        messages: [
          {
            channel_type: 'email',
            subject: 'The campaign subject',
            sender_identity_id: '4012',
            reply_to: { email_address: 'jane.doe@demobatch.com' },
            html: 'The campaign HTML content',
          },
        ],
      },
    },
  },
];

// ---- helpers --------------------------------------------------------------------------------------------
const failures = [];
let passes = 0;
const log = msg => process.stdout.write(`${msg}\n`);
const pass = msg => {
  passes += 1;
  log(`  ok   ${msg}`);
};
const fail = msg => {
  failures.push(msg);
  log(`  FAIL ${msg}`);
};

function loadSpecAsJson(file) {
  // Redocly (pinned) turns the YAML (anchors included) into JSON; no YAML parser dependency of our own.
  const r = spawnSync(bin('redocly'), ['bundle', file, '--ext', 'json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  if (r.status !== 0) throw new Error(`redocly bundle failed (${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

function deref(node, root, depth = 0) {
  if (!node || typeof node !== 'object' || typeof node.$ref !== 'string') return node;
  if (depth > 20 || !node.$ref.startsWith('#/')) throw new Error(`cannot resolve $ref ${node.$ref}`);
  const target = node.$ref
    .slice(2)
    .split('/')
    .map(t => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, k) => (acc == null ? undefined : acc[k]), root);
  if (target === undefined) throw new Error(`unresolved $ref ${node.$ref}`);
  return deref(target, root, depth + 1);
}

// What `prism mock` serves by default: the lowest 2xx response; its first application/json example.
function expectedResponse(spec, req) {
  const op = spec.paths?.[req.specPath]?.[req.method];
  if (!op) throw new Error(`spec has no ${req.method.toUpperCase()} ${req.specPath}`);
  const codes = Object.keys(op.responses ?? {}).filter(c => /^2\d\d$/.test(c)).sort();
  if (codes.length === 0) throw new Error(`${req.specPath} declares no 2xx response`);
  const status = Number(codes[0]);
  const response = deref(op.responses[codes[0]], spec);
  const media = response.content?.['application/json'];
  if (!media) return { status, hasBody: false, exampleName: '(no content)' };
  const names = Object.keys(media.examples ?? {});
  if (names.length > 0) {
    return { status, hasBody: true, body: deref(media.examples[names[0]], spec).value, exampleName: names[0] };
  }
  if (media.example !== undefined) return { status, hasBody: true, body: media.example, exampleName: '(example)' };
  throw new Error(`${codes[0]} response of ${req.specPath} has application/json content but no example`);
}

async function freePort() {
  const srv = net.createServer();
  srv.listen(0, HOST);
  await once(srv, 'listening');
  const { port } = srv.address();
  srv.close();
  await once(srv, 'close');
  return port;
}

// ---- prism lifecycle ------------------------------------------------------------------------------------
let prism;
let prismOutput = '';

function stopPrism() {
  if (!prism || prism.exitCode !== null || prism.signalCode !== null) return Promise.resolve();
  const exited = once(prism, 'exit').catch(() => {});
  try {
    process.kill(-prism.pid, 'SIGTERM'); // own process group (detached), so nothing it started survives
  } catch {
    /* already gone */
  }
  const killer = setTimeout(() => {
    try {
      process.kill(-prism.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, 5000);
  return exited.finally(() => clearTimeout(killer));
}

function stopPrismSync() {
  if (prism && prism.exitCode === null && prism.signalCode === null) {
    try {
      process.kill(-prism.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}
process.on('exit', stopPrismSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    stopPrismSync();
    process.exit(130);
  });
}

async function startPrism(port) {
  prism = spawn(bin('prism'), ['mock', specPath, '--host', HOST, '--port', String(port), '--errors'], {
    cwd: here,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onData = chunk => {
    prismOutput += chunk.toString();
  };
  prism.stdout.on('data', onData);
  prism.stderr.on('data', onData);

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (prism.exitCode !== null || prism.signalCode !== null) {
      throw new Error(`prism exited early (code ${prism.exitCode}, signal ${prism.signalCode})`);
    }
    if (/Prism is listening on/.test(prismOutput)) return;
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`prism not ready after ${READY_TIMEOUT_MS / 1000} s`);
}

async function send(port, req, body) {
  const res = await fetch(`http://${HOST}:${port}${req.url}`, {
    method: req.method.toUpperCase(),
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...req.headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  return { status: res.status, text };
}

// ---- main -----------------------------------------------------------------------------------------------
async function main() {
  if (!existsSync(specPath)) throw new Error(`spec not found: ${specPath}`);
  const spec = loadSpecAsJson(specPath);
  const port = await freePort();
  const t0 = Date.now();
  await startPrism(port);
  log(`  prism mock ready on http://${HOST}:${port} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  for (const req of SEED_REQUESTS) {
    let expected;
    try {
      expected = expectedResponse(spec, req);
    } catch (e) {
      fail(`${req.name}: ${e.message}`);
      continue;
    }
    let actual;
    try {
      actual = await send(port, req, req.body);
    } catch (e) {
      fail(`${req.name}: request failed: ${e.message}`);
      continue;
    }
    let problems = [];
    if (actual.status !== expected.status) problems.push(`status ${actual.status}, expected ${expected.status}`);
    if (expected.hasBody) {
      let parsed;
      try {
        parsed = JSON.parse(actual.text);
      } catch {
        problems.push(`body is not JSON: ${JSON.stringify(actual.text.slice(0, 500))}`);
      }
      if (parsed !== undefined && !isDeepStrictEqual(parsed, expected.body)) {
        problems.push(
          `body ${JSON.stringify(parsed)} != example "${expected.exampleName}" ${JSON.stringify(expected.body)}`,
        );
      }
    } else if (actual.text.trim() !== '') {
      problems.push(`expected no body, got ${JSON.stringify(actual.text.slice(0, 500))}`);
    }
    if (problems.length) fail(`${req.name}: ${problems.join('; ')}`);
    else pass(`${req.name}: ${actual.status}, body == example "${expected.exampleName}"`);
  }

  // Guard: the mock really validates requests against the spec (otherwise the checks above prove little).
  const guard = SEED_REQUESTS[1];
  const bad = structuredClone(guard.body);
  bad.campaign.state = 'PAUSED';
  try {
    const r = await send(port, guard, bad);
    if (r.status >= 400 && r.status < 500) pass(`invalid 2.8 body (state PAUSED) rejected by the mock with ${r.status}`);
    else fail(`invalid 2.8 body (state PAUSED) was not rejected: status ${r.status}`);
  } catch (e) {
    fail(`guard request failed: ${e.message}`);
  }
}

let exitCode = 0;
try {
  await main();
} catch (e) {
  fail(e.message);
} finally {
  await stopPrism();
}
if (failures.length) {
  exitCode = 1;
  log(`  prism output (last 4000 chars):\n${prismOutput.slice(-4000)}`);
}
log(`${passes} passed, ${failures.length} failed`);
process.exit(exitCode);

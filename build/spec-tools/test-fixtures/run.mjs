#!/usr/bin/env node
// Proves the lint rules fire, and only where they should:
//   valid.yaml   - a small spec that follows every convention: Spectral and Redocly must report nothing.
//   invalid.yaml - one or more deliberate violations per project rule: the project findings
//                  (Spectral "batch-*" rules, Redocly "rule/*" rules) must be exactly those in invalid.expected.json.
// Uses the rulesets in spec/ (spec/.spectral.yaml, spec/redocly.yaml) and the pinned tools in ../node_modules.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const tools = path.resolve(here, '..');
const specDir = path.resolve(tools, '..', '..', 'spec');
const bin = name => path.join(tools, 'node_modules', '.bin', name);
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

let passed = 0;
let failed = 0;
const check = (ok, label, detail = []) => {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${label}`);
  for (const line of detail) console.log(`         ${line}`);
};

function spectral(file) {
  const r = spawnSync(
    bin('spectral'),
    ['lint', '--ruleset', path.join(specDir, '.spectral.yaml'), '--format', 'json', '--quiet', file],
    { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`spectral failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  const out = r.stdout.trim();
  if (out === '' || out.startsWith('No results')) return [];
  try {
    return JSON.parse(out);
  } catch {
    throw new Error(`spectral did not return JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
}

function redocly(file) {
  const r = spawnSync(
    bin('redocly'),
    ['lint', '--config', path.join(specDir, 'redocly.yaml'), '--lint-config', 'error', '--format', 'json', file],
    { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 },
  );
  try {
    return JSON.parse(r.stdout).problems;
  } catch {
    throw new Error(`redocly did not return JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
}

const fmtSpectral = x => `${x.code} ${x.path.join(' > ')}${x.message ? `: ${x.message}` : ''}`;
const fmtRedocly = p => `${p.ruleId} ${p.location?.[0]?.pointer ?? ''}${p.message ? `: ${p.message}` : ''}`;

// Exact set comparison of "rule + location" keys.
function compare(label, expected, actual, keyOf, fmt) {
  const want = new Map(expected.map(e => [keyOf(e), e]));
  const got = new Map(actual.map(a => [keyOf(a), a]));
  const missing = [...want.keys()].filter(k => !got.has(k));
  const unexpected = [...got.keys()].filter(k => !want.has(k));
  check(missing.length === 0 && unexpected.length === 0, `${label}: ${got.size} finding(s), ${want.size} expected`, [
    ...missing.map(k => `missing:    ${k}`),
    ...unexpected.map(k => `unexpected: ${fmt(got.get(k))}`),
  ]);
}

try {
  const valid = path.join(here, 'valid.yaml');
  const invalid = path.join(here, 'invalid.yaml');
  const expected = JSON.parse(readFileSync(path.join(here, 'invalid.expected.json'), 'utf8'));

  const sv = spectral(valid);
  check(sv.length === 0, `spectral: valid.yaml is clean (${sv.length} finding(s))`, sv.map(fmtSpectral));
  const rv = redocly(valid);
  check(rv.length === 0, `redocly:  valid.yaml is clean (${rv.length} finding(s))`, rv.map(fmtRedocly));

  const si = spectral(invalid).filter(x => x.code.startsWith('batch-'));
  compare('spectral: invalid.yaml batch-* findings', expected.spectral, si,
    x => `${x.rule ?? x.code} ${JSON.stringify(x.path)}`, fmtSpectral);
  const firedRules = new Set(si.map(x => x.code));
  const ruleset = readFileSync(path.join(specDir, '.spectral.yaml'), 'utf8');
  const declared = [...ruleset.matchAll(/^ {2}(batch-[a-z0-9-]+):/gm)].map(m => m[1]);
  const silent = declared.filter(r => !firedRules.has(r));
  check(silent.length === 0, `spectral: each of the ${declared.length} batch-* rules fires on invalid.yaml`,
    silent.map(r => `never fired: ${r}`));

  const ri = redocly(invalid).filter(p => p.ruleId.startsWith('rule/'));
  compare('redocly:  invalid.yaml rule/* findings', expected.redocly, ri,
    x => `${x.rule ?? x.ruleId} ${x.pointer ?? x.location?.[0]?.pointer}`, fmtRedocly);
} catch (e) {
  check(false, e.message);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

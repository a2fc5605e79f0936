#!/usr/bin/env node
'use strict';
/**
 * `npm audit` of the production dependencies (what ships: fflate, mathjs and theirs),
 * failing on high and critical advisories. When the advisory endpoint cannot be reached
 * (offline, or a registry mirror without it) it says so plainly and does not fail, unless
 * LEDGER_AUDIT_REQUIRED=1 asks for the audit to be mandatory.
 *
 *   node scripts/audit-prod.js
 */
const { spawnSync } = require('child_process');

const FAIL_AT = ['high', 'critical'];

/**
 * What to make of `npm audit --json` output: `{ ok, reachable, message }`.
 * `counts` are the advisories by severity when the audit ran.
 */
function auditVerdict(stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { ok: false, reachable: false, message: 'npm audit gave no JSON report' };
  }
  const counts = report && report.metadata && report.metadata.vulnerabilities;
  if (!counts || typeof counts !== 'object') {
    const why = (report && (report.message || (report.error && (report.error.summary || report.error.code)))) || 'no advisory data';
    return { ok: false, reachable: false, message: `the npm advisory endpoint could not be reached (${String(why).split('\n')[0]})` };
  }
  const bad = FAIL_AT.reduce((n, s) => n + (Number(counts[s]) || 0), 0);
  const summary = ['critical', 'high', 'moderate', 'low', 'info'].map((s) => `${Number(counts[s]) || 0} ${s}`).join(', ');
  const names = Object.entries(report.vulnerabilities || {})
    .filter(([, v]) => FAIL_AT.includes(v.severity))
    .map(([name, v]) => `${name} (${v.severity})`);
  return {
    ok: bad === 0,
    reachable: true,
    counts,
    message: bad === 0 ? `production dependencies: no high or critical advisories (${summary})` : `production dependencies: ${bad} high or critical advisories: ${names.join(', ')} (${summary})`,
  };
}

/** Exit status for a verdict: advisories fail; an unreachable endpoint fails only when required. */
function exitCode(verdict, env) {
  if (verdict.reachable) return verdict.ok ? 0 : 1;
  return env.LEDGER_AUDIT_REQUIRED === '1' ? 1 : 0;
}

module.exports = { auditVerdict, exitCode };

if (require.main === module) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const res = spawnSync(npm, ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120000 });
  const verdict = res.error
    ? { ok: false, reachable: false, message: `npm audit did not run (${res.error.message})` }
    : auditVerdict(res.stdout);
  const code = exitCode(verdict, process.env);
  const tag = verdict.reachable ? '' : code === 0 ? ': not audited, not failing (set LEDGER_AUDIT_REQUIRED=1 to fail)' : ': failing, LEDGER_AUDIT_REQUIRED=1';
  process[code === 0 ? 'stdout' : 'stderr'].write(`audit: ${verdict.message}${tag}\n`);
  process.exitCode = code;
}

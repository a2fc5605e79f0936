/**
 * The dependency audit: high and critical advisories in production dependencies fail CI;
 * an advisory endpoint that cannot be reached is said plainly and does not (unless required).
 */
import * as fs from 'fs';
import * as path from 'path';
import { auditVerdict, exitCode } from '../../scripts/audit-prod';
import { ROOT } from './helpers';

/** An `npm audit --json` report (format 2) with these counts. */
function report(counts: Partial<Record<'info' | 'low' | 'moderate' | 'high' | 'critical', number>>, vulnerable: Record<string, string> = {}): string {
  const all = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts };
  const total = Object.values(all).reduce((a, b) => a + b, 0);
  const vulnerabilities = Object.fromEntries(Object.entries(vulnerable).map(([name, severity]) => [name, { name, severity }]));
  return JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: { ...all, total }, dependencies: { prod: 12 } } });
}

describe('auditVerdict', () => {
  it.each([
    ['no advisories', report({}), true, 0],
    ['moderate and low only', report({ moderate: 2, low: 1 }), true, 0],
    ['one high', report({ high: 1 }, { mathjs: 'high' }), false, 1],
    ['one critical', report({ critical: 1 }, { fflate: 'critical' }), false, 1],
  ])('%s → ok %s, exit %i', (_label, json, ok, code) => {
    const v = auditVerdict(json);
    expect(v.reachable).toBe(true);
    expect(v.ok).toBe(ok);
    expect(exitCode(v, {})).toBe(code);
    // Even a required audit only fails on advisories once it ran.
    expect(exitCode(v, { LEDGER_AUDIT_REQUIRED: '1' })).toBe(code);
  });

  it('names the packages at fault', () => {
    expect(auditVerdict(report({ high: 1, critical: 1 }, { saxes: 'high', fflate: 'critical', x: 'low' })).message).toMatch(/2 high or critical advisories: saxes \(high\), fflate \(critical\)/);
  });

  it.each([
    // What npm printed here: the registry mirror refuses the bulk advisory request.
    ['a 405 from the registry', JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '', detail: '' } })],
    ['no network', JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org failed', detail: '' } })],
    ['not JSON at all', 'npm ERR! something'],
  ])('%s: unreachable, said plainly, fails only when the audit is required', (_label, out) => {
    const v = auditVerdict(out);
    expect(v.reachable).toBe(false);
    expect(v.message.length).toBeGreaterThan(10);
    expect(exitCode(v, {})).toBe(0);
    expect(exitCode(v, { LEDGER_AUDIT_REQUIRED: '1' })).toBe(1);
  });
});

describe('CI', () => {
  it('audits the production dependencies before running the tests', () => {
    const steps = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8').split('\n').map((l) => l.trim());
    const audit = steps.indexOf('node scripts/audit-prod.js');
    expect(audit).toBeGreaterThan(steps.findIndex((l) => l.startsWith('npm install')));
    expect(audit).toBeLessThan(steps.indexOf('npm test'));
  });
});

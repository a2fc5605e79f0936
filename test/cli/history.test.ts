/**
 * `--previous` as a folder or repeated, on the bundled ledgers: examples/ (end of June
 * 2022, five counties) with examples/previous/ (end of May, 东阿县 and 莘县 only). A
 * project's behindStreak counts the reports in a row it is behind, so it can reach 2 only
 * in the two counties with a May ledger; `--list-after N` lists a behind project once its
 * streak reaches N (seriously behind and overdue starts are listed for that alone).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/commands';
import type { ProjectReport, Report } from '../../src/core/types';

const EXAMPLES = path.join(__dirname, '../../examples');
const PREVIOUS = path.join(EXAMPLES, 'previous');

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-history-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type WithHistory = ProjectReport & { behindStreak?: number; listed?: boolean };

function check(extra: string[]): { report: Report & { history?: { periods: { asOf: string; files: string[] }[] } }; projects: WithHistory[] } {
  let stdout = '';
  let stderr = '';
  const code = run(['check', EXAMPLES, '--json', '--out', path.join(tmp, String(Math.random())), ...extra],
    { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, today: '2022-07-15', env: {} });
  expect([code, stderr]).toEqual([expect.any(Number), expect.not.stringMatching(/Error|at .*\.ts:/)]);
  const report = JSON.parse(stdout);
  const projects = report.files.flatMap((f: Report['files'][number]) => f.sheets.flatMap((s) => s.projects)) as WithHistory[];
  return { report, projects };
}

const isBehind = (p: ProjectReport) => p.status === 'behind' || p.status === 'seriously-behind';
const strip = (r: Report) => JSON.stringify(r, (k, v) => (k === 'output' || k === 'files' && Array.isArray(v) && typeof v[0] === 'string' ? undefined : v));

describe('ledger check --previous over several files', () => {
  jest.setTimeout(120_000);

  it('reads a folder as the files in it, as one earlier period (end of May)', () => {
    const folder = check(['--previous', PREVIOUS]);
    const files = check(['--previous', path.join(PREVIOUS, '东阿县.xlsx'), '--previous', path.join(PREVIOUS, '莘县.xlsx')]);
    expect(folder.report.history?.periods.map((p) => [p.asOf, p.files.map((f) => path.basename(f)).sort()])).toEqual([['2022-05-31', ['东阿县.xlsx', '莘县.xlsx']]]);
    expect(strip(files.report)).toBe(strip(folder.report));
  });

  it('counts streaks of at most 2, only where May is known, and only for projects behind now', () => {
    const { projects } = check(['--previous', PREVIOUS]);
    for (const p of projects) {
      const streak = p.behindStreak ?? 0;
      expect([p.name, streak >= 1]).toEqual([p.name, isBehind(p)]);
      expect(streak).toBeLessThanOrEqual(['东阿县', '莘县'].includes(p.group) ? 2 : 1);
    }
    // Some projects of both counties were behind in May too.
    for (const county of ['东阿县', '莘县']) expect(projects.some((p) => p.group === county && p.behindStreak === 2)).toBe(true);
  });

  it('lists a merely behind project once its streak reaches --list-after, not before', () => {
    const two = check(['--previous', PREVIOUS, '--list-after', '2']).projects;
    const three = check(['--previous', PREVIOUS, '--list-after', '3']).projects;
    const behind2 = two.filter((p) => p.status === 'behind' && p.behindStreak === 2);
    expect(behind2.length).toBeGreaterThan(0);
    expect(behind2.every((p) => p.listed === true)).toBe(true);
    expect(two.filter((p) => p.status === 'behind' && p.behindStreak === 1).every((p) => p.listed !== true)).toBe(true);
    // With three reports required, none of them is listed; seriously behind ones stay listed.
    expect(three.filter((p) => p.status === 'behind').every((p) => p.listed !== true)).toBe(true);
    expect(three.filter((p) => p.status === 'seriously-behind').every((p) => p.listed === true)).toBe(true);
  });
});

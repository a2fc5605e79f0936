/**
 * Golden reports: each fixture's sheet report (zh-CN messages) as reviewed and kept in
 * test/fixtures/golden/<name>.json, compared exactly. After a deliberate change, regenerate
 * with `UPDATE_GOLDEN=1 npx jest test/golden/golden-report.test.ts` and review the diff.
 * The same report must come out of the generated workbook test/fixtures/xlsx/<name>.xlsx
 * read through the xlsx reader as out of the in-memory grid.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SheetAnalysis } from '../../src/core/analyze';
import { sheetReport } from '../../src/core/report';
import type { SheetReport } from '../../src/core/types';
import { toIssue } from '../../src/i18n';
import { readWorkbook } from '../../src/xlsx/read';
import { allFixtures, type Fixture } from '../fixtures/ledgers';
import { analyzeFixture } from './helpers';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function reportOf(a: SheetAnalysis): SheetReport {
  // Through JSON, as the CLI prints it: undefined fields drop out.
  return JSON.parse(JSON.stringify(sheetReport(a, a.issues.map((i) => toIssue(i, 'zh-CN')))));
}

function readFixtureWorkbook(f: Fixture) {
  const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'xlsx', `${f.name}.xlsx`)));
  const sheet = readWorkbook(bytes).sheets.find((s) => s.name === f.sheet);
  if (!sheet) throw new Error(`${f.name}.xlsx has no sheet ${f.sheet}`);
  return sheet;
}

describe.each(allFixtures().map((f) => [f.name, f] as const))('%s', (name, f) => {
  const goldenFile = path.join(FIXTURES, 'golden', `${name}.json`);

  test('sheet report equals the golden file', () => {
    const report = reportOf(analyzeFixture(f));
    if (UPDATE) {
      fs.mkdirSync(path.dirname(goldenFile), { recursive: true });
      fs.writeFileSync(goldenFile, `${JSON.stringify(report, null, 2)}\n`);
    }
    expect(fs.existsSync(goldenFile)).toBe(true);
    expect(report).toEqual(JSON.parse(fs.readFileSync(goldenFile, 'utf8')));
  });

  test('the generated workbook gives the same report as the in-memory grid', () => {
    const sheet = readFixtureWorkbook(f);
    expect(sheet.hidden).toBe(false);
    const fromFile = reportOf(analyzeFixture(f, sheet.grid));
    expect(fromFile).toEqual(reportOf(analyzeFixture(f)));
  });

  test('the generated workbook keeps merges, hidden rows and date formats', () => {
    const { grid } = readFixtureWorkbook(f);
    expect((grid.merges ?? []).length).toBe((f.merges ?? []).length);
    expect([...(grid.hiddenRows ?? [])].map((r) => r + 1).sort()).toEqual((f.hiddenRows ?? []).slice().sort());
    const dateFormats = [...(grid.numFmts?.values() ?? [])].filter((fmt) => fmt === 'yyyy-mm-dd').length;
    const wantDates = (f.formats ?? []).some((x) => x.fmt === 'yyyy-mm-dd');
    expect(dateFormats > 0).toBe(wantDates);
  });
});

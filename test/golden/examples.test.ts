/**
 * The bundled sample workbooks (examples/, written by scripts/make-examples.js): one
 * ledger per county workbook, the planted mistakes of examples/README.md found at their
 * cells, no error anywhere else, and last month's versions compared.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeWorkbook, type SheetAnalysis } from '../../src/core/analyze';
import { colLetter } from '../../src/core/grid';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/types';
import { readWorkbook } from '../../src/xlsx/read';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const settings: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-08' };

// county workbook → [projects, sheets that are not ledgers, planted mistakes as `code cell`]
const SAMPLES: [string, number, string[], string[]][] = [
  ['阳谷县', 55, [], []],
  ['莘县', 32, [], ['number-as-text K9', 'invalid-project-code D36']],
  ['东阿县', 24, ['说明'], ['reported-rate-mismatch J13', 'subtotal-mismatch I29']],
  ['冠县', 28, [], ['completed-exceeds-total J29', 'plan-exceeds-total I29', 'text-noise C21']],
  ['临清市', 40, [], ['status-inconsistent L11', 'approximate-figure J22', 'duplicate-project D30']],
];

// with --previous: the cell whose year to date fell, the added project's name cell, the removed project's name
const PREVIOUS: [string, string, string, string][] = [
  ['莘县', 'K14', 'C36', '莘县职业教育中心实训基地'],
  ['东阿县', 'I14', 'C28', '东阿城区雨污分流改造工程'],
];

function load(file: string, previous?: SheetAnalysis[]) {
  const wb = readWorkbook(new Uint8Array(fs.readFileSync(file)));
  return analyzeWorkbook(wb.sheets.map((s) => s.grid), settings, previous);
}

const where = (a: SheetAnalysis) => a.issues.map((i) => `${i.code} ${colLetter(i.c)}${i.r + 1}`);

describe.each(SAMPLES)('examples/%s.xlsx', (county, projects, notLedgers, planted) => {
  const { ledgers, rejected } = load(path.join(EXAMPLES, `${county}.xlsx`));

  test('one ledger sheet, grouped by the county', () => {
    expect(ledgers).toHaveLength(1);
    expect(rejected.map((r) => r.sheet)).toEqual(notLedgers);
    const { ledger } = ledgers[0];
    expect(ledger.asOf).toBe('2022-06-30');
    expect(ledger.groups.map((g) => g.name)).toEqual([county]);
    expect(ledger.total.projects).toBe(projects);
  });

  test('the planted mistakes are found, and no other error', () => {
    const found = where(ledgers[0]);
    for (const p of planted) expect(found).toContain(p);
    const errors = ledgers[0].issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${colLetter(i.c)}${i.r + 1}`);
    for (const e of errors) expect(planted).toContain(e);
  });
});

describe.each(PREVIOUS)('examples/%s.xlsx against examples/previous/', (county, fell, added, removed) => {
  const last = load(path.join(EXAMPLES, 'previous', `${county}.xlsx`));
  const now = load(path.join(EXAMPLES, `${county}.xlsx`), last.ledgers);

  test('last month is the end of May, with as many projects (one since removed, one not yet added)', () => {
    expect(last.ledgers).toHaveLength(1);
    expect(last.ledgers[0].ledger.asOf).toBe('2022-05-31');
    const sample = SAMPLES.find((s) => s[0] === county);
    expect(last.ledgers[0].ledger.total.projects).toBe(sample?.[1]);
  });

  test('the fallen year to date, the added and the removed project are reported', () => {
    const a = now.ledgers[0];
    const found = where(a);
    expect(found).toContain(`decreased-since-previous ${fell}`);
    expect(found).toContain(`project-added ${added}`);
    const gone = a.issues.filter((i) => i.code === 'project-removed');
    expect(gone.map((i) => i.params.name)).toEqual([removed]);
    expect(a.issues.filter((i) => i.code === 'decreased-since-previous')).toHaveLength(1);
    expect(a.issues.filter((i) => i.code === 'project-added')).toHaveLength(1);
  });
});

test('阳谷县.xlsx carries seed 000\'s figures: 46 of 55 started, 445000 of 664179', () => {
  const g = load(path.join(EXAMPLES, '阳谷县.xlsx')).ledgers[0].ledger.groups[0];
  expect([g.projects, g.started, g.annualPlan, g.completedYtd]).toEqual([55, 46, 664179, 445000]);
});

import * as fs from 'fs';
import * as path from 'path';
import { settingsFor } from '../../src/commands/commands';
import { buildReport, fileReport } from '../../src/core/report';
import type { HeaderInfo, Issue, ProjectReport, SheetReport, WritePlan } from '../../src/core/types';
import {
  checkGrids, columnChoices, columnEvidenceNote, laggingProjects, markCount, NoLedgerFound, projectCell, reportOf, severityCounts, sortedIssues, withOverride,
} from '../../src/taskpane/model';
import { checkWorkbook } from '../../src/xlsx';
import { readWorkbook } from '../../src/xlsx';
import { gridOf } from '../helpers/grid';

const ROOT = path.join(__dirname, '..', '..');
const WORKBOOKS = [
  path.join(ROOT, 'examples', '冠县.xlsx'),
  ...fs.readdirSync(path.join(ROOT, 'test/fixtures/xlsx')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(ROOT, 'test/fixtures/xlsx', f)),
];

describe('checkGrids (the pane inside Excel)', () => {
  it.each(WORKBOOKS.map((f) => [path.basename(f), f]))('gives %s the same reports and plans as checkWorkbook (the command and the web page)', (_n, file) => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const settings = settingsFor(null, 'zh-CN', '2022-07-05');
    const grids = readWorkbook(bytes).sheets.filter((s) => !s.hidden).map((s) => s.grid);
    const pane = checkGrids(grids, settings);
    const cli = checkWorkbook(bytes, settings, { write: false });
    expect(pane.sheets).toEqual(cli.sheets);
    expect(pane.plans).toEqual(cli.plans);
    expect(pane.headers).toEqual(cli.analyses.map((a) => a.header));
    expect(pane.asOf).toBe(cli.analyses[0].ledger.asOf);
  });

  it('says what it looked for when no sheet is a ledger', () => {
    const settings = settingsFor(null, null, '2022-07-05');
    const notes = gridOf([['会议纪要'], ['时间', '地点'], ['7月1日', '县政府']], [], '纪要');
    expect(() => checkGrids([notes], settings)).toThrow(NoLedgerFound);
    try {
      checkGrids([notes], settings);
    } catch (e) {
      expect((e as NoLedgerFound).code).toBe('no-ledger-found');
      expect((e as NoLedgerFound).missing).toEqual(expect.arrayContaining(['name']));
    }
  });
});

const issue = (cell: string, severity: Issue['severity']): Issue => ({ code: 'text-noise', severity, cell, message: cell, fix: null, params: {} });

describe('issue lists', () => {
  const issues = [issue('A1', 'info'), issue('B2', 'error'), issue('C3', 'warning'), issue('D4', 'error')];

  it('puts errors first, then warnings, then notes, keeping the report\'s order within each', () => {
    expect(sortedIssues(issues).map((x) => x.cell)).toEqual(['B2', 'D4', 'C3', 'A1']);
  });

  it('counts by severity', () => {
    expect(severityCounts(issues)).toEqual({ error: 2, warning: 1, info: 1 });
  });
});

function project(row: number, status: ProjectReport['status'], gapPp: number | null): ProjectReport {
  return {
    row, name: `P${row}`, code: null, group: 'G', started: true, totalInvestment: null, annualPlan: null, completedYtd: null,
    completionRate: null, gapPp, status, rankInGroup: null, rank: null,
  };
}

function sheet(projects: ProjectReport[], columns: SheetReport['columns'] = { name: 'C' }): SheetReport {
  const total = { name: '合计', projects: 0, started: 0, startRate: null, totalInvestment: 0, annualPlan: 0, completedYtd: 0, completionRate: null, gapPp: null, lagging: 0, rank: null };
  return { sheet: 'S', header: { rows: [3], unit: '万元' }, columns, outputColumns: {}, projects, groups: [], total, issues: [], asOf: '2022-06-30', timeProgress: 0.5 };
}

describe('laggingProjects', () => {
  it('keeps behind, seriously behind and overdue starts, the worst gap first, gapless last', () => {
    const s = sheet([
      project(5, 'on-track', 3),
      project(6, 'behind', -4),
      project(7, 'overdue-start', null),
      project(8, 'seriously-behind', -25),
      project(9, 'pending', null),
      project(10, 'behind', -4),
      project(11, 'unknown', null),
    ]);
    // −25 < −4 = −4 (row order breaks the tie) < no gap
    expect(laggingProjects(s).map((p) => p.row)).toEqual([8, 6, 10, 7]);
  });

  it('takes the user to the name cell, or column A without a name column', () => {
    expect(projectCell(sheet([]), project(7, 'behind', -1))).toBe('C7');
    expect(projectCell(sheet([], {}), project(7, 'behind', -1))).toBe('A7');
  });
});

describe('column mapping', () => {
  const header = { labels: ['序号', ' 项目名称 ', '总投资', '完成率'], ownColumns: [3] } as unknown as HeaderInfo;

  it('offers every header column but the tool\'s own, by letter and label', () => {
    expect(columnChoices(header)).toEqual([
      { c: 0, letter: 'A', label: '序号' },
      { c: 1, letter: 'B', label: '项目名称' },
      { c: 2, letter: 'C', label: '总投资' },
    ]);
  });

  it('sets and clears one override, and drops an empty set', () => {
    expect(withOverride(undefined, 'name', 2)).toEqual({ name: 2 });
    expect(withOverride({ name: 2 }, 'code', -1)).toEqual({ name: 2, code: -1 });
    expect(withOverride({ name: 2, code: -1 }, 'name', undefined)).toEqual({ code: -1 });
    expect(withOverride({ name: 2 }, 'name', undefined)).toBeUndefined();
  });
});

describe('reportOf', () => {
  it('is the command\'s report of that one file', () => {
    const bytes = new Uint8Array(fs.readFileSync(WORKBOOKS[0]));
    const settings = settingsFor(null, 'zh-CN', '2022-07-05');
    const r = checkGrids(readWorkbook(bytes).sheets.map((s) => s.grid), settings);
    expect(reportOf(r, '冠县.xlsx', '冠县.checked.xlsx')).toEqual(
      buildReport([fileReport('冠县.xlsx', '冠县.checked.xlsx', r.sheets)], settings, r.asOf, r.timeProgress),
    );
  });

  it('counts the marks of every plan', () => {
    const plan = (n: number) => ({ marks: Array(n).fill({ r: 0, c: 0, severity: 'error', note: '' }) }) as unknown as WritePlan;
    expect(markCount([plan(2), plan(3)])).toBe(5);
  });
});

describe('columnEvidenceNote: the evidence behind 识别的列', () => {
  // The 南平 monthly layout's decoy: D 开工至上一年度底累计 vs F 1-3月实际 — here a header-only
  // reading (source 'header') says nothing; a choice by the figures names the columns weighed.
  const base = { columns: { completedYtd: 5 }, labels: [], ownColumns: [] } as unknown as HeaderInfo;
  it('is null for a column chosen by its header or by the user', () => {
    expect(columnEvidenceNote({ ...base, columnChoices: { completedYtd: { column: 5, source: 'header' } } }, 'completedYtd')).toBeNull();
    expect(columnEvidenceNote({ ...base, columnChoices: { completedYtd: { column: 5, source: 'override' } } }, 'completedYtd')).toBeNull();
    expect(columnEvidenceNote(base, 'completedYtd')).toBeNull();
  });
  it('names the column chosen, the others weighed, and a close call', () => {
    const h = {
      ...base,
      columnChoices: {
        completedYtd: {
          column: 5, source: 'evidence' as const, ambiguous: true,
          candidates: [{ column: 5, score: 2.9, checks: ['rate:100%'] }, { column: 3, score: 2.8, checks: [] }, { column: 7, score: 1, checks: [] }],
        },
      },
    };
    expect(columnEvidenceNote(h, 'completedYtd')).toEqual({ chosen: 'F', others: ['D', 'H'], close: true });
  });
});

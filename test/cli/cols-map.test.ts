/** `--map field=LETTER` and the columns list of the human report. */
import { parseArgs, UsageError } from '../../src/cli/cli';
import { humanReport } from '../../src/cli/commands';
import { CLI_TEXT } from '../../src/cli/messages';
import type { Report } from '../../src/core/types';

describe('--map', () => {
  it('takes field=LETTER, repeatable, - for none', () => {
    const o = parseArgs(['check', 'a.xlsx', '--map', 'completedYtd=F', '--map', 'completedSinceStart=-', '--map', 'annualPlan=aa']);
    // F → 5, AA → 26
    expect(o.map).toEqual({ completedYtd: 5, completedSinceStart: -1, annualPlan: 26 });
  });

  it('refuses an unknown field or a bad letter', () => {
    expect(() => parseArgs(['check', 'a.xlsx', '--map', 'ytd=F'])).toThrow(UsageError);
    expect(() => parseArgs(['check', 'a.xlsx', '--map', 'completedYtd=F1'])).toThrow(UsageError);
  });
});

describe('human report: the columns understood', () => {
  const report = {
    files: [{
      file: 'a.xlsx', output: null, error: null,
      sheets: [{
        sheet: 'S', header: { rows: [2, 3], unit: '万元' }, columns: { name: 'B', completedYtd: 'F', annualPlan: 'E' },
        columnEvidence: {
          name: { column: 'B', header: '项目名称', source: 'header' },
          completedYtd: { column: 'F', header: '1-3月实际完成投资', source: 'override' },
          annualPlan: { column: 'E', header: '2010年计划投资', source: 'header' },
        },
        outputColumns: {}, projects: [], groups: [],
        total: { name: '', projects: 0, started: 0, startRate: null, totalInvestment: 0, annualPlan: 0, completedYtd: 0, completionRate: null, gapPp: null, lagging: 0 },
        issues: [], asOf: '2010-03-31', timeProgress: 0.25,
      }],
    }],
    ranking: [],
  } as unknown as Report;

  it.each(['zh-CN', 'zh-TW', 'en'] as const)('%s: field → letter → header, the override marked', (lang) => {
    const out = humanReport(report, parseArgs(['check', 'a.xlsx', '--lang', lang]), CLI_TEXT[lang]);
    const t = CLI_TEXT[lang];
    expect(out).toContain(t.columnsHeading);
    expect(out).toContain(t.columnLine({ field: '', letter: 'F', header: '1-3月实际完成投资', override: true, evidence: false, ambiguous: false }).trim().slice(1));
    expect(out).toContain('项目名称');
  });
});

describe('human report: the rows accounted for, in one line', () => {
  const sheet = {
    sheet: 'S', header: { rows: [2], unit: '万元' }, columns: { name: 'B' }, outputColumns: {}, projects: [], groups: [],
    total: { name: '', projects: 0, started: 0, startRate: null, totalInvestment: 0, annualPlan: 0, completedYtd: 0, completionRate: null, gapPp: null, lagging: 0 },
    issues: [], asOf: '2010-03-31', timeProgress: 0.25,
  };
  const with_ = (rowAccount: object) => ({ files: [{ file: 'a.xlsx', output: null, error: null, sheets: [{ ...sheet, rowAccount }] }], ranking: [] }) as unknown as Report;
  // 1 + 30 + 1 + 3 + 2 + 2 + 1 + 0 = 40
  const full = { rows: 40, header: 1, project: 30, total: 1, subtotal: 3, heading: 2, breakdown: 2, footer: 1, numberedEmpty: 0 };

  it('zh-CN: every role and the sum', () => {
    const out = humanReport(with_(full), parseArgs(['check', 'a.xlsx']), CLI_TEXT['zh-CN']);
    expect(out).toContain('行：共 40 行 = 表头 1 + 项目 30 + 合计 1 + 小计 3 + 分类标题 2 + 其中 2 + 注释 1 + 空序号行 0');
    expect(out).not.toContain('未归类');
  });

  it('says how many rows are left over when the roles do not add up', () => {
    const out = humanReport(with_({ ...full, rows: 42 }), parseArgs(['check', 'a.xlsx', '--lang', 'en']), CLI_TEXT.en);
    expect(out).toContain('Rows: 42 = 1 header + 30 projects');
    expect(out).toContain(', and 2 unaccounted');
  });
});

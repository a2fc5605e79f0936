/**
 * 添加输入检查 in the core: the template's rules laid on the project rows of a ledger the engine
 * read, and the cells that break them. The custom rule of the project code is checked two ways
 * here, by the formula Excel evaluates and by the TypeScript the issues come from, on the same
 * values: they must agree, or the pane would list cells Excel lets through (or the reverse).
 */
import { analyzeSheet, type SheetAnalysis } from '../../src/core/analyze';
import type { CellValue } from '../../src/core/grid';
import { breaksRule, ledgerInputCheck, ruleAreas } from '../../src/core/input-rules';
import { codeFormula, dateSerial, type InputRule } from '../../src/core/template';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { toIssue } from '../../src/i18n/index';
import { Evaluator, isErr } from '../helpers/formula-eval';
import { gridOf } from '../helpers/grid';

const HEADER = ['序号', '项目名称', '项目代码', '县（市、区）', '建设性质', '开工时间', '总投资', '年度计划投资', '1-6月完成投资', '是否开工'];

function ledger(rows: CellValue[][]): SheetAnalysis {
  const grid = gridOf([['2022年重点项目进展情况表（1-6月）'], ['单位：万元'], HEADER, ...rows], [], '台账');
  const a = analyzeSheet(grid, { ...DEFAULT_SETTINGS, today: '2022-07-15' });
  if (!a.ok) throw new Error('not read as a ledger');
  return a;
}

const GOOD = '2021-371521-48-01-012345';

describe('ledgerInputCheck', () => {
  const a = ledger([
    [1, '物流园', GOOD, '阳谷县', '新建', dateSerial(2022, 3, 1), 50000, 20000, 9000, '已开工'],
    [2, '污水厂', '2021-3715', '阳谷县', '新开', '2022.13', '约3000', 10000, 6000, '在建'],
    [null, '阳谷县小计', null, null, null, null, 53000, 30000, 15000, null],
    [3, '产业园', '', '冠县', '续建', dateSerial(2016, 5, 1), 80000, 9e6, -1, '未开工'],
    [null, '合计', null, null, null, null, 133000, 9030000, 14999, null],
  ]);
  const check = ledgerInputCheck(a, { lang: 'zh-CN' });
  const rule = (k: string): InputRule => {
    const r = check.rules.find((x) => x.key === k);
    if (!r) throw new Error(`no rule ${k}`);
    return r;
  };

  it('lays a rule on each input column found, over the project rows only', () => {
    expect(check.sheet).toBe('台账');
    expect(rule('annualPlan').sqref).toBe('H4:H5 H7');
    expect(rule('index').sqref).toBe('A4:A5 A7');
    expect(rule('status').formula1).toBe('"已开工,未开工"');
    expect(rule('group').formula1).toBe('"阳谷县,冠县"');
    expect(rule('start').formula1).toBe(String(dateSerial(2017, 1, 1)));
    expect(rule('code').formula1).toBe(codeFormula('C4'));
    expect(check.rules.map((r) => r.key).sort()).toEqual(['annualPlan', 'code', 'group', 'index', 'nature', 'start', 'status', 'total', 'ytd'].sort());
  });

  it('lists each cell a rule refuses, and no other', () => {
    const cells = check.issues.map((i) => toIssue(i, 'zh-CN').cell).sort();
    // C5 short code; E5 新开 not in the list; F5 text date; G5 约3000; J5 在建; F7 2016 before 2017;
    // H7 above 5,000,000; I7 negative. C7 is blank: allowed.
    expect(cells).toEqual(['C5', 'E5', 'F5', 'F7', 'G5', 'H7', 'I7', 'J5'].sort());
    expect(check.issues.every((i) => i.code === 'input-rule-broken' && i.severity === 'warning')).toBe(true);
    const msg = toIssue(check.issues.find((i) => i.r === 4 && i.c === 6)!, 'zh-CN').message;
    expect(msg).toContain('约3000');
    expect(msg).toContain('万元');
  });

  it('gives an amount column in another unit no rule, its bound being in 万元', () => {
    const yuan = ledger([[1, 'P', GOOD, 'A县', '新建', null, 5e8, 2e8, 1e8, '已开工']]);
    yuan.header.unit = '元';
    const keys = ledgerInputCheck(yuan, { lang: 'en' }).rules.map((r) => r.key);
    expect(keys).not.toContain('annualPlan');
    expect(keys).toContain('status');
  });

  it('splits a rule into its ranges with the code formula moved to each range', () => {
    expect(ruleAreas(rule('code'))).toEqual([
      { address: 'C4:C5', formula1: codeFormula('C4') },
      { address: 'C7', formula1: codeFormula('C7') },
    ]);
    expect(ruleAreas(rule('total')).map((x) => x.formula1)).toEqual(['0', '0']);
  });
});

describe('breaksRule agrees with the rule as Excel evaluates it', () => {
  const a = ledger([[1, 'P', GOOD, 'A县', '新建', null, 1, 1, 1, '已开工']]);
  const code = ledgerInputCheck(a, { lang: 'zh-CN' }).rules.find((r) => r.key === 'code')!;
  const excel = (v: CellValue): boolean => {
    const ev = new Evaluator({ sheets: new Map([['S', new Map([['C4', { value: v }]])]]), names: new Map() });
    const res = ev.formula(code.formula1, 'S');
    return !isErr(res) && res === true;
  };
  it.each([
    GOOD, '2020-371500-78-01-00001X', '2021-371521-48-01-01234', '2021-371521-48-01-01234a', '2021-371521-48-01-0123.5',
    '2021-3715-21-48-01-0123X', '20213715214801012345X678', '2021-371521-48-01-1e345X', '2021-371521-48-01- 12345',
    '2021-371521-48-01-+12345', '2021 371521-48-01-012345', 123456789,
  ])('the code %p', (v) => {
    expect(breaksRule(code, v)).toBe(!excel(v));
  });

  it('lets a blank through and refuses an error value', () => {
    expect(breaksRule(code, null)).toBe(false);
    expect(breaksRule(code, '  ')).toBe(false);
    expect(breaksRule(code, { error: '#N/A' })).toBe(true);
  });
});

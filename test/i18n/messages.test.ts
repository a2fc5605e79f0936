import { messages, UI_KEYS } from '../../src/i18n/index';
import { FIELDS, ISSUE_CODES, LANGS, type IssueCode, type IssueParams, type Lang, type ProjectStatus } from '../../src/core/types';

/**
 * Params as the rules produce them (see each rule's test), with what every
 * locale's sentence must show: figures as written, names, labels; `field:x`
 * stands for the locale's name of field x, `unit:u` for its name of unit u.
 */
const SAMPLES: { code: IssueCode; params: IssueParams; shows: string[] }[] = [
  { code: 'missing-required', params: { field: 'annualPlan' }, shows: ['field:annualPlan'] },
  { code: 'missing-required', params: { field: 'name' }, shows: ['field:name'] },
  { code: 'not-a-number', params: { field: 'annualPlan', value: '3000-5000' }, shows: ['field:annualPlan', '3000-5000'] },
  { code: 'number-as-text', params: { field: 'totalInvestment', value: '3,187.5', number: 3187.5 }, shows: ['field:totalInvestment', '3,187.5', '3187.5'] },
  {
    code: 'number-as-text',
    params: { field: 'annualPlan', value: '1,200', number: 1200, count: 5, examples: '1,200\t5.2亿元\t１２９９' },
    shows: ['field:annualPlan', '5', '1,200', '5.2亿元', '１２９９', '1200'],
  },
  {
    code: 'column-skipped',
    params: { field: 'completedYtd', column: 'F', chosen: 'G', hidden: true, header: '1-6月完成投资' },
    shows: ['field:completedYtd', 'F', 'G', '1-6月完成投资'],
  },
  {
    code: 'column-skipped',
    params: { field: 'totalInvestment', column: 'C', chosen: 'D', hidden: false, header: '总投资' },
    shows: ['field:totalInvestment', 'C', 'D', '总投资'],
  },
  { code: 'row-unaccounted', params: { row: 17, value: '待补充' }, shows: ['17', '待补充'] },
  { code: 'approximate-figure', params: { field: 'annualPlan', value: '约3000', number: 3000, count: 1, examples: '约3000' }, shows: ['field:annualPlan', '约3000', '3000'] },
  {
    code: 'approximate-figure',
    params: { field: 'completedYtd', value: '约300', number: 300, count: 2, examples: '约300\t500左右' },
    shows: ['field:completedYtd', '2', '约300', '500左右', '300'],
  },
  { code: 'negative-value', params: { field: 'totalInvestment', value: -100, unit: '亿元' }, shows: ['field:totalInvestment', '-100', 'unit:亿元'] },
  { code: 'formula-error', params: { field: 'annualPlan', value: '#DIV/0!' }, shows: ['field:annualPlan', '#DIV/0!'] },
  { code: 'formula-error', params: { field: null, value: '#REF!' }, shows: ['#REF!'] },
  {
    code: 'completed-exceeds-total',
    params: { field: 'completedYtd', completed: 12300, total: 10000, before: 300, ytd: 12000, unit: '万元' },
    shows: ['12300', '10000', '300', '12000', 'unit:万元'],
  },
  {
    code: 'completed-exceeds-total',
    params: { field: 'completedSinceStart', completed: 1.2, total: 1, before: null, ytd: null, unit: '亿元' },
    shows: ['field:completedSinceStart', '1.2', '1', 'unit:亿元'],
  },
  { code: 'plan-exceeds-total', params: { plan: 450, total: 1000, before: 600, remaining: 400, unit: '万元' }, shows: ['450', '1000', '600', '400'] },
  { code: 'plan-exceeds-total', params: { plan: 1200, total: 1000, before: null, remaining: null, unit: '万元' }, shows: ['1200', '1000'] },
  { code: 'month-exceeds-ytd', params: { month: 300, ytd: 120, unit: '万元' }, shows: ['300', '120', 'unit:万元'] },
  { code: 'duplicate-project', params: { by: 'code', key: '2022-370000-48-03-012345', firstRow: 4 }, shows: ['2022-370000-48-03-012345', '4'] },
  { code: 'duplicate-project', params: { by: 'name', key: '阳谷物流园', firstRow: 17 }, shows: ['阳谷物流园', '17'] },
  {
    code: 'duplicate-across-files',
    params: { by: 'code', key: 'YG002', county: '莘县', file: '莘县.xlsx', sheet: 'Sheet1', row: 5, firstFile: '阳谷县.xlsx', firstSheet: 'Sheet1', firstRow: 5, firstMergedRow: 5 },
    shows: ['YG002', '莘县.xlsx', '阳谷县.xlsx', 'Sheet1', '5'],
  },
  {
    code: 'duplicate-across-files',
    params: { by: 'name', key: '污水处理厂', county: '莘县', file: '莘县.xlsx', sheet: '台账', row: 9, firstFile: '阳谷县.xlsx', firstSheet: 'Sheet1', firstRow: 4, firstMergedRow: 4 },
    shows: ['污水处理厂', '莘县.xlsx', '台账', '9', '阳谷县.xlsx', 'Sheet1', '4'],
  },
  { code: 'invalid-project-code', params: { value: '2022-37000-48-03-012345', reason: 'format' }, shows: ['2022-37000-48-03-012345', 'YYYY-AAAAAA-II-TT-NNNNNX'] },
  { code: 'invalid-project-code', params: { value: '2035-370000-48-03-012345', reason: 'year' }, shows: ['2035-370000-48-03-012345'] },
  { code: 'invalid-project-code', params: { value: '2022-990000-48-03-012345', reason: 'area' }, shows: ['2022-990000-48-03-012345'] },
  { code: 'input-rule-broken', params: { field: 'annualPlan', rule: 'decimal', value: '约3000', message: '0 … 5000000' }, shows: ['约3000', '0 … 5000000'] },
  {
    code: 'status-inconsistent',
    params: { reason: 'not-started-with-investment', status: '未开工', completed: 120, unit: '万元' },
    shows: ['未开工', '120', 'unit:万元'],
  },
  { code: 'status-inconsistent', params: { reason: 'started-without-investment', status: '已开工' }, shows: ['已开工'] },
  { code: 'status-inconsistent', params: { reason: 'new-with-prior-investment', nature: '新建', before: 80, unit: '万元' }, shows: ['新建', '80'] },
  { code: 'status-inconsistent', params: { reason: 'finish-past', finishYear: 2020, asOfYear: 2022, status: '在建' }, shows: ['2020', '2022'] },
  { code: 'reported-rate-mismatch', params: { reported: 0.45, computed: 0.5, ytd: 250, plan: 500, unit: '万元' }, shows: ['45%', '50%', '250', '500'] },
  {
    code: 'subtotal-mismatch',
    params: { kind: 'amount', label: '交通', field: 'annualPlan', value: 1600, sum: 1500, unit: '万元' },
    shows: ['交通', 'field:annualPlan', '1600', '1500', 'unit:万元'],
  },
  { code: 'subtotal-mismatch', params: { kind: 'count', label: '合计', declared: 4, count: 3 }, shows: ['合计', '4', '3'] },
  { code: 'date-invalid', params: { field: 'startDate', value: '2022.13' }, shows: ['field:startDate', '2022.13'] },
  { code: 'date-order', params: { start: '2022-03', finish: '2021' }, shows: ['2022-03', '2021'] },
  {
    code: 'unit-suspect',
    params: { scope: 'column', field: 'totalInvestment', unit: '万元', likely: '元', median: 85000000, value: null },
    shows: ['field:totalInvestment', '85000000', 'unit:元', 'unit:万元'],
  },
  {
    code: 'unit-suspect',
    params: { scope: 'cell', field: 'totalInvestment', unit: '万元', likely: '亿元', value: 0.1, median: 1750 },
    shows: ['field:totalInvestment', '0.1', '1750', 'unit:亿元'],
  },
  {
    code: 'text-noise',
    params: { field: 'name', problems: 'spaces,pinyin,full-width', value: ' 發(fā)展１号', cleaned: '發展1号' },
    shows: ['field:name', ' 發(fā)展１号', '發展1号'],
  },
  { code: 'decreased-since-previous', params: { field: 'completedYtd', value: 100, previous: 300, unit: '万元' }, shows: ['field:completedYtd', '100', '300'] },
  { code: 'project-added', params: { name: '新项目', code: null }, shows: ['新项目'] },
  { code: 'project-removed', params: { name: '乙项目', code: '2022-370000-48-03-000001', previousRow: 5 }, shows: ['乙项目', '2022-370000-48-03-000001', '5'] },
  { code: 'column-ambiguous', params: { field: 'completedYtd', chosen: 'F', chosenHeader: '累计完成投资', others: 'H', evidence: 'F 0.3; H 0.3' }, shows: ['field:completedYtd', 'F', 'H', '累计完成投资'] },
  { code: 'columns-suspect', params: { mismatched: 26, compared: 30, rate: 'G', ytd: 'D', plan: 'E' }, shows: ['26', '30', 'G', 'D', 'E'] },
  {
    code: 'period-mismatch',
    params: { chosenFrom: 'title', chosen: '2018年重点项目（1-8月）', otherFrom: 'file-name', other: '统计-20180919.xlsx', otherDate: '2018-09-19', asOf: '2018-08-31' },
    shows: ['2018年重点项目（1-8月）', '统计-20180919.xlsx', '2018-08-31'],
  },
  {
    code: 'rows-ambiguous',
    params: { rows: '12, 30', count: 2, chosen: 'below', chosenFrom: 13, chosenTo: 20, otherFrom: 5, otherTo: 11 },
    shows: ['12, 30', '13', '20', '5', '11'],
  },
];

test('every issue code has a sample', () => {
  expect(new Set(SAMPLES.map((s) => s.code))).toEqual(new Set(ISSUE_CODES));
});

describe.each(LANGS)('%s', (lang: Lang) => {
  const m = messages(lang);

  test.each(SAMPLES.map((s) => [s.code, s] as const))('%s mentions its figures', (_code, { code, params, shows }) => {
    const text = m.issues[code](params);
    for (const s of shows) {
      const expected = s.startsWith('field:')
        ? m.fields[s.slice(6) as keyof typeof m.fields]
        : s.startsWith('unit:')
          ? m.units[s.slice(5) as keyof typeof m.units]
          : s;
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/undefined|NaN|null|\[object/);
  });

  test('every field, status, severity, unit and label has a name', () => {
    for (const f of FIELDS) expect(m.fields[f]).toMatch(/\S/);
    const statuses: ProjectStatus[] = ['on-track', 'behind', 'seriously-behind', 'overdue-start', 'pending', 'unknown'];
    for (const s of statuses) expect(m.status[s]).toMatch(/\S/);
    for (const s of ['error', 'warning', 'info'] as const) expect(m.severity[s]).toMatch(/\S/);
    for (const u of ['元', '万元', '亿元'] as const) expect(m.units[u]).toMatch(/\S/);
    for (const k of UI_KEYS) expect(m.ui[k]).toMatch(/\S/);
    expect(Object.keys(m.ui).sort()).toEqual([...UI_KEYS].sort());
  });

  test('messages survive missing params without printing undefined or NaN', () => {
    for (const code of ISSUE_CODES) expect(m.issues[code]({})).not.toMatch(/undefined|NaN|null/);
  });
});

test('the statuses read as the offices write them', () => {
  expect(messages('zh-CN').status).toEqual({
    'on-track': '正常推进', behind: '滞后', 'seriously-behind': '严重滞后', 'overdue-start': '逾期未开工', pending: '未到开工期', unknown: '无法计算',
  });
  expect(messages('zh-TW').status['seriously-behind']).toBe('嚴重滯後');
});

test('a zh-CN sentence in full', () => {
  // 300 + 12000 = 12300 > 10000
  expect(messages('zh-CN').issues['completed-exceeds-total']({
    field: 'completedYtd', completed: 12300, total: 10000, before: 300, ytd: 12000, unit: '万元',
  })).toBe('截至上年底累计完成 300 万元 + 本年累计完成 12000 万元 = 12300 万元，超过总投资 10000 万元');
});

describe('zh-TW is written in traditional characters', () => {
  const m = messages('zh-TW');
  const all = [
    ...SAMPLES.map((s) => m.issues[s.code](s.params)),
    ...Object.values(m.fields), ...Object.values(m.status), ...Object.values(m.severity),
    ...Object.values(m.units), ...Object.values(m.ui), ...Object.values(m.fileErrors),
  ].join('\n');
  // Sample params carry the user's own (simplified) text; take it out before looking.
  const own = new Set(SAMPLES.flatMap((s) => Object.values(s.params).filter((v): v is string => typeof v === 'string')));
  let text = all;
  for (const s of own) text = text.split(s).join('');

  test.each(['項目', '總投資', '計劃', '開工', '萬元', '億元', '問題', '單位', '儲存格'])('uses %s', (word) => {
    expect(all).toContain(word);
  });

  test('no simplified-only character', () => {
    const simplified = '项总计划开万亿资问题单数错误报额应为负请检过与复两时间进这还没无儿岁个们会从来对说读获储处标滞严节录态库';
    const found = [...simplified].filter((ch) => text.includes(ch));
    expect(found).toEqual([]);
  });
});

import { detectLang, formatIssue, messages, toIssue } from '../../src/i18n/index';
import { runRules } from '../../src/core/rules/index';
import { LANGS, type RawIssue } from '../../src/core/types';
import { MESSY_ROWS, contextOf, sheet } from '../helpers/rule-fixtures';

test.each([
  ['zh-TW', 'zh-TW'],
  ['zh-HK', 'zh-TW'],
  ['zh_MO', 'zh-TW'],
  ['zh-Hant', 'zh-TW'],
  ['zh-Hant-CN', 'zh-TW'],
  ['zh-Hans-HK', 'zh-CN'],
  ['zh-CN', 'zh-CN'],
  ['zh', 'zh-CN'],
  ['ZH-sg', 'zh-CN'],
  ['en-US', 'en'],
  ['fr', 'en'],
  ['', 'en'],
  ['zhx', 'en'],
])('detectLang(%s) = %s', (tag, expected) => {
  expect(detectLang(tag)).toBe(expected);
});

const RAW: RawIssue = {
  code: 'month-exceeds-ytd',
  severity: 'error',
  r: 63,
  c: 8,
  params: { month: 300, ytd: 120, unit: '万元' },
  fix: null,
};

test('toIssue: the cell as A1, the message in the language, code, severity, fix and params kept', () => {
  expect(toIssue(RAW, 'zh-CN')).toEqual({
    code: 'month-exceeds-ytd',
    severity: 'error',
    cell: 'I64',
    message: '本月完成投资 300 万元 超过本年累计完成投资 120 万元',
    fix: null,
    params: { month: 300, ytd: 120, unit: '万元' },
  });
});

test('formatIssue in each language', () => {
  expect(formatIssue(RAW, 'zh-TW')).toBe('本月完成投資 300 萬元 超過本年累計完成投資 120 萬元');
  expect(formatIssue(RAW, 'en')).toBe('Completed this month 300 10k yuan is more than completed this year 120 10k yuan');
});

test('messages(lang) returns that language', () => {
  expect(messages('en').lang).toBe('en');
  expect(messages('zh-TW').units['亿元']).toBe('億元');
});

describe('every issue the rules raise on a messy sheet reads cleanly', () => {
  const issues = runRules(contextOf(sheet(MESSY_ROWS)));
  test.each(LANGS)('%s', (lang) => {
    expect(issues.length).toBeGreaterThan(15);
    for (const raw of issues) {
      const issue = toIssue(raw, lang);
      expect(issue.message).toMatch(/\S/);
      expect(issue.message).not.toMatch(/undefined|NaN|null|\[object/);
      expect(issue.cell).toMatch(/^[A-Z]+\d+$/);
    }
  });
});

import { HostError, hostMessage } from '../../src/excel/host-error';
import { messages } from '../../src/i18n/index';
import { describeError, errorShape } from '../../src/taskpane/errors';
import { NoLedgerFound } from '../../src/taskpane/model';
import { paneStrings } from '../../src/taskpane/strings';
import { NoLedgerError } from '../../src/xlsx';
import { XlsxError } from '../../src/xlsx/errors';

describe('describeError', () => {
  it.each([
    ['unreadable-file', 'zh-CN'],
    ['not-a-workbook', 'en'],
    ['encrypted-workbook', 'zh-TW'],
    ['too-large', 'zh-CN'],
  ] as const)('a file error %s is its sentence in %s', (code, lang) => {
    expect(describeError(new XlsxError(code, 'internal detail at zip-read.ts:42'), lang)).toBe(paneStrings(lang).fileErrors[code]);
  });

  it('names what was looked for when no sheet is a ledger, from the xlsx layer or the pane', () => {
    const zh = '没有找到项目台账：没有一个工作表同时包含「项目名称」、「年度计划投资」。请检查表头，或在「识别的列」中指定。';
    expect(describeError(new NoLedgerError(['name', 'annualPlan']), 'zh-CN')).toBe(zh);
    expect(describeError(new NoLedgerFound(['name', 'annualPlan']), 'zh-CN')).toBe(zh);
    expect(describeError(new NoLedgerFound(['completedYtd', 'name']), 'en')).toBe(
      `No project ledger found: no sheet has ${messages('en').fields.completedYtd}, ${messages('en').fields.name}. Check the header, or pick the columns under “Columns found”.`,
    );
  });

  it('says an Excel error in the pane\'s language, whatever language the adapter used', () => {
    const e = new HostError('access-denied', hostMessage('access-denied', 'en'), 'AccessDenied');
    expect(describeError(e, 'zh-CN')).toBe(hostMessage('access-denied', 'zh-CN'));
  });

  it('works on the plain object a worker sends', () => {
    const shape = errorShape(new NoLedgerError(['name']));
    expect(shape).toEqual({ name: 'XlsxError', code: 'no-ledger-found', missing: ['name'] });
    const copy = JSON.parse(JSON.stringify(shape)) as unknown;
    expect(describeError(copy, 'zh-CN')).toBe('没有找到项目台账：没有一个工作表同时包含「项目名称」。请检查表头，或在「识别的列」中指定。');
  });

  it.each([
    new Error('Cannot read properties of undefined (reading \'x\')'),
    new TypeError('boom'),
    'a string',
    null,
    { code: 'SomethingElse', stack: 'Error: at foo (bar.js:1:2)' },
    new HostError('unknown', 'Excel reported an error (GeneralException)', 'GeneralException'),
  ])('anything else is the plain "went wrong" sentence, never its message or stack: %p', (e) => {
    expect(describeError(e, 'zh-CN')).toBe(paneStrings('zh-CN').unexpected);
  });
});

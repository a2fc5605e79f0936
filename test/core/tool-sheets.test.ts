import { pickToolSheetName, sheetOfReference, toolSheetsOf } from '../../src/core/tool-sheets';

describe('sheetOfReference', () => {
  it.each([
    ['=汇总!$B$2', '汇总'],
    ["='问题 清单'!$A$1", '问题 清单'],
    ["='It''s'!$A$1", "It's"],
    ['Summary!B2', 'Summary'],
    ['=1+1', null],
    ['#REF!', null],
  ])('%s → %s', (ref, sheet) => {
    expect(sheetOfReference(ref)).toBe(sheet);
  });
});

describe('toolSheetsOf', () => {
  it('keeps only sheets that an LC_ name points into', () => {
    const names = [
      { name: 'LC_TimeProgress', ref: '=汇总!$B$2' },
      { name: 'LC_IssueList', ref: "='问题清单'!$A$1" },
      { name: 'MyTotal', ref: '=Summary!$A$1' }, // the user's name: its sheet is not the tool's
    ];
    expect([...toolSheetsOf(names, 'LC_')].sort()).toEqual(['汇总', '问题清单'].sort());
  });
});

describe('pickToolSheetName', () => {
  it('uses the wanted name when no sheet has it', () => {
    expect(pickToolSheetName('汇总', ['台账'], new Set())).toBe('汇总');
  });
  it('reuses the name of the tool\'s own sheet from an earlier run', () => {
    expect(pickToolSheetName('汇总', ['台账', '汇总'], new Set(['汇总']))).toBe('汇总');
  });
  it('writes beside a user sheet of the same name (any case)', () => {
    expect(pickToolSheetName('Summary', ['summary'], new Set())).toBe('Summary（台账检查）');
    expect(pickToolSheetName('汇总', ['汇总', '汇总（台账检查）'], new Set())).toBe('汇总（台账检查）2');
  });
  it('keeps within Excel\'s 31 characters', () => {
    const long = 'x'.repeat(31);
    const got = pickToolSheetName(long, [long], new Set());
    expect(got.length).toBeLessThanOrEqual(31);
    expect(got.endsWith('（台账检查）')).toBe(true);
  });
});

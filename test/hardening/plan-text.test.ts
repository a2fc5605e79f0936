/**
 * Excel holds at most 32,767 characters in a cell or a note, and Office.js refuses more.
 * Messages quote the cells they are about, so a cell of 32,767 characters made the tool
 * write longer text into its issue list and notes. Everything the plan writes fits now.
 */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { buildCase } from '../../scripts/make-bad-files';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/types';
import { checkWorkbook } from '../../src/xlsx';

const settings: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-15' };
const MAX = 32767;

describe('cells of 32,767 characters (long-strings.xlsx)', () => {
  const checked = checkWorkbook(new Uint8Array(buildCase('long-strings.xlsx')), settings);

  it('still give their issues, whose messages quote them in full in the report', () => {
    // The two names alike, the trailing space and 约333… in a number column.
    const codes = checked.sheets[0].issues.map((i) => i.code).sort();
    expect(codes).toEqual(expect.arrayContaining(['duplicate-project', 'not-a-number', 'text-noise']));
    expect(Math.max(...checked.sheets[0].issues.map((i) => i.message.length))).toBeGreaterThan(MAX);
  });

  it('no cell or note of the plan holds more than 32,767 characters, and a cut one ends with …', () => {
    const texts: string[] = [];
    for (const plan of checked.plans) {
      for (const m of plan.marks) texts.push(m.note);
      for (const c of plan.cells) if (typeof c.value === 'string') texts.push(c.value);
      for (const s of plan.sheets) for (const c of s.cells) if (typeof c.value === 'string') texts.push(c.value);
    }
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(MAX);
    expect(texts.some((t) => t.length === MAX && t.endsWith('…'))).toBe(true);
  });

  it('no text in the annotated copy exceeds 32,767 characters', () => {
    const long: [string, number][] = [];
    for (const [name, data] of Object.entries(unzipSync(checked.output as Uint8Array))) {
      if (!/\.(xml|vml)$/.test(name)) continue;
      const parser = new SaxesParser();
      let text: string | null = null;
      parser.on('opentag', (t) => {
        if (['t', 'v', 'x:t'].includes(t.name)) text = '';
      });
      parser.on('text', (t) => {
        if (text !== null) text += t;
      });
      parser.on('closetag', () => {
        if (text !== null && text.length > MAX) long.push([name, text.length]);
        text = null;
      });
      parser.write(strFromU8(data)).close();
    }
    expect(long).toEqual([]);
  });
});

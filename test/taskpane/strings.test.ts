import { LANGS, type FileErrorCode } from '../../src/core/types';
import { paneStrings, type PaneStrings } from '../../src/taskpane/strings';

const FILE_CODES: FileErrorCode[] = ['unreadable-file', 'not-a-workbook', 'encrypted-workbook', 'no-ledger-found', 'too-large'];

/** Every entry as text: sentences called with sample arguments. */
function texts(t: PaneStrings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'function') out[k] = String((v as (...a: unknown[]) => string)('X', 'Y'));
    else for (const [k2, v2] of Object.entries(v as Record<string, string>)) out[`${k}.${k2}`] = v2;
  }
  return out;
}

describe('pane strings', () => {
  const zh = texts(paneStrings('zh-CN'));

  it.each(LANGS)('%s has every entry of zh-CN, none empty', (lang) => {
    const t = texts(paneStrings(lang));
    expect(Object.keys(t).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of Object.entries(t)) expect({ k, empty: v.trim() === '' }).toEqual({ k, empty: false });
  });

  it.each(LANGS)('%s has a sentence for every file error, ending as a sentence', (lang) => {
    const t = paneStrings(lang);
    for (const code of FILE_CODES) expect(t.fileErrors[code]).toMatch(/[。.]$/);
  });

  it('puts the figures into its sentences', () => {
    expect(paneStrings('zh-CN').checkDone(3)).toBe('检查完成，发现 3 个问题。');
    expect(paneStrings('zh-CN').checkDone(0)).toBe('检查完成，未发现问题。');
    expect(paneStrings('en').markDone(1)).toBe('1 faulty cell marked.');
    expect(paneStrings('en').markDone(2)).toBe('2 faulty cells marked.');
    expect(paneStrings('zh-TW').points('+4.2')).toBe('+4.2個百分點');
  });
});

/**
 * No source file under src/ over 300 lines without a sentence in its top comment saying why:
 * a line of that comment beginning `Over 300 lines because`. A long file is then a choice
 * someone wrote down, and a file that grows past the mark without one fails here.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'src');
const LIMIT = 300;
const SOURCE = /\.(ts|tsx|js|mjs|cjs|css)$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(full));
    else if (SOURCE.test(e.name)) out.push(full);
  }
  return out;
}

/** The file's first comment (`/* … *\/` or a run of `//` lines), ignoring a shebang and blank lines before it. */
function topComment(text: string): string {
  const s = text.replace(/^#![^\n]*\n/, '').trimStart();
  if (s.startsWith('/*')) {
    const end = s.indexOf('*/');
    return end < 0 ? '' : s.slice(0, end);
  }
  const lines: string[] = [];
  for (const line of s.split('\n')) {
    if (!line.trimStart().startsWith('//')) break;
    lines.push(line);
  }
  return lines.join('\n');
}

function saysWhyLong(text: string): boolean {
  return topComment(text).split('\n').some((line) => /^\s*(\/\*+|\*|\/\/)?\s*Over 300 lines because\b/.test(line));
}

const long = sourceFiles(SRC)
  .map((f) => ({ file: path.relative(ROOT, f), text: fs.readFileSync(f, 'utf8') }))
  .filter(({ text }) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0) > LIMIT);

test('the check reads a reason only from the top comment', () => {
  expect(saysWhyLong('/**\n * What it does.\n * Over 300 lines because one loop.\n */\ncode();\n')).toBe(true);
  expect(saysWhyLong('// What it does.\n// Over 300 lines because one loop.\ncode();\n')).toBe(true);
  expect(saysWhyLong('/** What it does. */\ncode();\n// Over 300 lines because one loop.\n')).toBe(false);
  expect(saysWhyLong('/** What it does, and it is over 300 lines because of one loop. */\n')).toBe(false);
});

test('there are long files to check (the walk finds src/)', () => {
  expect(long.length).toBeGreaterThan(0);
});

test.each(long.map(({ file, text }) => [file, text]))('%s, over 300 lines, says why at its top', (_file, text) => {
  expect(saysWhyLong(text)).toBe(true);
});

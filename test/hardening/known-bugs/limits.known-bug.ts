/**
 * Inputs that exhaust time or memory today (src/xlsx), run in a child process with a time
 * limit and a memory cap that a correct reader stays far below. Kept out of `npm test`;
 * run with  npx jest --testMatch '**\/known-bugs/*.known-bug.ts'
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { longComment } from '../../../scripts/make-bad-files';
import { CLI_TEXT } from '../../../src/cli/messages';
import { BAD_DIR, ROOT, ensureBuiltCli, lines, runChild, tempDir } from '../helpers';

const zh = CLI_TEXT['zh-CN'];

describe('limits the reader does not enforce yet', () => {
  beforeAll(() => ensureBuiltCli(), 120_000);

  it('a cell on row 200,000,000 (past Excel\'s 1,048,576) is refused, not looped over until memory runs out', () => {
    const file = path.join(BAD_DIR, 'row-beyond-excel.xlsx');
    const res = runChild(['check', file, '--out', path.join(tempDir('rows'), 'out')], { timeout: 60_000, maxOldSpaceMb: 1024 });
    expect(res.signal).toBeNull();
    expect(res.status).toBe(2);
    expect(lines(res.stderr)).toEqual([`${file}: ${zh.fileError['unreadable-file']}`]);
  });

  it('a sheet ending in a 96 MB comment is read in time linear in its size by the portable reader (the web page\'s)', () => {
    const dir = tempDir('comment');
    const file = path.join(dir, 'comment.xlsx');
    longComment(file, 96);
    // The command inflates a part at once with Node's zlib; the web page streams it through
    // fflate in 64 kB chunks, and today each chunk rescans the comment from its start.
    const script = `const { checkWorkbook } = require(${JSON.stringify(path.join(ROOT, 'lib', 'xlsx', 'check.js'))});
const { DEFAULT_SETTINGS } = require(${JSON.stringify(path.join(ROOT, 'lib', 'core', 'types.js'))});
checkWorkbook(new Uint8Array(require('fs').readFileSync(${JSON.stringify(file)})), { ...DEFAULT_SETTINGS, today: '2022-07-15' });`;
    const res = spawnSync(process.execPath, ['-e', script], { timeout: 30_000, encoding: 'utf8' });
    expect(res.signal).toBeNull();
    expect(res.status).toBe(0);
  }, 120_000);
});

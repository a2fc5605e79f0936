/**
 * Inputs that exhaust time or memory today (src/xlsx), run in a child process with a time
 * limit and a memory cap that a correct reader stays far below. Kept out of `npm test`;
 * run with  npx jest --testMatch '**\/known-bugs/*.known-bug.ts'
 */
import * as path from 'path';
import { longComment } from '../../../scripts/make-bad-files';
import { CLI_TEXT } from '../../../src/cli/messages';
import { BAD_DIR, ensureBuiltCli, lines, runChild, tempDir } from '../helpers';

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

  it('a sheet ending in a 96 MB comment is read in time linear in its size', () => {
    const dir = tempDir('comment');
    const file = path.join(dir, 'comment.xlsx');
    longComment(file, 96);
    // A linear reader gets through 96 MB in a few seconds; today each 64 kB chunk rescans the comment.
    const res = runChild(['check', file, '--out', path.join(dir, 'out')], { timeout: 30_000 });
    expect(res.signal).toBeNull();
    expect([0, 1]).toContain(res.status);
    expect(res.maxRssMb).toBeLessThan(1000);
  }, 120_000);
});

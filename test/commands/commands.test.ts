import { localDate, registerCommands, runCommand, settingsFor } from '../../src/commands/commands';
import type { CellValue, Grid } from '../../src/core/grid';
import { DEFAULT_SETTINGS, type WritePlan } from '../../src/core/types';
import type { LedgerHost, SavedSettings } from '../../src/taskpane/host';

const HEAD: CellValue[] = ['序号', '项目名称', '总投资', '年度计划', '1-6月完成'];

function grid(rows: CellValue[][], name = 'Sheet1'): Grid {
  return { name, values: rows, merges: [] };
}

/** A host that records what it was asked to write. */
function fakeHost(grids: Grid[], saved: SavedSettings | null = null) {
  const calls: { op: string; plans: WritePlan[] }[] = [];
  const host: LedgerHost = {
    kind: 'excel',
    readSheets: async () => grids,
    writeColumns: async (plans) => void calls.push({ op: 'columns', plans }),
    writeMarks: async (plans) => void calls.push({ op: 'marks', plans }),
    removeAll: async (plans) => void calls.push({ op: 'remove', plans }),
    selectCell: async () => undefined,
    loadSettings: async () => saved,
    saveSettings: async () => undefined,
    displayLanguage: () => 'zh-CN',
  };
  return { host, calls };
}

// 乙项目 has completed 60 against a total investment of 50: completed exceeds total.
const LEDGER = grid([HEAD, [1, '甲项目', 1000, 200, 100], [2, '乙项目', 50, 40, 60]]);

describe('runCommand', () => {
  it('检查台账 marks cells and writes nothing else', async () => {
    const { host, calls } = fakeHost([LEDGER]);
    const outcome = await runCommand('checkLedger', host, '2022-07-15');
    expect(calls.map((c) => c.op)).toEqual(['marks']);
    expect(calls[0].plans.map((p) => p.sheet)).toEqual(['Sheet1']);
    expect(outcome.ledgers).toBe(1);
    // The faulty figure is row 3 (0-based 2), column E (0-based 4).
    expect(calls[0].plans[0].marks.some((m) => m.r === 2 && m.c === 4)).toBe(true);
    expect(outcome.issues).toBeGreaterThanOrEqual(1);
  });

  it('填写计算列 writes the columns and no marks', async () => {
    const { host, calls } = fakeHost([LEDGER]);
    const outcome = await runCommand('fillColumns', host, '2022-07-15');
    expect(calls.map((c) => c.op)).toEqual(['columns']);
    expect(outcome.ledgers).toBe(1);
  });

  it('writes nothing when no sheet is a ledger', async () => {
    const { host, calls } = fakeHost([grid([['备忘'], ['明天开会']], 'Notes')]);
    expect(await runCommand('checkLedger', host, '2022-07-15')).toEqual({ ledgers: 0, issues: 0 });
    expect(calls).toEqual([]);
  });
});

describe('settingsFor', () => {
  it('takes saved settings first, then the host language, then the defaults', () => {
    const s = settingsFor({ lagAlert: 15, indicators: [{ name: 'x', expression: '1' }] }, 'zh-TW', '2024-03-01');
    expect(s).toEqual({ ...DEFAULT_SETTINGS, lagAlert: 15, lang: 'zh-TW', today: '2024-03-01' });
    expect(settingsFor({ lang: 'en' }, 'zh-TW', '2024-03-01').lang).toBe('en');
    expect(settingsFor(null, null, '2024-03-01').lang).toBe('zh-CN');
  });
});

describe('localDate', () => {
  it('formats the local date with zero padding', () => {
    expect(localDate(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
    expect(localDate(new Date(2023, 11, 31, 0, 0))).toBe('2023-12-31');
  });
});

describe('registerCommands', () => {
  const g = globalThis as unknown as { Office?: unknown };
  afterEach(() => {
    delete g.Office;
  });

  it('binds both manifest functions and completes the event even when the work fails', async () => {
    const bound = new Map<string, (event: { completed: () => void }) => Promise<void>>();
    g.Office = { actions: { associate: (name: string, fn: never) => bound.set(name, fn) } };
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    registerCommands(() => {
      throw new Error('no host');
    });
    expect([...bound.keys()]).toEqual(['checkLedger', 'fillColumns']);
    const completed = jest.fn();
    await bound.get('checkLedger')!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });

  it('runs the command on the host it is given', async () => {
    const bound = new Map<string, (event: { completed: () => void }) => Promise<void>>();
    g.Office = { actions: { associate: (name: string, fn: never) => bound.set(name, fn) } };
    const { host, calls } = fakeHost([LEDGER]);
    registerCommands(() => host, () => new Date(2022, 6, 15));
    const completed = jest.fn();
    await bound.get('fillColumns')!({ completed });
    expect(calls.map((c) => c.op)).toEqual(['columns']);
    expect(completed).toHaveBeenCalledTimes(1);
  });
});

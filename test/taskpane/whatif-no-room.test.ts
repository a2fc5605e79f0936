/**
 * The what-if tab's controller tells the pane when the indicator columns have no
 * room: on writing them (nothing claimed written) and on saving one. Real engine
 * and mathjs on this thread, over far-cell.xlsx (header A3:G3, tool columns H to M).
 */
import * as fs from 'fs';
import * as path from 'path';
import { settingsFor } from '../../src/commands/commands';
import type { Grid } from '../../src/core/grid';
import type { WritePlan } from '../../src/core/types';
import type { IndicatorDef } from '../../src/core/whatif/index';
import { GridEngine } from '../../src/taskpane/engine';
import type { LedgerHost, SavedSettings } from '../../src/taskpane/host';
import type { CheckResult } from '../../src/taskpane/model';
import type { PaneNotice } from '../../src/taskpane/no-room';
import { whatifStrings } from '../../src/taskpane/strings/whatif';
import { createWhatif } from '../../src/taskpane/whatif/whatif-controller';
import { IndicatorRunner } from '../../src/taskpane/whatif/whatif-indicators';
import { readWorkbook } from '../../src/xlsx';

// The worker's starter is an ES module for the bundler; here the runner evaluates on this thread.
jest.mock('../../src/taskpane/whatif/whatif-start-worker', () => ({ startIndicatorWorker: () => null }));

const FAR_CELL = path.join(__dirname, '..', 'fixtures', 'bad', 'far-cell.xlsx');
const settings = settingsFor(null, 'zh-CN', '2022-07-15');
const t = whatifStrings('zh-CN');

function grid(set: [number, number, number][]): Grid {
  const g = readWorkbook(new Uint8Array(fs.readFileSync(FAR_CELL))).sheets[0].grid;
  for (const [r, c, v] of set) (g.values[r] ??= [])[c] = v;
  return g;
}

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 2));
  expect(ok()).toBe(true);
}

async function setUp(g: Grid) {
  const host = { readSheets: async () => [g] } as unknown as LedgerHost;
  const engine = new GridEngine(host);
  const result: CheckResult = await engine.check(settings, () => undefined, true);
  let saved: SavedSettings = { indicators: [{ name: '两倍', expression: '2' }] };
  const writes: { make: () => Promise<WritePlan[]>; done: () => PaneNotice }[] = [];
  const notices: PaneNotice[] = [];
  const ctl = createWhatif({
    engine,
    hostKind: 'excel',
    lang: () => 'zh-CN',
    result: () => result,
    saved: () => saved,
    saveIndicators: async (list: IndicatorDef[]) => {
      saved = { ...saved, indicators: list };
    },
    write: (make, done) => writes.push({ make, done }),
    notify: (n) => notices.push(n),
    render: () => undefined,
    runner: new IndicatorRunner({ start: () => null, load: () => import('../../src/core/whatif/indicators') }),
  });
  ctl.show();
  ctl.act.enableIndicators();
  await until(() => ctl.state.indicatorValues !== null && !ctl.state.computing);
  return { ctl, result, writes, notices };
}

describe('indicator columns with and without room', () => {
  it('a value in N20, right after the rank key in M: computed columns written, indicators not', async () => {
    // Row 20 is 0-based 19, N is 0-based 13: the first indicator column would be N.
    const { ctl, result, writes, notices } = await setUp(grid([[19, 13, 5]]));
    expect(Object.keys(result.sheets[0].outputColumns).length).toBe(5);
    const sheet = result.sheets[0].sheet;

    ctl.act.writeIndicators();
    expect(writes.length).toBe(1);
    await writes[0].make();
    expect(writes[0].done()).toEqual({ kind: 'warning', lines: [t.indicatorNoRoom(sheet, 1)] });

    // Saving a second indicator says the same for both.
    ctl.state.drafts.indicatorName = '三倍';
    ctl.state.drafts.indicatorExpression = '3';
    ctl.act.addIndicator();
    await until(() => notices.length > 0);
    expect(notices).toEqual([{ kind: 'warning', lines: [t.indicatorNoRoom(sheet, 2)] }]);
  });

  it('with room (far-cell.xlsx as it is): the written sentence only, and no notice on saving', async () => {
    const { ctl, writes, notices } = await setUp(grid([]));
    ctl.act.writeIndicators();
    await writes[0].make();
    expect(writes[0].done()).toEqual({ kind: 'info', lines: [t.indicatorsWritten(1)] });

    ctl.state.drafts.indicatorName = '三倍';
    ctl.state.drafts.indicatorExpression = '3';
    ctl.act.addIndicator();
    await until(() => ctl.act.indicators().length === 2 && !ctl.state.computing && ctl.state.indicatorValues?.metas.length === 2);
    expect(notices).toEqual([]);
  });
});

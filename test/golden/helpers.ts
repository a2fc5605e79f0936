/** What the golden tests share: running a fixture through the engine, finding its rows. */
import { analyzeSheet, type SheetAnalysis } from '../../src/core/analyze';
import type { Grid } from '../../src/core/grid';
import { DEFAULT_SETTINGS, type Project, type Settings } from '../../src/core/types';
import type { Fixture } from '../fixtures/ledgers';
import { toGrid } from '../fixtures/to-grid';

export function settingsFor(f: Fixture): Settings {
  return { ...DEFAULT_SETTINGS, today: f.settings.today, ...(f.settings.asOf ? { asOf: f.settings.asOf } : {}) };
}

/** The fixture analysed; fails the test when the engine finds no ledger. */
export function analyzeFixture(f: Fixture, grid: Grid = toGrid(f)): SheetAnalysis {
  const result = analyzeSheet(grid, settingsFor(f));
  if (!result.ok) throw new Error(`${f.name}: no ledger found (${result.noLedger.reason}: ${result.noLedger.missing.join(', ')})`);
  return result;
}

/** The project on a 1-based sheet row. */
export function projectAt(a: SheetAnalysis, row: number): Project | undefined {
  return a.ledger.projects.find((p) => p.r === row - 1);
}

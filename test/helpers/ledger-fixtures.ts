/** Hand-built grids, headers and settings for the ledger tests. */
import type { CellValue, Grid, Range } from '../../src/core/grid';
import { DEFAULT_SETTINGS, type Field, type HeaderInfo, type Settings } from '../../src/core/types';

export function ledgerGrid(rows: (CellValue | undefined)[][], extra: Partial<Grid> = {}): Grid {
  return { name: 'Sheet1', values: rows, ...extra };
}

export function merge(r0: number, c0: number, r1: number, c1: number): Range {
  return { r0, c0, r1, c1 };
}

/** A header as the header finder would report it; one header row unless told. */
export function ledgerHeader(columns: Partial<Record<Field, number>>, extra: Partial<HeaderInfo> = {}): HeaderInfo {
  const rows = extra.rows ?? [0];
  return {
    rows,
    dataStart: rows[rows.length - 1] + 1,
    columns,
    labels: [],
    unit: '万元',
    unitText: null,
    columnUnits: {},
    ratePercentNumbers: false,
    asOf: null,
    title: [],
    ownColumns: [],
    confidence: 1,
    ...extra,
  };
}

export function ledgerSettings(extra: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, today: '2022-07-15', ...extra };
}

import type { CellValue, Grid } from '../src/core/grid';

export declare const HEADER: readonly string[];
export declare const HEADER_ROWS: number;
export declare const SHEET_NAME: string;
export declare const DATE_FORMAT: string;
export declare const DEFAULT_SEED: number;
export declare const COUNTIES: readonly (readonly [name: string, division: string])[];

/** A ledger of `rows` projects (title, unit line, header, then projects) as the xlsx reader gives it. */
export declare function generateGrid(rows: number, seed?: number): Grid & { numFmts: Map<number, string> };

/** The same ledger written as an .xlsx; returns its size in bytes. */
export declare function writeXlsx(rows: number, file: string, seed?: number): number;

/** Calls `onRow` with every sheet row of the ledger, in order, without keeping them. */
export declare function eachLedgerRow(rows: number, seed: number | undefined, onRow: (cells: CellValue[], r: number) => void): void;

import type { FileErrorCode } from '../src/core/types';

export interface BadCase {
  file: string;
  what: string;
  /** The file error a reviewer must get, or `checks` when the file is a ledger to check. */
  code?: FileErrorCode;
  checks?: true;
  /** Set when the case fails today (see docs/hardening.md). */
  knownBug?: string;
  build(): Buffer;
}

export declare const CASES: readonly BadCase[];
export declare const LEDGER_ROWS: readonly (readonly unknown[])[];
export declare function buildCase(file: string): Buffer;
export declare function writeCorpus(dir: string): string[];
export declare function zipBomb(file: string, options: { megabytes: number; declared?: number }): { bytes: number; inflated: number };
export declare function spacesSheet(file: string, options: { megabytes: number; layout?: 'inside' | 'after' | 'empty' }): { bytes: number; inflated: number };
export declare function manySharedStrings(file: string, count: number, options?: { declare?: boolean }): { bytes: number; xml: number };
export declare function longComment(file: string, megabytes: number): { bytes: number };
export declare function manyCells(file: string, cells: number): { bytes: number };
export declare function spacesDeflate(prefix: string, runs: number, suffix: string): Buffer;
export declare function zip(entries: object[]): Buffer;

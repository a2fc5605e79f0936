/**
 * Whether the tool's columns could be written, as a notice: a sheet that reaches
 * Excel's last column (XFD) with no free columns right of the header gets no
 * computed columns, and no indicator columns either. Plain data, no DOM.
 */
import type { Lang, SheetReport } from '../core/types';
import type { WhatifReport } from '../core/whatif/index';
import { paneStrings } from './strings';
import { whatifStrings } from './strings/whatif';

/** What the notice line shows: a sentence per line; `warning` when something was not written. */
export interface PaneNotice {
  kind: 'info' | 'warning';
  lines: string[];
}

/** Sheets whose plan has no computed columns: the report names no output column for them. */
export function sheetsWithoutRoom(sheets: readonly Pick<SheetReport, 'sheet' | 'outputColumns'>[]): string[] {
  return sheets.filter((s) => Object.keys(s.outputColumns).length === 0).map((s) => s.sheet);
}

/** Sheets with no column for any of `count` indicators (the report names none there). */
export function sheetsWithoutIndicatorRoom(report: WhatifReport | null, count: number): string[] {
  if (!report || count === 0) return [];
  const out: string[] = [];
  for (const f of report.files) {
    for (const s of f.sheets) if (Object.keys(s.whatif.indicatorColumns).length === 0) out.push(s.sheet);
  }
  return out;
}

/** The sentence of a finished step, then one per sheet left without the tool's columns. */
export function withNoRoom(done: string | null, missing: readonly string[], say: (sheet: string) => string): PaneNotice {
  const lines = done === null ? [] : [done];
  for (const s of missing) lines.push(say(s));
  return { kind: missing.length ? 'warning' : 'info', lines };
}

/** After a check or 填写计算列: `done`, and the sheets that get no computed columns. */
export function columnsNotice(done: string, sheets: readonly Pick<SheetReport, 'sheet' | 'outputColumns'>[], lang: Lang): PaneNotice {
  return withNoRoom(done, sheetsWithoutRoom(sheets), paneStrings(lang).noRoom);
}

/**
 * After the indicators were written (or saved: `written` null): how many columns went
 * in, and the sheets that have none. Nothing is claimed written when no sheet had room.
 */
export function indicatorsNotice(report: WhatifReport | null, count: number, written: boolean, lang: Lang): PaneNotice {
  const t = whatifStrings(lang);
  const missing = sheetsWithoutIndicatorRoom(report, count);
  const sheets = report ? report.files.reduce((n, f) => n + f.sheets.length, 0) : 0;
  const done = written && missing.length < Math.max(sheets, 1) ? t.indicatorsWritten(count) : null;
  return withNoRoom(done, missing, (s) => t.indicatorNoRoom(s, count));
}

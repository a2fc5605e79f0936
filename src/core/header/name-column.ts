/**
 * The name column read from the headers and the data together. A column headed literally
 * 项目名称 is the name when its cells name the rows; otherwise (`工程名称`, `子项目名称`,
 * `标段名称`, `合同名称`, a 项目名称 that repeats the parent project over its parts) the
 * name is the text column that holds one distinct value a row. A column the header
 * reads as another field (建设内容, 形象进度, 责任单位…) is never the name, however
 * distinct its text. Reads a sample of rows.
 */
import type { Grid } from '../grid';
import { figureOf } from '../plain-number';
import type { ColumnChoice, Field } from '../types';
import { headerKey } from './synonyms';

/** Rows read: enough to tell, few enough to stay fast on 100k rows. */
const SAMPLE_ROWS = 400;
/** A reading this close to the runner-up is a close call. */
const CLOSE = 0.25;
/** Below this share of text cells a column holds figures or codes, not names. */
const MIN_TEXT = 0.6;
/** A column with fewer filled cells than this says nothing. */
const MIN_FILLED = 2;

/** How literally the header says "the row's name". */
const LITERAL = /^(?:项目名称|项目名|建设项目名称|projectname)$/;
/** A header ending in 名称 / 名: what is named is the row (工程名称, 标段名称, 合同名称, 子项目名称). */
const NAME_WORD = /(?:名称|名)$/;
/** Nouns that name a row of a ledger (项目, 工程, 标段, 合同, 子项). */
const ROW_NOUN = /项目|工程|标段|合同|子项|单项|课题|企业/;

export interface NameContender {
  c: number;
  /** From the header: 1 for a literal 项目名称, less for `XX名称`, least for a column the header does not name. */
  prior: number;
  /** What the header said, for the evidence (`header:项目名称`, `header:…名称`). */
  why: string;
}

/** The header's say on whether a column is the name column (null: it is not a candidate). */
export function nameHeaderPrior(levels: readonly string[]): { prior: number; why: string } | null {
  if (levels.length === 0) return null;
  const path = levels.map((l) => headerKey(l).key).join('');
  if (!path) return null;
  if (LITERAL.test(path)) return { prior: 1, why: 'header:literal' };
  if (NAME_WORD.test(path)) return ROW_NOUN.test(path) ? { prior: 0.8, why: 'header:row-noun' } : { prior: 0.5, why: 'header:name-word' };
  if (path === '项目' || path === 'project' || path === 'name') return { prior: 0.5, why: 'header:short' };
  return null;
}

interface TextStats {
  filled: number;
  text: number;
  distinct: number;
}

function textStats(grid: Grid, c: number, from: number): TextStats {
  const to = Math.min(grid.values.length, from + SAMPLE_ROWS);
  const seen = new Set<string>();
  let filled = 0;
  let text = 0;
  for (let r = from; r < to; r++) {
    const v = grid.values[r]?.[c];
    if (v === null || v === undefined) continue;
    const s = typeof v === 'string' ? v.trim() : String(v);
    if (s === '') continue;
    filled++;
    // A name is words: not a figure, not a lone mark or number.
    if (typeof v === 'string' && figureOf(v) === null && s.length >= 2) {
      text++;
      seen.add(s.replace(/\s+/g, ''));
    }
  }
  return { filled, text, distinct: seen.size };
}

/**
 * Picks the name column among the contenders by their text: the share of cells that are
 * words, the share of distinct values among them (one a row), the share of rows filled.
 * Returns null when no contender holds names.
 */
export function chooseName(grid: Grid, dataStart: number, contenders: readonly NameContender[]): ColumnChoice | null {
  const scored: { column: number; score: number; checks: string[] }[] = [];
  const rows = Math.max(0, Math.min(grid.values.length, dataStart + SAMPLE_ROWS) - dataStart);
  for (const k of contenders) {
    const st = textStats(grid, k.c, dataStart);
    if (st.filled < MIN_FILLED || st.text / st.filled < MIN_TEXT) continue;
    const textShare = st.text / st.filled;
    const distinct = st.text ? st.distinct / st.text : 0;
    const fill = rows ? st.filled / rows : 0;
    const score = k.prior + 2 * distinct + 0.5 * fill + 0.5 * textShare;
    scored.push({
      column: k.c,
      score: Math.round(score * 100) / 100,
      checks: [k.why, `text:${Math.round(textShare * 100)}%`, `distinct:${Math.round(distinct * 100)}%`, `filled:${Math.round(fill * 100)}%`],
    });
  }
  if (scored.length === 0) return null;
  scored.sort((a, b) => b.score - a.score || a.column - b.column);
  const [best, second] = scored;
  return {
    column: best.column,
    source: 'evidence',
    candidates: scored,
    ambiguous: second !== undefined && best.score - second.score < CLOSE,
  };
}

/**
 * The name column of a header reading, checked against the data: the contenders are the
 * column read as the name and every column no other field took whose header names a row
 * (`…名称`). Changes `columns.name` when the data says another contender names the rows;
 * returns the choice, or null when the header's reading stands unweighed (a literal
 * 项目名称 alone, or no contender at all).
 */
export function checkNameColumn(
  grid: Grid,
  dataStart: number,
  levels: readonly string[][],
  columns: Partial<Record<Field, number>>,
  exclude: readonly number[],
): ColumnChoice | null {
  const taken = new Map<number, Field>();
  for (const [f, c] of Object.entries(columns) as [Field, number][]) taken.set(c, f);
  const skip = new Set(exclude);
  const contenders: NameContender[] = [];
  levels.forEach((lv, c) => {
    if (skip.has(c)) return;
    const held = taken.get(c);
    if (held !== undefined && held !== 'name') return;
    const p = nameHeaderPrior(lv);
    if (p) contenders.push({ c, ...p });
    else if (held === 'name') contenders.push({ c, prior: 0.3, why: 'header:synonym' });
  });
  if (contenders.length === 0) return null;
  const literal = contenders.filter((k) => k.prior >= 1);
  if (contenders.length === 1 && literal.length === 1 && columns.name === literal[0].c) return null;
  const choice = chooseName(grid, dataStart, contenders);
  if (!choice) return null;
  columns.name = choice.column;
  return choice;
}

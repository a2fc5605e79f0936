/**
 * The ledger template the city sends out (`ledger template`), as data: the layout (title, unit
 * line, the standard header of domain.md §2, a block of input rows per county closed by a 小计
 * row, a 合计 row), the formulas of the sums and of the completion rate, and the input rules
 * (data validations) each input column carries. Pure: the package layer writes it.
 */
import { colLetter } from './grid';
import { TEMPLATE_TEXT, type TemplateText } from '../i18n/template';
import type { Lang } from './types';

export type TemplateKey =
  | 'index' | 'name' | 'code' | 'group' | 'unit' | 'nature' | 'start' | 'finish'
  | 'total' | 'annualPlan' | 'month' | 'ytd' | 'rate' | 'status' | 'progress' | 'problems' | 'remarks';

/** Column order of the standard template. */
export const TEMPLATE_KEYS: readonly TemplateKey[] = [
  'index', 'name', 'code', 'group', 'unit', 'nature', 'start', 'finish',
  'total', 'annualPlan', 'month', 'ytd', 'rate', 'status', 'progress', 'problems', 'remarks',
];
const AMOUNTS: readonly TemplateKey[] = ['total', 'annualPlan', 'month', 'ytd'];
const DATES: readonly TemplateKey[] = ['start', 'finish'];

export type TemplateStyle = 'title' | 'unit' | 'header' | 'input' | 'inputDate' | 'label' | 'formula' | 'formulaRate';

export type TemplateCell =
  | { kind: 'text'; text: string; style: TemplateStyle }
  | { kind: 'formula'; formula: string; style: TemplateStyle }
  | { kind: 'input'; style: TemplateStyle };

export type TemplateRowKind = 'title' | 'unit' | 'header' | 'input' | 'subtotal' | 'total';

export interface TemplateRow {
  kind: TemplateRowKind;
  cells: (TemplateCell | null)[];
}

/** One `<dataValidation>`, in the terms of the OOXML element. */
export interface InputRule {
  key: TemplateKey;
  type: 'decimal' | 'whole' | 'list' | 'date' | 'custom';
  operator?: 'between' | 'greaterThanOrEqual';
  formula1: string;
  formula2?: string;
  /** Space-separated A1 ranges (the `sqref`). */
  sqref: string;
  errorStyle: 'stop' | 'warning';
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

/** A conditional fill on the completion rate: `level` alert (red) or warn (yellow). */
export interface LagFill {
  sqref: string;
  formula: string;
  level: 'warn' | 'alert';
}

export interface TemplateOptions {
  /** YYYY-MM-DD: the period the title names and the time progress the fills compare with. */
  asOf: string;
  groups: string[];
  lang: Lang;
  /** Empty input rows per county (or in all when no county is given). */
  rowsPerGroup?: number;
  /** Largest amount in 万元 an input cell takes: a figure above it was most likely typed in 元. */
  maxAmount?: number;
  /** Years a date may fall in, first and last (defaults: five years either side of the as-of year). */
  dateYears?: [number, number];
  /** Points behind time progress for the yellow and the red fill. */
  lagWarn?: number;
  lagAlert?: number;
}

export interface TemplateSpec {
  sheetName: string;
  rows: TemplateRow[];
  /** Merged ranges (the title and the unit line across the header). */
  merges: string[];
  /** Row index (0-based) of the header. */
  headerRow: number;
  columns: readonly TemplateKey[];
  rules: InputRule[];
  fills: LagFill[];
  /** The hidden sheet with lists too long for a rule's own text (255 characters), or null. */
  listSheet: { name: string; columns: string[][] } | null;
}

export const DEFAULT_MAX_AMOUNT = 5_000_000;
/** The prompt titles of the tool's rules in every language: how a later run knows its own rules. */
export const TEMPLATE_PROMPT_TITLES: readonly string[] = Object.values(TEMPLATE_TEXT).map((t) => t.promptTitle);
export const DEFAULT_ROWS_PER_GROUP = 10;
/** Excel refuses a list typed in the rule itself longer than this. */
const LIST_TEXT_LIMIT = 255;

/** An Excel serial (1900 system) of a day after 1900-03-01. */
export function dateSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * The custom rule for the national project code (`YYYY-AAAAAA-II-TT-NNNNNX`, the shape
 * `invalid-project-code` tests), for the cell `ref`; a blank cell is let through by the rule's
 * allowBlank. 24 characters with dashes at 5, 12, 15 and 18; the text without dashes is
 * nineteen digits and the last character, so there are exactly those four dashes; the last is a
 * digit or a capital letter. A group is all digits when its value zero-padded by TEXT gives the
 * group back: a sign, a point, an exponent or a space never survives that round trip. Kept
 * under the 255 characters Excel takes in a rule.
 */
export function codeFormula(ref: string): string {
  const bare = `SUBSTITUTE(${ref},"-","")`;
  return `AND(LEN(${ref})=24,`
    + `MID(${ref},5,1)&MID(${ref},12,1)&MID(${ref},15,1)&MID(${ref},18,1)="----",`
    + `TEXT(--LEFT(${bare},15),REPT(0,15))&TEXT(--MID(${ref},20,4),"0000")&RIGHT(${ref})=${bare},`
    + `ISNUMBER(FIND(RIGHT(${ref}),"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")))`;
}

function asOfParts(asOf: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(asOf);
  if (!m) throw new Error(`as-of date ${asOf} is not YYYY-MM-DD`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

function headerText(t: TemplateText, key: TemplateKey, month: number): string {
  const h = t.headers;
  if (key === 'month') return h.month(month);
  if (key === 'ytd') return h.ytd(month);
  return h[key];
}

/** The template for `opts`: layout, formulas, input rules and fills. */
export function buildTemplate(opts: TemplateOptions): TemplateSpec {
  const t = TEMPLATE_TEXT[opts.lang];
  const { year, month } = asOfParts(opts.asOf);
  const perGroup = opts.rowsPerGroup ?? DEFAULT_ROWS_PER_GROUP;
  const maxAmount = opts.maxAmount ?? DEFAULT_MAX_AMOUNT;
  const [fromYear, toYear] = opts.dateYears ?? [year - 5, year + 5];
  const cols = TEMPLATE_KEYS;
  const col = (k: TemplateKey): string => colLetter(cols.indexOf(k));
  const last = colLetter(cols.length - 1);
  const width = cols.length;
  const rows: TemplateRow[] = [];
  const line = (kind: TemplateRowKind, text: string, style: TemplateStyle): void => {
    const cells: (TemplateCell | null)[] = new Array(width).fill(null);
    cells[0] = { kind: 'text', text, style };
    rows.push({ kind, cells });
  };
  line('title', t.title(year, month), 'title');
  line('unit', t.unitLine, 'unit');
  rows.push({ kind: 'header', cells: cols.map((k) => ({ kind: 'text', text: headerText(t, k, month), style: 'header' })) });
  const headerRow = rows.length - 1;

  const rate = (r: number): TemplateCell => ({
    kind: 'formula',
    formula: `IF(N(${col('annualPlan')}${r})>0,N(${col('ytd')}${r})/${col('annualPlan')}${r},"")`,
    style: 'formulaRate',
  });
  const inputRanges: Array<[number, number]> = [];
  const subtotalRows: number[] = [];
  const blocks = opts.groups.length ? opts.groups : [null];
  for (const g of blocks) {
    const first = rows.length + 1;
    for (let i = 0; i < perGroup; i++) {
      const r = rows.length + 1;
      rows.push({
        kind: 'input',
        cells: cols.map((k) => (k === 'rate' ? rate(r) : { kind: 'input', style: DATES.includes(k) ? 'inputDate' : 'input' })),
      });
    }
    const lastInput = rows.length;
    inputRanges.push([first, lastInput]);
    if (g === null) continue;
    const r = rows.length + 1;
    subtotalRows.push(r);
    rows.push({ kind: 'subtotal', cells: sumRow(cols, t.subtotal(g), (k) => `SUM(${col(k)}${first}:${col(k)}${lastInput})`, rate(r)) });
  }
  const totalRow = rows.length + 1;
  const totalOf = (k: TemplateKey): string => (subtotalRows.length
    ? subtotalRows.map((r) => `${col(k)}${r}`).join('+')
    : `SUM(${col(k)}${inputRanges[0][0]}:${col(k)}${inputRanges[0][1]})`);
  rows.push({ kind: 'total', cells: sumRow(cols, t.total, totalOf, rate(totalRow)) });

  const sqref = (k: TemplateKey): string => inputRanges.map(([a, b]) => `${col(k)}${a}:${col(k)}${b}`).join(' ');
  const listColumns: string[][] = [];
  const listSheetName = t.listSheet;
  const rules = inputRules(RULE_KEYS.map((k) => ({ key: k, sqref: sqref(k) })), {
    lang: opts.lang, maxAmount, dateYears: [fromYear, toYear], groups: opts.groups,
    longList: (items) => {
      listColumns.push(items);
      const c = colLetter(listColumns.length - 1);
      return `'${listSheetName}'!$${c}$1:$${c}$${items.length}`;
    },
  });

  // The fills compare the rate with the time progress at the end of the as-of month (domain.md §4).
  const rateCol = col('rate');
  const top = `${rateCol}${inputRanges[0][0]}`;
  const fillRef = `${rateCol}${inputRanges[0][0]}:${rateCol}${totalRow}`;
  const progress = month / 12;
  const behind = (points: number): string => `AND(ISNUMBER(${top}),(${top}-${progress})*100<-${points})`;
  const fills: LagFill[] = [
    { sqref: fillRef, formula: behind(opts.lagAlert ?? 10), level: 'alert' },
    { sqref: fillRef, formula: behind(opts.lagWarn ?? 0), level: 'warn' },
  ];
  return {
    sheetName: opts.lang === 'en' ? 'Ledger' : opts.lang === 'zh-TW' ? '台賬' : '台账',
    rows, headerRow, columns: cols, rules, fills,
    merges: [`A1:${last}1`, `A2:${last}2`],
    listSheet: listColumns.length ? { name: listSheetName, columns: listColumns } : null,
  };
}

/** The input columns with a rule, in the order the rules are written. */
const RULE_KEYS: readonly TemplateKey[] = ['index', 'code', 'group', 'nature', 'status', ...DATES, ...AMOUNTS];

export interface RuleContext {
  lang: Lang;
  /** Largest amount an input cell takes, in the column's own unit. */
  maxAmount: number;
  dateYears: [number, number];
  /** The list of 县（市、区）; no rule when empty. */
  groups: string[];
  /**
   * Where a list too long for the rule's own text lives (a range of a list sheet), or null to
   * leave that column without a rule.
   */
  longList: (items: string[]) => string | null;
  /** The 是否开工 items when the sheet answers in other words than the template's (是 / 否). */
  statuses?: string[];
}

/**
 * The input rules for columns given by key and range: the one rule set behind the template,
 * the add-in's and the web page's 添加输入检查. A custom rule's formula is written for the
 * top-left cell of its first range, as Excel reads a `<dataValidation>`.
 */
export function inputRules(columns: readonly { key: TemplateKey; sqref: string }[], ctx: RuleContext): InputRule[] {
  const t = TEMPLATE_TEXT[ctx.lang];
  const base = { promptTitle: t.promptTitle, errorTitle: t.errorTitle, errorStyle: 'stop' as const };
  const [fromYear, toYear] = ctx.dateYears;
  const rules: InputRule[] = [];
  const list = (key: TemplateKey, sqref: string, items: string[]): void => {
    if (!items.length) return;
    const joined = items.join(',');
    let formula1: string | null;
    if (joined.length + 2 <= LIST_TEXT_LIMIT && !items.some((s) => s.includes(',') || s.includes('"'))) formula1 = `"${joined}"`;
    else formula1 = ctx.longList(items);
    if (formula1 === null) return;
    rules.push({ ...base, key, type: 'list', formula1, sqref, prompt: t.prompt.list(items.length > 8 ? `${items.slice(0, 8).join('、')}…` : items.join('、')), error: t.error.list });
  };
  for (const { key, sqref } of columns) {
    if (!sqref) continue;
    const first = sqref.split(/[ :]/)[0];
    if (key === 'index') rules.push({ ...base, key, type: 'whole', operator: 'greaterThanOrEqual', formula1: '1', sqref, prompt: t.prompt.index, error: t.error.index });
    else if (key === 'code') rules.push({ ...base, key, type: 'custom', formula1: codeFormula(first), sqref, prompt: t.prompt.code, error: t.error.code });
    else if (key === 'group') list(key, sqref, ctx.groups);
    else if (key === 'nature') list(key, sqref, t.natures);
    else if (key === 'status') list(key, sqref, ctx.statuses ?? t.statuses);
    else if (DATES.includes(key)) {
      rules.push({
        ...base, key, type: 'date', operator: 'between', formula1: String(dateSerial(fromYear, 1, 1)), formula2: String(dateSerial(toYear, 12, 31)),
        sqref, prompt: t.prompt.date(fromYear, toYear), error: t.error.date(fromYear, toYear),
      });
    } else if (AMOUNTS.includes(key)) {
      rules.push({ ...base, key, type: 'decimal', operator: 'between', formula1: '0', formula2: String(ctx.maxAmount), sqref, prompt: t.prompt.amount(ctx.maxAmount), error: t.error.amount(ctx.maxAmount) });
    }
  }
  return rules;
}

function sumRow(cols: readonly TemplateKey[], label: string, sum: (k: TemplateKey) => string, rate: TemplateCell): (TemplateCell | null)[] {
  return cols.map((k): TemplateCell | null => {
    if (k === 'name') return { kind: 'text', text: label, style: 'label' };
    if (k === 'rate') return rate;
    if (AMOUNTS.includes(k)) return { kind: 'formula', formula: sum(k), style: 'formula' };
    return null;
  });
}

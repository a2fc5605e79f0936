/**
 * Several counties' ledgers → one city ledger (全市台账) as a grid: a 县（市、区） column, the
 * fields the sources have in the tool's field order, a 来源 column (`file!sheet!row`), each
 * county's projects in a block closed by a 小计 row of SUM formulas, and a 合计 row summing
 * the 小计 rows. Amounts are the projects' own figures, already in 万元 whatever the source's
 * unit, so a 亿元 file is converted here once. The grid is then analysed like any ledger,
 * so its computed columns, 汇总 and ranks come from the same code as `check`.
 */
import type { SheetAnalysis } from './analyze';
import { cellAt, cellKey, colLetter, isDateFormat, type CellValue, type Grid } from './grid';
import { AMOUNT_FIELDS, FIELDS, type Field, type Lang, type Project, type Unit } from './types';
import { messages } from '../i18n/index';

export interface MergeSource {
  /** The file's name as it is shown in 来源 (`阳谷县.xlsx`). */
  file: string;
  analysis: SheetAnalysis;
}

/** A source whose amounts were not in 万元 and were converted. */
export interface MergeConversion {
  file: string;
  sheet: string;
  from: Unit;
  to: '万元';
}

export interface MergeCounty {
  name: string;
  /** 0-based rows of its first and last project, and of its 小计 row. */
  from: number;
  to: number;
  subtotalRow: number;
  projects: number;
}

export interface MergedLedger {
  grid: Grid;
  /** Field → 0-based column of the merged sheet (the analysis is told these). */
  columns: Partial<Record<Field, number>>;
  sourceColumn: number;
  counties: MergeCounty[];
  totalRow: number;
  /** The 小计 and 合计 rows (0-based), written bold. */
  boldRows: Set<number>;
  conversions: MergeConversion[];
  /** Per merged project row: where it came from. */
  sources: { r: number; file: string; sheet: string; row: number }[];
}

export const MERGED_SHEET = '全市台账';

/** Labels of the merged sheet's own rows and columns per language. */
const LABELS: Record<Lang, { title: string; unit: string; source: string; subtotal: string; total: string }> = {
  'zh-CN': { title: '全市重点项目台账', unit: '单位：万元', source: '来源', subtotal: '小计', total: '合计' },
  'zh-TW': { title: '全市重點項目台賬', unit: '單位：萬元', source: '來源', subtotal: '小計', total: '合計' },
  en: { title: 'City key projects ledger', unit: 'Unit: 万元 (10,000 yuan)', source: 'Source', subtotal: '小计', total: '合计' },
};

/**
 * Fields carried over: those a source has, minus the ones the merged sheet makes itself. A
 * typed rate (reportedRate) is carried as the fraction the source was read as, whether it
 * was typed 22.5, 0.225 or "22.5%", shown as a percentage: the merged check then compares it
 * with the computed rate as the county's own check does.
 */
const SKIPPED: ReadonlySet<Field> = new Set<Field>(['index', 'group']);
const AMOUNTS: ReadonlySet<Field> = new Set(AMOUNT_FIELDS);
const DATES: ReadonlySet<Field> = new Set<Field>(['startDate', 'finishDate']);

/** Amounts in 万元 as ledgers show them. */
export const AMOUNT_FORMAT = '#,##0.00';
/** A date to the day; a source that shows only the month keeps showing the month. */
export const DATE_FORMAT = 'yyyy-mm-dd';
export const MONTH_FORMAT = 'yyyy"年"m"月"';
export const RATE_FORMAT = '0.00%';

/**
 * The format a source's date serial is written with: only a number the source shows as a
 * date is one (a bare 2022 or 20220601 is read by the date parser as written, and stays so).
 */
function dateFormatOf(source: string | undefined): string | undefined {
  if (!isDateFormat(source)) return undefined;
  const bare = (source as string).replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /d/i.test(bare) ? DATE_FORMAT : MONTH_FORMAT;
}

function amountOf(p: Project, f: Field): number | null {
  return (p as unknown as Record<string, number | null>)[f] ?? null;
}

/** The file's name without folder and extension: the county when a ledger names none. */
export function fileStem(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.(xlsx|xlsm|xls)$/i, '');
}

/** The project's county: its group, else the file's name. */
function countyOf(p: Project, source: MergeSource): string {
  if (source.analysis.ledger.groupSource === 'none' || p.group.trim() === '') return fileStem(source.file);
  return p.group;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * The title names the period (`截至2022年6月30日`) in the form the as-of reader takes, so the
 * city workbook, checked again on its own, is measured at the sources' date, not today's.
 */
function titleOf(lang: Lang, asOf: string): string {
  const [y, m, d] = asOf.split('-').map(Number);
  const title = LABELS[lang].title;
  return lang === 'en' ? `${title} (as of ${asOf})` : `${title}（截至${y}年${m}月${d}日）`;
}

/** `asOf` (YYYY-MM-DD): the period the merged ledger is measured at, named in its title. */
export function mergeLedgers(sources: readonly MergeSource[], lang: Lang, asOf: string): MergedLedger {
  const labels = LABELS[lang];
  const names = messages(lang).fields;
  const present = new Set<Field>();
  for (const s of sources) for (const f of Object.keys(s.analysis.header.columns) as Field[]) present.add(f);
  present.add('name');
  const fields = FIELDS.filter((f) => present.has(f) && !SKIPPED.has(f));
  const columns: Partial<Record<Field, number>> = { group: 0 };
  fields.forEach((f, i) => { columns[f] = i + 1; });
  const sourceColumn = fields.length + 1;
  const nameCol = columns.name as number;

  const values: (CellValue | undefined)[][] = [];
  const formulas = new Map<number, string>();
  const numFmts = new Map<number, string>();
  const boldRows = new Set<number>([2]);
  values.push([titleOf(lang, asOf)]);
  values.push([labels.unit]);
  values.push([names.group, ...fields.map((f) => names[f]), labels.source]);

  // Counties in the order they first appear; a county in two files is one block.
  const byCounty = new Map<string, { p: Project; s: MergeSource }[]>();
  const conversions: MergeConversion[] = [];
  for (const s of sources) {
    const h = s.analysis.header;
    const units = new Set<Unit>([h.unit, ...Object.values(h.columnUnits)]);
    for (const u of units) if (u !== '万元') conversions.push({ file: s.file, sheet: s.analysis.ledger.sheet, from: u, to: '万元' });
    for (const p of s.analysis.ledger.projects) {
      const county = countyOf(p, s);
      const list = byCounty.get(county) ?? [];
      list.push({ p, s });
      byCounty.set(county, list);
    }
  }

  const counties: MergeCounty[] = [];
  const rowSources: MergedLedger['sources'] = [];
  const amountCols = fields.filter((f) => AMOUNTS.has(f)).map((f) => columns[f] as number);
  for (const [county, list] of byCounty) {
    const from = values.length;
    const sums = new Map<number, number>();
    for (const { p, s } of list) {
      const r = values.length;
      const row: CellValue[] = [county];
      for (const f of fields) {
        if (f === 'reportedRate') {
          row.push(p.reportedRate === null ? null : round(p.reportedRate));
          if (p.reportedRate !== null) numFmts.set(cellKey(r, columns[f] as number), RATE_FORMAT);
        } else if (AMOUNTS.has(f)) {
          const v = amountOf(p, f);
          row.push(v === null ? null : round(v));
          if (v !== null) {
            sums.set(columns[f] as number, (sums.get(columns[f] as number) ?? 0) + v);
            numFmts.set(cellKey(r, columns[f] as number), AMOUNT_FORMAT);
          }
        } else {
          const c = s.analysis.header.columns[f];
          const v = c === undefined ? null : cellAt(s.analysis.grid, p.r, c);
          row.push(v);
          const fmt = DATES.has(f) && typeof v === 'number' && c !== undefined ? dateFormatOf(s.analysis.grid.numFmts?.get(cellKey(p.r, c))) : undefined;
          if (fmt) numFmts.set(cellKey(r, columns[f] as number), fmt);
        }
      }
      row.push(`${s.file}!${s.analysis.ledger.sheet}!${p.r + 1}`);
      values.push(row);
      rowSources.push({ r, file: s.file, sheet: s.analysis.ledger.sheet, row: p.r + 1 });
    }
    const to = values.length - 1;
    const sub: CellValue[] = [county];
    sub[nameCol] = labels.subtotal;
    const subRow = values.length;
    for (const c of amountCols) {
      sub[c] = round(sums.get(c) ?? 0);
      numFmts.set(cellKey(subRow, c), AMOUNT_FORMAT);
      formulas.set(cellKey(subRow, c), `SUM(${colLetter(c)}${from + 1}:${colLetter(c)}${to + 1})`);
    }
    values.push(sub);
    boldRows.add(subRow);
    counties.push({ name: county, from, to, subtotalRow: subRow, projects: list.length });
  }
  const totalRow = values.length;
  const total: CellValue[] = [];
  total[nameCol] = labels.total;
  for (const c of amountCols) {
    let sum = 0;
    for (const k of counties) sum += (values[k.subtotalRow][c] as number | null) ?? 0;
    total[c] = round(sum);
    numFmts.set(cellKey(totalRow, c), AMOUNT_FORMAT);
    const refs = counties.map((k) => `${colLetter(c)}${k.subtotalRow + 1}`);
    formulas.set(cellKey(totalRow, c), refs.length ? `SUM(${refs.join(',')})` : '0');
  }
  values.push(total);
  boldRows.add(totalRow);
  return {
    grid: { name: MERGED_SHEET, values, formulas, numFmts },
    columns, sourceColumn, counties, totalRow, boldRows, conversions, sources: rowSources,
  };
}

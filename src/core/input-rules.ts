/**
 * 添加输入检查: the template's input rules (core/template.ts) laid on a ledger the engine has
 * read, and the cells that already break them. One rule set, one answer: the host writes the
 * rules this returns, and the issues are the cells of those ranges a rule refuses, tested by
 * `breaksRule` the way Excel tests a typed value.
 */
import type { SheetAnalysis } from './analyze';
import { cellAt, colLetter, fromA1, isBlank, isCellError, type CellValue } from './grid';
import { codeFormula, DEFAULT_MAX_AMOUNT, inputRules, type InputRule, type TemplateKey } from './template';
import type { Field, Lang, RawIssue } from './types';

/** The ledger's fields that take input rules, as the template's keys. */
const FIELD_KEYS: readonly [Field, TemplateKey][] = [
  ['index', 'index'], ['code', 'code'], ['group', 'group'], ['nature', 'nature'], ['status', 'status'],
  ['startDate', 'start'], ['finishDate', 'finish'],
  ['totalInvestment', 'total'], ['annualPlan', 'annualPlan'], ['monthCompleted', 'month'], ['completedYtd', 'ytd'],
];
const AMOUNT_FIELDS: readonly Field[] = ['totalInvestment', 'annualPlan', 'monthCompleted', 'completedYtd'];

/** 是否开工 as a yes-or-no answer. */
const YES_NO = ['是', '否'];

export interface InputCheckOptions {
  lang: Lang;
  /** Largest amount in 万元 (default: the template's). */
  maxAmount?: number;
  /** Years a date may fall in (default: five either side of the report year). */
  dateYears?: [number, number];
  /** A ledger with no project rows yet (a blank one) gets its rules on this many rows below the header. */
  emptyRows?: number;
}

/** The rules for one ledger sheet and the cells that break them already. */
export interface InputCheck {
  sheet: string;
  rules: InputRule[];
  issues: RawIssue[];
}

/** Project rows (0-based) as runs of consecutive rows, so a rule covers a few ranges, not a range a row. */
function rowRuns(rows: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/**
 * The rules over the project rows of the columns the engine found. The 合计, 小计 and heading
 * rows get none: they are sums and labels, not input. An amount column in a unit other than
 * 万元 gets no rule (its bound and its prompt speak of 万元); a county list too long for a rule's
 * own text gets none either (it would need a list sheet the ledger does not have).
 */
export function ledgerInputCheck(analysis: Pick<SheetAnalysis, 'grid' | 'header' | 'ledger'>, opts: InputCheckOptions): InputCheck {
  const { grid, header, ledger } = analysis;
  const blank = ledger.projects.length === 0 && opts.emptyRows ? Array.from({ length: opts.emptyRows }, (_, i) => header.dataStart + i) : [];
  const runs = rowRuns(blank.length ? blank : ledger.projects.map((p) => p.r));
  const year = Number(ledger.asOf.slice(0, 4));
  const columns: { key: TemplateKey; sqref: string }[] = [];
  const fieldOf = new Map<TemplateKey, Field>();
  for (const [field, key] of FIELD_KEYS) {
    const c = header.columns[field];
    if (c === undefined || !runs.length) continue;
    if (AMOUNT_FIELDS.includes(field) && (header.columnUnits[field] ?? header.unit) !== '万元') continue;
    const L = colLetter(c);
    columns.push({ key, sqref: runs.map(([a, b]) => (a === b ? `${L}${a + 1}` : `${L}${a + 1}:${L}${b + 1}`)).join(' ') });
    fieldOf.set(key, field);
  }
  const groupCol = header.columns.group;
  const groups = groupCol === undefined ? [] : [...new Set(ledger.projects
    .map((p) => cellAt(grid, p.r, groupCol))
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((v) => v.trim()))];
  // 是否开工 answered 是 / 否 is the same question in its own words: the list keeps them.
  const statusCol = header.columns.status;
  const answers = statusCol === undefined ? [] : ledger.projects.map((p) => cellAt(grid, p.r, statusCol)).filter((v) => !isBlank(v));
  const yesNo = answers.length > 0 && answers.every((v) => typeof v === 'string' && YES_NO.includes(v.trim()));
  const rules = inputRules(columns, {
    statuses: yesNo ? YES_NO : undefined,
    lang: opts.lang,
    maxAmount: opts.maxAmount ?? DEFAULT_MAX_AMOUNT,
    dateYears: opts.dateYears ?? [year - 5, year + 5],
    groups,
    longList: () => null,
  });
  const issues: RawIssue[] = [];
  for (const rule of rules) {
    for (const area of ruleAreas(rule)) {
      const [from, to] = area.address.split(':');
      const a = fromA1(from);
      const b = fromA1(to ?? from);
      if (!a || !b) continue;
      for (let r = a.r; r <= b.r; r++) {
        const v = cellAt(grid, r, a.c);
        if (!breaksRule(rule, v)) continue;
        issues.push({
          code: 'input-rule-broken', severity: 'warning', r, c: a.c, fix: null,
          params: { field: fieldOf.get(rule.key) ?? rule.key, rule: rule.type, value: isCellError(v) ? v.error : v, message: rule.error },
        });
      }
    }
  }
  return { sheet: grid.name, rules, issues };
}

/**
 * A rule's ranges one by one, each with its formula as it reads from its own top-left cell:
 * a host that sets a rule range by range (Office.js's Range.dataValidation, WPS's
 * Validation.Add) needs the custom formula moved to each range. The template's only custom
 * rule is the project code's.
 */
export function ruleAreas(rule: InputRule): { address: string; formula1: string }[] {
  return rule.sqref.split(' ').filter((s) => s !== '').map((address) => {
    if (rule.type !== 'custom') return { address, formula1: rule.formula1 };
    if (rule.key !== 'code') throw new Error(`no custom formula for ${rule.key}`);
    return { address, formula1: codeFormula(address.split(':')[0]) };
  });
}

/** 24 characters, `YYYY-AAAAAA-II-TT-NNNNNX`: what codeFormula accepts (the test compares the two). */
const CODE_SHAPE = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{5}[0-9A-Z]$/;

/**
 * Whether Excel refuses the value a cell holds under `rule` (what 圈释无效数据 circles):
 * a blank passes (every rule allows blanks); text fails a number, date or whole rule, as a
 * text `3000` or `2022.06` would on typing it without Excel turning it into a number; a list
 * needs one of its items; the code's custom rule needs its shape. An error value fails all.
 */
/** A rule's date bound (an Excel serial, 1900 system) as YYYY-MM-DD, for hosts that take dates as text. */
export function serialToIso(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/** The items of a list rule typed in the rule itself (`"已开工,未开工"`), or null for a list on another sheet. */
export function listItems(rule: InputRule): string[] | null {
  const m = /^"(.*)"$/.exec(rule.formula1);
  return m ? m[1].split(',') : null;
}

export function breaksRule(rule: InputRule, v: CellValue | undefined): boolean {
  if (v === undefined || isBlank(v)) return false;
  if (isCellError(v)) return true;
  if (rule.type === 'list') {
    const items = listItems(rule);
    if (!items) return false; // a list on another sheet: not ours to read here
    return !items.includes(typeof v === 'string' ? v : String(v));
  }
  if (rule.type === 'custom') return !(typeof v === 'string' && CODE_SHAPE.test(v));
  if (typeof v !== 'number') return true;
  if (rule.type === 'whole' && !Number.isInteger(v)) return true;
  const f1 = Number(rule.formula1);
  if (rule.operator === 'greaterThanOrEqual') return v < f1;
  return v < f1 || v > Number(rule.formula2);
}

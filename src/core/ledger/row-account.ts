/**
 * Every row of the sheet from the header down, accounted for: each non-blank row is
 * exactly one of header (its rows and a 1 2 3 numbering line), project, total,
 * subtotal, heading, breakdown (其中), footer/note, or a numbered empty line (a 序号 and
 * nothing else, as templates carry); a row that is none of these is `unaccounted` and
 * named by an issue. Non-blank is counted here from the cells themselves, apart from
 * the classifier, so the sum proves the classifier dropped nothing.
 */
import { isBlank, type CellValue, type Grid } from '../grid';
import type { ClassifiedRow, HeaderInfo, RowAccount } from '../types';

/**
 * The row's non-blank cells outside the tool's columns, told apart only as far as the
 * accounting needs: none (-1), exactly one (its column), or more (-2). No allocation:
 * this runs on every row of the sheet.
 */
function soleCell(row: readonly (CellValue | undefined)[] | undefined, own: ReadonlySet<number>): number {
  if (!row) return -1;
  let first = -1;
  for (let c = 0; c < row.length; c++) {
    if (isBlank(row[c]) || (own.size > 0 && own.has(c))) continue;
    if (first >= 0) return -2;
    first = c;
  }
  return first;
}

export interface RowAccounting {
  account: RowAccount;
  /** 0-based rows that are none of the roles. */
  unaccounted: number[];
}

export function accountRows(grid: Grid, header: HeaderInfo, rows: readonly ClassifiedRow[]): RowAccounting {
  const own = new Set(header.ownColumns);
  const account: RowAccount = {
    rows: 0, header: 0, project: 0, total: 0, subtotal: 0, heading: 0, breakdown: 0, footer: 0, numberedEmpty: 0,
  };
  const unaccounted: number[] = [];
  const top = header.rows.length ? header.rows[0] : header.dataStart;
  for (let r = top; r < header.dataStart; r++) {
    if (soleCell(grid.values[r], own) === -1) continue;
    account.rows++;
    account.header++;
  }
  const kindOf: (ClassifiedRow['kind'] | undefined)[] = new Array(grid.values.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.r < kindOf.length) kindOf[row.r] = row.kind;
  }
  const indexCol = header.columns.index;
  for (let r = header.dataStart; r < grid.values.length; r++) {
    const sole = soleCell(grid.values[r], own);
    if (sole === -1) continue;
    account.rows++;
    const kind = kindOf[r];
    if (kind !== undefined && kind !== 'blank') account[kind]++;
    else if (sole >= 0 && sole === indexCol) account.numberedEmpty++;
    else unaccounted.push(r);
  }
  return { account, unaccounted };
}

const done = new WeakMap<ClassifiedRow[], { grid: Grid; result: RowAccounting }>();

/** accountRows over a ledger's rows, once per ledger (the rule and the report both ask). */
export function ledgerRowAccount(grid: Grid, ledger: { header: HeaderInfo; rows: ClassifiedRow[] }): RowAccounting {
  const hit = done.get(ledger.rows);
  if (hit && hit.grid === grid) return hit.result;
  const result = accountRows(grid, ledger.header, ledger.rows);
  done.set(ledger.rows, { grid, result });
  return result;
}

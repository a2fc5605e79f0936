/**
 * Real workbooks (the fixtures and the sample ledgers) mutated cell by cell, through the
 * engine and through the whole path (bytes → report → annotated copy → re-check).
 * Seeded; FUZZ_SEED / FUZZ_PATH replay a failure, FUZZ_RUNS multiplies the runs.
 */
import fc from 'fast-check';
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { SaxesParser } from 'saxes';
import { analyzeSheet } from '../../src/core/analyze';
import type { CellValue, Grid } from '../../src/core/grid';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/types';
import { checkWorkbook, type CheckedWorkbook } from '../../src/xlsx';
import { XlsxError } from '../../src/xlsx/errors';
import { readWorkbook, type ReadOptions } from '../../src/xlsx';
import { checkAnalysis, checkReportCells, checkReportSums } from './invariants';
import { cellValue, HEADER_POOL } from './ledger-grid';
import { mutate, mutation, type Mutation } from './mutations';
import { fuzzParams } from './params';
import { parts, sourceFiles, sources, type Source } from './workbooks';
import { NODE_READ } from '../helpers/readers';

const settings: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-15' };
const FILE_CODES = ['unreadable-file', 'not-a-workbook', 'encrypted-workbook', 'no-ledger-found', 'too-large'];

type Edit =
  | { kind: 'cell'; r: number; c: number; v: CellValue | undefined }
  | { kind: 'delete-row'; r: number }
  | { kind: 'insert-row'; r: number; cells: (CellValue | undefined)[] }
  | { kind: 'header'; c: number; label: string }
  | { kind: 'merge'; r: number; c: number; dr: number; dc: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('cell' as const), r: fc.nat(), c: fc.nat(), v: cellValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-row' as const), r: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert-row' as const), r: fc.nat(), cells: fc.array(cellValue, { maxLength: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('header' as const), c: fc.nat(), label: fc.constantFrom(...HEADER_POOL, '', '合计') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), r: fc.nat(), c: fc.nat(), dr: fc.nat({ max: 40 }), dc: fc.nat({ max: 3 }) }) },
);

/** A copy of the grid with the edits applied; positions wrap inside the grid (plus one row and column). */
function applyEdits(grid: Grid, headerRow: number, edits: Edit[]): Grid {
  const values = grid.values.map((row) => (row ? row.slice() : []));
  const merges = (grid.merges ?? []).slice();
  const width = Math.max(1, ...values.map((r) => r.length)) + 1;
  for (const e of edits) {
    const height = values.length + 1;
    switch (e.kind) {
      case 'cell':
        (values[e.r % height] ??= [])[e.c % width] = e.v;
        break;
      case 'delete-row':
        values.splice(e.r % height, 1);
        break;
      case 'insert-row':
        values.splice(e.r % height, 0, e.cells);
        break;
      case 'header':
        (values[headerRow] ??= [])[e.c % width] = e.label;
        break;
      case 'merge': {
        const r0 = e.r % height;
        const c0 = e.c % width;
        merges.push({ r0, c0, r1: r0 + e.dr, c1: c0 + e.dc });
        break;
      }
    }
  }
  return { ...grid, values, merges, formulas: new Map(grid.formulas), numFmts: new Map(grid.numFmts) };
}

describe('real ledgers edited cell by cell, through the engine', () => {
  it('never throws, and every invariant holds', () => {
    const all = sources();
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (which, edits) => {
        const src = all[which];
        const grid = src.workbook.sheets.find((s) => s.path === src.sheetPath)?.grid as Grid;
        const before = analyzeSheet(grid, settings);
        const headerRow = before.ok ? before.header.rows[before.header.rows.length - 1] : 2;
        const a = analyzeSheet(applyEdits(grid, headerRow, edits), settings);
        if (a.ok) checkAnalysis(a, settings.rankMethod);
      }),
      fuzzParams(250),
    );
  });

  it('the grid edits really change what the engine sees', () => {
    // Guard against a generator that edits nothing: blanking the plan column of the first
    // sample leaves its total plan at 0 (Σ over projects of blank = 0).
    const src = sources()[0];
    const grid = src.workbook.sheets.find((s) => s.path === src.sheetPath)?.grid as Grid;
    const a = analyzeSheet(grid, settings);
    if (!a.ok) throw new Error('first source is not a ledger');
    const planCol = a.header.columns.annualPlan as number;
    const edits: Edit[] = a.ledger.projects.map((p) => ({ kind: 'cell', r: p.r, c: planCol, v: null }));
    const b = analyzeSheet(applyEdits(grid, a.header.rows[0], edits), settings);
    expect(a.ledger.total.annualPlan).toBeGreaterThan(0);
    expect(b.ok && b.ledger.total.annualPlan).toBe(0);
  });
});

/** True when `xml` is well-formed (strict parser, no namespace checks). */
export function wellFormed(xml: string): boolean {
  const parser = new SaxesParser();
  let ok = true;
  parser.on('error', () => {
    ok = false;
  });
  try {
    parser.write(xml).close();
  } catch {
    ok = false;
  }
  return ok;
}

interface MutatedPackage {
  bytes: Uint8Array;
  /** Every mutated part is still well-formed XML. */
  wellFormed: boolean;
}

function mutatedPackage(src: Source, mutations: Mutation[]): MutatedPackage {
  const all = parts(src.bytes);
  const text = (name: string) => (all[name] ? strFromU8(all[name]) : null);
  let pkg = { sheet: text(src.sheetPath) as string, shared: text('xl/sharedStrings.xml'), styles: text('xl/styles.xml') };
  for (const m of mutations) pkg = mutate(pkg, m);
  const z: Zippable = { ...all, [src.sheetPath]: strToU8(pkg.sheet) };
  if (pkg.shared !== null) z['xl/sharedStrings.xml'] = strToU8(pkg.shared);
  if (pkg.styles !== null) z['xl/styles.xml'] = strToU8(pkg.styles);
  return { bytes: zipSync(z), wellFormed: [pkg.sheet, pkg.shared ?? '<a/>', pkg.styles ?? '<a/>'].every(wellFormed) };
}

/** Which source (by index) and the mutations: what a failure prints, short enough to read. */
const mutatedArb = fc.tuple(fc.nat({ max: sourceFiles().length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }));

/** What a reader makes of the bytes: the code of the file error, or the sheets' grids. */
function readOutcome(bytes: Uint8Array, opts: ReadOptions): string | Grid[] {
  try {
    return readWorkbook(bytes, opts).sheets.map((s) => s.grid);
  } catch (e) {
    if (e instanceof XlsxError) return e.code;
    throw e;
  }
}

/** checkWorkbook, with anything but an XlsxError of a known code turned into a failure. */
function tryCheck(bytes: Uint8Array): CheckedWorkbook | XlsxError {
  try {
    return checkWorkbook(bytes, settings);
  } catch (e) {
    if (e instanceof XlsxError && FILE_CODES.includes(e.code)) return e;
    throw e;
  }
}

describe('real workbooks with their XML mutated, through the whole path', () => {
  it('refuse with a file error or check; the copy reads back; re-checking it changes nothing', () => {
    let checked = 0;
    fc.assert(
      fc.property(mutatedArb, ([which, mutations]) => {
        const mutated = mutatedPackage(sources()[which], mutations);
        const first = tryCheck(mutated.bytes);
        // The command's reader and the web page's (the tokenizer throughout) give the same answer.
        expect(readOutcome(mutated.bytes, NODE_READ)).toEqual(readOutcome(mutated.bytes, {}));
        // XML that is no longer well-formed is refused as a damaged file, never read as if valid.
        if (!mutated.wellFormed) {
          expect(first).toBeInstanceOf(XlsxError);
          return;
        }
        if (first instanceof XlsxError) return;
        checked++;
        for (const a of first.analyses) checkAnalysis(a, settings.rankMethod);
        first.sheets.forEach((report, i) => {
          checkReportCells(first.analyses[i].grid, report);
          checkReportSums(report);
        });
        const output = first.output as Uint8Array;
        expect(() => readWorkbook(output)).not.toThrow();
        // Idempotent: the annotated copy checks to the same reports and annotates to the same ledger sheet.
        const second = checkWorkbook(output, settings);
        expect(second.sheets).toEqual(first.sheets);
        const sheetPaths = first.analyses.map((a) => first.workbook.sheets.find((s) => s.name === a.ledger.sheet)?.path as string);
        const once = parts(output);
        const twice = parts(second.output as Uint8Array);
        for (const p of sheetPaths) expect(Buffer.from(twice[p]).equals(Buffer.from(once[p]))).toBe(true);
      }),
      fuzzParams(60),
    );
    // Most mutations leave a usable ledger: the path past the reader is really exercised.
    expect(checked).toBeGreaterThan(20);
  });

  it('a mutation reaches the report (the plan of the first sample becomes text)', () => {
    const src = sources()[0];
    const base = checkWorkbook(src.bytes, settings, { write: false });
    const planCol = base.sheets[0].columns.annualPlan as string;
    const row = base.sheets[0].projects[0].row;
    // The first project's plan cell rewritten as the inline text 3000～5000 (a range: no figure).
    const sheet = strFromU8(parts(src.bytes)[src.sheetPath]);
    const ref = `${planCol}${row}`;
    const re = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
    expect(re.test(sheet)).toBe(true);
    const bytes = zipSync({ ...parts(src.bytes), [src.sheetPath]: strToU8(sheet.replace(re, `<c r="${ref}" t="inlineStr"><is><t>3000～5000</t></is></c>`)) });
    const after = checkWorkbook(bytes, settings, { write: false });
    expect(after.sheets[0].issues.some((i) => i.code === 'not-a-number' && i.cell === ref)).toBe(true);
  });
});

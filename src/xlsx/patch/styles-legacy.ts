/**
 * The record earlier versions kept in styles.xml (an extLst entry listing the formats
 * they appended, and which cell formats were marks). Marks are conditional formats
 * now and nothing is recorded; the record is still read so that a workbook annotated
 * by an earlier version gets its cells' own formats back, and then it is dropped.
 */
import { getAttr } from '../xml';

const MARKER_URI = '{6E0B2F3C-1D7A-4C55-9B1E-5A4C3D2E1F0B}';
const EXT_RE = new RegExp(`<([\\w.-]+:)?ext\\b[^>]*uri="${MARKER_URI.replace(/[{}]/g, '\\$&')}"[\\s\\S]*?</([\\w.-]+:)?ext>`);

export const LEGACY_LISTS = ['numFmts', 'fonts', 'borders', 'cellXfs', 'dxfs'] as const;
export type LegacyList = (typeof LEGACY_LISTS)[number];

export interface LegacyRecord {
  /** The extLst content without the record. */
  rest: string;
  /** Item counts per list before the earlier run appended; null when the file was edited since. */
  base: Map<LegacyList, number> | null;
  /** Lists the earlier run created. */
  created: Set<string>;
  /** Mark formats → the format they were cloned from. */
  marks: Map<number, number>;
  /** The earlier run's differential formats, [from, to). */
  dxfs: { from: number; to: number };
}

/** Finds the record in an extLst's content; `counts` are the lists' current item counts. */
export function readLegacyRecord(extInner: string, counts: Map<LegacyList, number>): LegacyRecord | null {
  const m = EXT_RE.exec(extInner);
  if (!m) return null;
  const out: LegacyRecord = {
    rest: extInner.slice(0, m.index) + extInner.slice(m.index + m[0].length),
    base: null, created: new Set(), marks: new Map(), dxfs: { from: 0, to: 0 },
  };
  const rec = /<[\w.-]*:?added\b([^>]*)\/>/.exec(m[0]);
  if (!rec) return out;
  const tag = `<added ${rec[1]}/>`;
  const base = new Map<LegacyList, number>();
  for (const name of LEGACY_LISTS) {
    const v = getAttr(tag, name);
    if (!v) return out;
    const [a, b] = v.split(':').map(Number);
    if (counts.get(name) !== b || !(a <= b)) return out; // edited since: keep everything
    base.set(name, a);
    if (name === 'dxfs') out.dxfs = { from: a, to: b };
  }
  out.base = base;
  for (const name of (getAttr(tag, 'created') ?? '').split(' ')) if (name) out.created.add(name);
  for (const pair of (getAttr(tag, 'marks') ?? '').split(';')) {
    const [x, y] = pair.split('=').map(Number);
    if (Number.isInteger(x) && Number.isInteger(y)) out.marks.set(x, y);
  }
  return out;
}

/**
 * One period as the history needs it: each project's keys and state, taken from the
 * period's report (so earlier periods are read exactly like this one).
 */
import { codeKey, nameKey } from '../rules/text-clean';
import type { FileReport, ProjectReport, ProjectStatus } from '../types';

export interface SnapshotProject {
  name: string;
  code: string | null;
  group: string;
  status: ProjectStatus;
  started: boolean | null;
  completionRate: number | null;
  gapPp: number | null;
  file: string;
  sheet: string;
  row: number;
  /** The report's own project, for this period's snapshot (fields are added to it). */
  report?: ProjectReport;
}

export interface PeriodSnapshot {
  asOf: string;
  files: string[];
  projects: SnapshotProject[];
}

/** The projects of every ledger of the period's files. */
export function snapshotOf(asOf: string, files: readonly FileReport[]): PeriodSnapshot {
  const projects: SnapshotProject[] = [];
  for (const f of files) {
    for (const s of f.sheets) {
      for (const p of s.projects) {
        projects.push({
          name: p.name, code: p.code, group: p.group, status: p.status, started: p.started,
          completionRate: p.completionRate, gapPp: p.gapPp, file: f.file, sheet: s.sheet, row: p.row, report: p,
        });
      }
    }
  }
  return { asOf, files: files.filter((f) => !f.error).map((f) => f.file), projects };
}

/** A period's projects by code and by name within group: the two ways a project is matched. */
export interface PeriodIndex {
  snapshot: PeriodSnapshot;
  byCode: Map<string, number>;
  byName: Map<string, number>;
}

function nameGroupKey(p: { name: string; group: string }): string | null {
  const n = nameKey(p.name);
  return n === '' ? null : `${n}\u0001${nameKey(p.group)}`;
}

export function indexPeriod(snapshot: PeriodSnapshot): PeriodIndex {
  const byCode = new Map<string, number>();
  const byName = new Map<string, number>();
  snapshot.projects.forEach((p, i) => {
    const c = codeKey(p.code);
    if (c !== null && !byCode.has(c)) byCode.set(c, i);
    const n = nameGroupKey(p);
    if (n !== null && !byName.has(n)) byName.set(n, i);
  });
  return { snapshot, byCode, byName };
}

/**
 * The same project in another period: by code, else by name and group. A name match
 * between two different codes is two projects, not one.
 */
export function findIn(index: PeriodIndex, p: { name: string; code: string | null; group: string }): SnapshotProject | undefined {
  const code = codeKey(p.code);
  if (code !== null) {
    const at = index.byCode.get(code);
    if (at !== undefined) return index.snapshot.projects[at];
  }
  const key = nameGroupKey(p);
  const at = key === null ? undefined : index.byName.get(key);
  if (at === undefined) return undefined;
  const hit = index.snapshot.projects[at];
  return code === null || codeKey(hit.code) === null ? hit : undefined;
}

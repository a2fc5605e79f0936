/**
 * Lag that persists: how many reports in a row a project has been behind, how many
 * months it has stayed unstarted, and the 挂牌 list those make with the settable rule
 * (one city's: behind two reports in a row, or three months not started), with the
 * projects that left the list since last period (摘牌).
 */
import type {
  DelistedProject, HistoryReport, ListReason, ListRule, ListedProject, ProjectStatus, Report,
} from '../types';
import { findIn, indexPeriod, snapshotOf, type PeriodIndex, type PeriodSnapshot, type SnapshotProject } from './snapshot';

const BEHIND = new Set<ProjectStatus>(['behind', 'seriously-behind']);

export interface ProjectHistory {
  behindStreak: number;
  notStartedMonths: number;
  reasons: ListReason[];
}

function monthIndex(asOf: string): number {
  return Number(asOf.slice(0, 4)) * 12 + Number(asOf.slice(5, 7)) - 1;
}

/** The project's state in the periods before `t`, newest first, up to the first period it is missing from. */
function chain(periods: readonly PeriodIndex[], t: number, p: SnapshotProject): SnapshotProject[] {
  const out: SnapshotProject[] = [];
  for (let i = t - 1; i >= 0; i--) {
    const hit = findIn(periods[i], p);
    if (!hit) break;
    out.push(hit);
  }
  return out;
}

/** Reasons a project is listed, in a fixed order; empty when it is not. */
export function listReasons(status: ProjectStatus, behindStreak: number, notStartedMonths: number, rule: ListRule): ListReason[] {
  const reasons: ListReason[] = [];
  if (status === 'seriously-behind') reasons.push('seriously-behind');
  if (status === 'overdue-start') reasons.push('overdue-start');
  if (rule.listAfter > 0 && behindStreak >= rule.listAfter) reasons.push('behind-streak');
  if (rule.listNotStarted > 0 && notStartedMonths >= rule.listNotStarted) reasons.push('not-started');
  return reasons;
}

/** The project's history at period `t` of `periods` (oldest first). */
export function historyAt(periods: readonly PeriodIndex[], t: number, p: SnapshotProject, rule: ListRule): ProjectHistory {
  const back = chain(periods, t, p);
  let behindStreak = 0;
  if (BEHIND.has(p.status)) {
    behindStreak = 1;
    for (const q of back) {
      if (!BEHIND.has(q.status)) break;
      behindStreak++;
    }
  }
  let notStartedMonths = 0;
  if (p.started === false) {
    let first = periods[t].snapshot.asOf;
    for (let i = 0; i < back.length; i++) {
      if (back[i].started !== false) break;
      first = periods[t - 1 - i].snapshot.asOf;
    }
    notStartedMonths = monthIndex(periods[t].snapshot.asOf) - monthIndex(first) + 1;
  }
  return { behindStreak, notStartedMonths, reasons: listReasons(p.status, behindStreak, notStartedMonths, rule) };
}

/**
 * Adds `behindStreak`, `notStartedMonths` and `listed` to every project of the report
 * and returns the history section: the 挂牌 list and the 摘牌 since the latest earlier period.
 * `previous` holds the earlier periods, oldest first.
 */
export function applyHistory(report: Report, previous: readonly PeriodSnapshot[], rule: ListRule): HistoryReport {
  const current = snapshotOf(report.asOf, report.files);
  const periods = [...previous, current].map(indexPeriod);
  const t = periods.length - 1;
  const listed: ListedProject[] = [];
  const listedNow = new Set<SnapshotProject>();
  const last = t > 0 ? periods[t - 1] : null;
  for (const p of current.projects) {
    const h = historyAt(periods, t, p, rule);
    if (p.report) {
      p.report.behindStreak = h.behindStreak;
      p.report.notStartedMonths = h.notStartedMonths;
      p.report.listed = h.reasons.length > 0;
    }
    if (h.reasons.length === 0) continue;
    listedNow.add(p);
    const before = last ? findIn(last, p) : undefined;
    const wasListed = before !== undefined && historyAt(periods, t - 1, before, rule).reasons.length > 0;
    listed.push({
      name: p.name, code: p.code, group: p.group, file: p.file, sheet: p.sheet, row: p.row, status: p.status,
      completionRate: p.completionRate, gapPp: p.gapPp, behindStreak: h.behindStreak,
      notStartedMonths: h.notStartedMonths, reasons: h.reasons, newlyListed: !wasListed,
    });
  }
  const delisted: DelistedProject[] = [];
  if (last) {
    const now = periods[t];
    for (const q of last.snapshot.projects) {
      const before = historyAt(periods, t - 1, q, rule);
      if (before.reasons.length === 0) continue;
      const p = findIn(now, q);
      if (p && listedNow.has(p)) continue;
      delisted.push({
        name: q.name, code: q.code, group: q.group, file: p?.file ?? null, sheet: p?.sheet ?? null,
        row: p?.row ?? null, status: p?.status ?? null, previousReasons: before.reasons,
      });
    }
  }
  return {
    periods: previous.map((s) => ({ asOf: s.asOf, files: s.files })),
    rule: { ...rule },
    listed,
    delisted,
  };
}

/**
 * The history one workbook's 汇总 sheet shows: `report` holds that workbook alone; its 挂牌
 * list is its own projects', and its 摘牌 only the projects of its own groups (a project of
 * another county is neither gone from this workbook nor taken off its list).
 */
export function workbookHistory(report: Report, previous: readonly PeriodSnapshot[], rule: ListRule): HistoryReport {
  const h = applyHistory(report, previous, rule);
  const groups = new Set(report.files.flatMap((f) => f.sheets.flatMap((s) => s.projects.map((p) => p.group))));
  return { ...h, delisted: h.delisted.filter((p) => groups.has(p.group)) };
}

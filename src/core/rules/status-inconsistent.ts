/**
 * status-inconsistent: the status or nature columns contradict the figures.
 * - 未开工 with investment this year (warning, on the status cell);
 * - 已开工 with nothing completed this year (info: it may be stalled, or just slow);
 * - 新建 with investment before this year (warning, on the nature cell: 续建?);
 * - a finish year already past but not marked finished (info, on the finish cell).
 */
import type { RawIssue } from '../types';
import { beyond, columnOf, issue, toSheetUnit } from './cells';
import { Memo } from '../ledger/cell-memo';
import { normalizeHeader } from '../text';
import type { Rule, RuleContext } from './rule';

type StatusClass = 'not-started' | 'started' | 'finished';

// Matched against normalizeHeader's form: simplified, no blanks.
const NOT_STARTED = /未开工|未动工|^否$/;
const FINISHED = /已竣工|已完工|已建成|已投产|竣工投|建成投|^竣工$|^完工$|^建成$/;
const STARTED = /已开工|在建|开工建设|续建|^开工$|^是$/;
const NEW_BUILD = /^新建/;

/** What a status cell says, as far as it says anything clear. */
export function statusClass(text: string | null): StatusClass | null {
  if (text === null) return null;
  const t = normalizeHeader(text);
  if (NOT_STARTED.test(t)) return 'not-started';
  if (FINISHED.test(t)) return 'finished';
  if (STARTED.test(t)) return 'started';
  return null;
}

/** A nature cell that says 新建 (new build). */
function isNewBuild(text: string): boolean {
  return NEW_BUILD.test(normalizeHeader(text));
}

// A column holds a handful of distinct words: each is read once per ledger. The memos
// are kept for good and cleared around each use (see ledger/cell-memo.ts for why).
const CLASSES = new Memo(statusClass, undefined);
const NEW_BUILDS = new Memo(isNewBuild, undefined);

export const statusInconsistent: Rule = (ctx) => {
  CLASSES.clear();
  NEW_BUILDS.clear();
  try {
    return inconsistencies(ctx);
  } finally {
    CLASSES.clear();
    NEW_BUILDS.clear();
  }
};

function inconsistencies({ header, ledger, settings }: RuleContext): RawIssue[] {
  const out: RawIssue[] = [];
  const statusCol = columnOf(header, 'status');
  const natureCol = columnOf(header, 'nature');
  const finishCol = columnOf(header, 'finishDate') ?? columnOf(header, 'period');
  const asOfYear = Number(ledger.asOf.slice(0, 4));
  const tol = settings.sumTolerance;
  const unit = header.unit;

  const projects = ledger.projects;
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i];
    const cls = CLASSES.get(p.statusText);
    if (statusCol !== undefined && cls === 'not-started' && p.completedYtd !== null && beyond(p.completedYtd, tol)) {
      out.push(issue('status-inconsistent', 'warning', p.r, statusCol, {
        reason: 'not-started-with-investment', status: p.statusText, completed: toSheetUnit(p.completedYtd, header), unit,
      }));
    }
    if (statusCol !== undefined && cls === 'started' && p.completedYtd !== null && p.completedYtd <= 0) {
      out.push(issue('status-inconsistent', 'info', p.r, statusCol, { reason: 'started-without-investment', status: p.statusText }));
    }
    if (natureCol !== undefined && p.nature !== null && NEW_BUILDS.get(p.nature)
      && p.completedBeforeYear !== null && beyond(p.completedBeforeYear, tol)) {
      out.push(issue('status-inconsistent', 'warning', p.r, natureCol, {
        reason: 'new-with-prior-investment', nature: p.nature, before: toSheetUnit(p.completedBeforeYear, header), unit,
      }));
    }
    if (finishCol !== undefined && p.finishDate !== null && p.finishDate.year < asOfYear && cls !== 'finished') {
      out.push(issue('status-inconsistent', 'info', p.r, finishCol, {
        reason: 'finish-past', finishYear: p.finishDate.year, asOfYear, status: p.statusText,
      }));
    }
  }
  return out;
}

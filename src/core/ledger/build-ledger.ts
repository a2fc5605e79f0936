/**
 * A ledger sheet with every figure computed: rows classified, projects read, time
 * progress, each project's rate, gap and status, groups in order of first appearance,
 * the total, and ranks (overall, within the group, and of the groups).
 */
import type { Grid } from '../grid';
import { parseIsoDate } from '../dates';
import { rankValues } from '../rank';
import type { GroupFigures, HeaderInfo, Ledger, Project, Settings } from '../types';
import { classifyRows } from './classify';
import { buildProjects, chooseGroupSource, effectiveHeader } from './build';
import { computeProject, groupFigures, timeProgress } from './figures';

/** Rates are shown to 0.1 %: rank on that precision so that displayed ties rank alike. */
export const RANK_DECIMALS = 3;
/** The name of the whole sheet's figures. */
export const TOTAL_NAME = '合计';

export function buildLedger(grid: Grid, header: HeaderInfo, settings: Settings, asOf: string): Ledger {
  const h = effectiveHeader(header, settings);
  const rows = classifyRows(grid, h);
  const projects = buildProjects(grid, h, rows, settings);
  const tp = timeProgress(asOf, settings.timeBasis);
  const asOfDate = parseIsoDate(asOf);

  // One pass computes each project and notes its rate and its group (in order of first appearance).
  const n = projects.length;
  const rates: (number | null)[] = new Array<number | null>(n);
  const groupIds = new Map<string, number>();
  const members: Project[][] = [];
  const memberRows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const p = projects[i];
    const f = computeProject(p, tp, settings, asOfDate);
    p.completionRate = f.completionRate;
    p.gapPp = f.gapPp;
    p.status = f.status;
    rates[i] = f.completionRate;
    let g = groupIds.get(p.group);
    if (g === undefined) {
      g = members.length;
      groupIds.set(p.group, g);
      members.push([]);
      memberRows.push([]);
    }
    members[g].push(p);
    memberRows[g].push(i);
  }

  const overall = rankValues(rates, settings.rankMethod, RANK_DECIMALS);
  const inGroup: (number | null)[] = new Array<number | null>(n);
  for (const rows of memberRows) {
    const ranks = rankValues(rows.map((i) => rates[i]), settings.rankMethod, RANK_DECIMALS);
    for (let j = 0; j < rows.length; j++) inGroup[rows[j]] = ranks[j];
  }
  for (let i = 0; i < n; i++) {
    projects[i].rank = overall[i];
    projects[i].rankInGroup = inGroup[i];
  }

  const groups: GroupFigures[] = [];
  for (const [name, g] of groupIds) groups.push(groupFigures(name, members[g], tp, settings, asOfDate));
  const groupRanks = rankValues(groups.map((g) => g.completionRate), settings.rankMethod, RANK_DECIMALS);
  groups.forEach((g, i) => (g.rank = groupRanks[i]));

  return {
    sheet: grid.name,
    header: h,
    rows,
    projects,
    groups,
    total: groupFigures(TOTAL_NAME, projects, tp, settings, asOfDate),
    asOf,
    timeProgress: tp,
    groupSource: chooseGroupSource(h, rows, settings),
  };
}

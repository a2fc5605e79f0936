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

  const byGroup = new Map<string, Project[]>();
  for (const p of projects) {
    const f = computeProject(p, tp, settings, asOfDate);
    p.completionRate = f.completionRate;
    p.gapPp = f.gapPp;
    p.status = f.status;
    let list = byGroup.get(p.group);
    if (!list) byGroup.set(p.group, (list = []));
    list.push(p);
  }

  const overall = rankValues(projects.map((p) => p.completionRate), settings.rankMethod, RANK_DECIMALS);
  projects.forEach((p, i) => (p.rank = overall[i]));

  const groups: GroupFigures[] = [];
  for (const [name, list] of byGroup) {
    const inGroup = rankValues(list.map((p) => p.completionRate), settings.rankMethod, RANK_DECIMALS);
    list.forEach((p, i) => (p.rankInGroup = inGroup[i]));
    groups.push(groupFigures(name, list, tp, settings, asOfDate));
  }
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

/**
 * A ledger sheet with every figure computed: rows classified, projects read, time
 * progress, each project's rate, gap and status, groups in order of first appearance,
 * the total, and ranks (overall, within the group, and of the groups).
 */
import type { Grid } from '../grid';
import { parseIsoDate } from '../dates';
import { rankInto, rankValues } from '../rank';
import type { GroupFigures, HeaderInfo, Ledger, Settings } from '../types';
import { classifyRows } from './classify';
import { buildProjects, chooseGroupSource, effectiveHeader } from './build';
import { rowTree } from './row-tree';
import { moveToLedger } from './text-readings';
import { f64Scratch, i32Scratch } from '../scratch';
import { addToSums, computeProject, emptySums, figuresOfSums, timeProgress, type GroupSums } from './figures';

/** Rates are shown to 0.1 %: rank on that precision so that displayed ties rank alike. */
export const RANK_DECIMALS = 3;
/** The name of the whole sheet's figures. */
export const TOTAL_NAME = '合计';

// The ranking's working arrays, one per project, kept for the next ledger (none leaves buildLedger).
const RATES = f64Scratch();
const GROUP_OF = i32Scratch();
const OVERALL = f64Scratch();
const ORDER = i32Scratch();
const GATHERED = f64Scratch();
const IN_GROUP_BY_ORDER = f64Scratch();
const IN_GROUP = f64Scratch();

export function buildLedger(grid: Grid, header: HeaderInfo, settings: Settings, asOf: string): Ledger {
  const h = effectiveHeader(header, settings);
  const rows = classifyRows(grid, h);
  const read = buildProjects(grid, h, rows, settings);
  const tree = rowTree(grid, h, rows, read, settings, chooseGroupSource(h, rows, settings));
  const projects = tree.projects;
  const tp = timeProgress(asOf, settings.timeBasis);
  const asOfDate = parseIsoDate(asOf);

  // One pass computes each project, notes its rate and its group (in order of first
  // appearance) and adds it to its group's sums and the total's, in project order
  // as groupFigures would: the project objects are visited twice in all, not four times.
  const n = projects.length;
  const rates = RATES.take(n); // NaN: no rate
  const groupOf = GROUP_OF.take(n);
  const groupIds = new Map<string, number>();
  const names: string[] = [];
  const sums: GroupSums[] = [];
  const totalSums = emptySums();
  let lastName: string | null = null;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const p = projects[i];
    const f = computeProject(p, tp, settings, asOfDate);
    p.completionRate = f.completionRate;
    p.gapPp = f.gapPp;
    p.status = f.status;
    rates[i] = f.completionRate === null ? NaN : f.completionRate;
    let g = last;
    if (p.group !== lastName) {
      const known = groupIds.get(p.group);
      if (known === undefined) {
        g = names.length;
        groupIds.set(p.group, g);
        names.push(p.group);
        sums.push(emptySums());
      } else g = known;
      lastName = p.group;
      last = g;
    }
    groupOf[i] = g;
    addToSums(sums[g], p, settings, asOfDate);
    addToSums(totalSums, p, settings, asOfDate);
  }

  // Ranks overall, then within each group: the group's rates gathered in project order.
  const overall = OVERALL.take(n);
  rankInto(rates, settings.rankMethod, RANK_DECIMALS, overall);
  const start = new Int32Array(names.length + 1);
  for (let i = 0; i < n; i++) start[groupOf[i] + 1]++;
  for (let g = 0; g < names.length; g++) start[g + 1] += start[g];
  const order = ORDER.take(n);
  const fill = start.slice(0, names.length);
  for (let i = 0; i < n; i++) order[fill[groupOf[i]]++] = i;
  const gathered = GATHERED.take(n);
  for (let k = 0; k < n; k++) gathered[k] = rates[order[k]];
  const inGroupByOrder = IN_GROUP_BY_ORDER.take(n);
  for (let g = 0; g < names.length; g++) {
    rankInto(gathered.subarray(start[g], start[g + 1]), settings.rankMethod, RANK_DECIMALS, inGroupByOrder.subarray(start[g], start[g + 1]));
  }
  const inGroup = IN_GROUP.take(n);
  for (let k = 0; k < n; k++) inGroup[order[k]] = inGroupByOrder[k];
  for (let i = 0; i < n; i++) {
    const p = projects[i];
    const r = overall[i];
    const rg = inGroup[i];
    p.rank = r === r ? r : null;
    p.rankInGroup = rg === rg ? rg : null;
  }

  const groups: GroupFigures[] = [];
  for (let g = 0; g < names.length; g++) groups.push(figuresOfSums(names[g], sums[g], tp));
  const groupRanks = rankValues(groups.map((g) => g.completionRate), settings.rankMethod, RANK_DECIMALS);
  groups.forEach((g, i) => (g.rank = groupRanks[i]));

  const ledger: Ledger = {
    sheet: grid.name,
    header: h,
    rows,
    projects,
    groups,
    total: figuresOfSums(TOTAL_NAME, totalSums, tp),
    asOf,
    timeProgress: tp,
    groupSource: tree.groupSource,
    blocks: tree.blocks,
    rowsAmbiguous: tree.ambiguous,
    rowLevels: tree.levels,
  };
  moveToLedger(read, ledger);
  return ledger;
}

/**
 * How much more a group would need now to rank first: enough to reach the leader's
 * completion rate (a tie for first ranks first, by either ranking method).
 *   toRankFirst = max(0, leaderRate × annualPlan − completedYtd), 0 for a group ranked 1.
 * The leader's rate is taken unrounded, so the amount always suffices, even though
 * ranks compare rates rounded to 0.1 %.
 */

export interface RankFirstEntry {
  annualPlan: number;
  completedYtd: number;
  completionRate: number | null;
  rank: number | null;
}

export function toRankFirst(entries: readonly RankFirstEntry[]): (number | null)[] {
  let leader = -Infinity;
  for (const e of entries) if (e.completionRate !== null && e.completionRate > leader) leader = e.completionRate;
  return entries.map((e) => {
    if (e.completionRate === null || e.rank === null || !(e.annualPlan > 0)) return null;
    if (e.rank === 1) return 0;
    return Math.max(0, leader * e.annualPlan - e.completedYtd);
  });
}

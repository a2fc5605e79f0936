/**
 * The what-if report as the lines a person reads (the command's output; the pane
 * may show the same): per sheet the months, the total's and each group's pace,
 * the projects that will not make it, the indicators, and the scenario's ranking.
 */
import { money, pct } from '../format';
import type { Lang } from '../types';
import type { GroupWhatif, PaceFigures, WhatifReport, WhatifSheetReport } from './types';

interface Text {
  heading: (p: { file: string; sheet: string; asOf: string; elapsed: number; by: string; left: number; target: string; basis: string }) => string;
  basis: Record<PaceFigures['basis'], string>;
  total: string;
  deadlinePassed: string;
  pace: (p: { name: string; required: string; current: string; yearEnd: string; rate: string; course: string }) => string;
  course: (on: boolean | null) => string;
  rankFirst: (rank: string, extra: string) => string;
  groups: string;
  offCourse: (n: number) => string;
  project: (p: { row: number; name: string; required: string; current: string; rate: string }) => string;
  more: (n: number) => string;
  indicators: string;
  /** column null: no room on the sheet, the copy has no column for it. */
  indicator: (p: { name: string; expression: string; column: string | null; formula: boolean }) => string;
  scenario: string;
  adjustment: (spec: string, n: number) => string;
  rankLine: (p: { before: string; after: string; name: string; rateBefore: string; rateAfter: string; file: string }) => string;
}

const zhCN: Text = {
  heading: (p) => `${p.file}「${p.sheet}」 截至 ${p.asOf}，已过 ${p.elapsed} 个月，距 ${p.by} 还剩 ${p.left} 个月；目标：年度计划的 ${p.target}（${p.basis}）`,
  basis: { pace: '按当前月均进度推算', 'monthly-plan': '按月排进度推算' },
  total: '合计',
  deadlinePassed: '  截止月份已到或已过：不再给出每月所需进度',
  pace: (p) => `${p.name}：每月需完成 ${p.required}，当前月均 ${p.current}，预计年底完成 ${p.yearEnd}（${p.rate}），${p.course}`,
  course: (on) => (on === null ? '无法判断能否完成' : on ? '能按期完成' : '不能按期完成'),
  rankFirst: (rank, extra) => `，排名第 ${rank}${extra === '' ? '' : `，再完成 ${extra} 可排第一`}`,
  groups: '  分组：',
  offCourse: (n) => `  不能按期完成的项目 ${n} 个：`,
  project: (p) => `    第 ${p.row} 行 ${p.name}：每月需完成 ${p.required}，当前月均 ${p.current}，预计年底 ${p.rate}`,
  more: (n) => `    ……另有 ${n} 个，见 JSON 报告`,
  indicators: '  指标：',
  indicator: (p) => `    ${p.name} = ${p.expression}（${p.column === null ? '表格右侧没有空列，不写入副本' : `${p.column} 列，${p.formula ? '写为公式' : '写为数值'}`}）`,
  scenario: '情景测算：',
  adjustment: (spec, n) => `  ${spec}：涉及 ${n} 个项目`,
  rankLine: (p) => `  ${p.name}：完成率 ${p.rateBefore} → ${p.rateAfter}，排名 ${p.before} → ${p.after}（${p.file}）`,
};

const zhTW: Text = {
  heading: (p) => `${p.file}「${p.sheet}」 截至 ${p.asOf}，已過 ${p.elapsed} 個月，距 ${p.by} 還剩 ${p.left} 個月；目標：年度計劃的 ${p.target}（${p.basis}）`,
  basis: { pace: '按當前月均進度推算', 'monthly-plan': '按月排進度推算' },
  total: '合計',
  deadlinePassed: '  截止月份已到或已過：不再給出每月所需進度',
  pace: (p) => `${p.name}：每月需完成 ${p.required}，當前月均 ${p.current}，預計年底完成 ${p.yearEnd}（${p.rate}），${p.course}`,
  course: (on) => (on === null ? '無法判斷能否完成' : on ? '能按期完成' : '不能按期完成'),
  rankFirst: (rank, extra) => `，排名第 ${rank}${extra === '' ? '' : `，再完成 ${extra} 可排第一`}`,
  groups: '  分組：',
  offCourse: (n) => `  不能按期完成的項目 ${n} 個：`,
  project: (p) => `    第 ${p.row} 行 ${p.name}：每月需完成 ${p.required}，當前月均 ${p.current}，預計年底 ${p.rate}`,
  more: (n) => `    ……另有 ${n} 個，見 JSON 報告`,
  indicators: '  指標：',
  indicator: (p) => `    ${p.name} = ${p.expression}（${p.column === null ? '表格右側沒有空欄，不寫入副本' : `${p.column} 欄，${p.formula ? '寫為公式' : '寫為數值'}`}）`,
  scenario: '情景測算：',
  adjustment: (spec, n) => `  ${spec}：涉及 ${n} 個項目`,
  rankLine: (p) => `  ${p.name}：完成率 ${p.rateBefore} → ${p.rateAfter}，排名 ${p.before} → ${p.after}（${p.file}）`,
};

const en: Text = {
  heading: (p) => `${p.file} [${p.sheet}] as of ${p.asOf}: ${p.elapsed} months elapsed, ${p.left} left to ${p.by}; target ${p.target} of the annual plan (${p.basis})`,
  basis: { pace: 'projected at the current monthly pace', 'monthly-plan': 'projected by the monthly plan columns' },
  total: 'Total',
  deadlinePassed: '  the deadline month has been reached: no monthly pace is asked for',
  pace: (p) => `${p.name}: needs ${p.required} a month, now ${p.current} a month, year end ${p.yearEnd} (${p.rate}), ${p.course}`,
  course: (on) => (on === null ? 'cannot tell' : on ? 'on course' : 'off course'),
  rankFirst: (rank, extra) => `, rank ${rank}${extra === '' ? '' : `, ${extra} more to rank first`}`,
  groups: '  Groups:',
  offCourse: (n) => `  ${n} projects off course:`,
  project: (p) => `    row ${p.row} ${p.name}: needs ${p.required} a month, now ${p.current}, year end ${p.rate}`,
  more: (n) => `    … ${n} more: see the JSON report`,
  indicators: '  Indicators:',
  indicator: (p) => `    ${p.name} = ${p.expression} (${p.column === null ? 'no free columns on the sheet: not written to the copy' : `column ${p.column}, ${p.formula ? 'as a formula' : 'as values'}`})`,
  scenario: 'Scenario:',
  adjustment: (spec, n) => `  ${spec}: ${n} projects`,
  rankLine: (p) => `  ${p.name}: rate ${p.rateBefore} → ${p.rateAfter}, rank ${p.before} → ${p.after} (${p.file})`,
};

const TEXT: Record<Lang, Text> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
const MAX_PROJECTS = 30;

function paceLine(t: Text, name: string, f: PaceFigures, lang: Lang): string {
  return t.pace({
    name, required: money(f.requiredMonthly, lang), current: money(f.currentMonthly, lang),
    yearEnd: money(f.projectedYearEnd, lang), rate: pct(f.projectedRate), course: t.course(f.onCourse),
  });
}

/** The what-if report as text; `baseName` shortens file paths (the command passes path.basename). */
export function whatifSummary(report: WhatifReport, lang: Lang, baseName: (file: string) => string = (f) => f): string {
  const t = TEXT[lang];
  const lines: string[] = [];
  // Ranks over every group given (report.ranking), the ranking toRankFirst aims at.
  const key = (file: string, sheet: string, name: string) => `${file}\u0000${sheet}\u0000${name}`;
  const cityRank = new Map(report.ranking.map((e) => [key(e.file, e.sheet, e.name), e.rank]));
  for (const f of report.files) {
    if (f.error) continue;
    for (const s of f.sheets) {
      const w = s.whatif;
      lines.push(t.heading({
        file: f.file, sheet: s.sheet, asOf: w.asOf, elapsed: w.monthsElapsed, by: w.by, left: w.monthsLeft,
        target: pct(report.whatif.target), basis: t.basis[w.basis],
      }));
      if (w.deadlinePassed) lines.push(t.deadlinePassed);
      lines.push(`  ${paceLine(t, t.total, s.total.whatif, lang)}`);
      if (s.groups.length > 1 || report.ranking.length > 1) {
        lines.push(t.groups);
        for (const g of s.groups) {
          const gw: GroupWhatif = g.whatif;
          const extra = gw.toRankFirst ? money(gw.toRankFirst, lang) : '';
          const rank = cityRank.get(key(f.file, s.sheet, g.name)) ?? null;
          lines.push(`    ${paceLine(t, g.name, gw, lang)}${t.rankFirst(String(rank ?? '—'), extra)}`);
        }
      }
      const off = s.projects.filter((p) => p.whatif.onCourse === false);
      if (off.length) {
        lines.push(t.offCourse(off.length));
        for (const p of off.slice(0, MAX_PROJECTS)) {
          lines.push(t.project({
            row: p.row, name: p.name, required: money(p.whatif.requiredMonthly, lang),
            current: money(p.whatif.currentMonthly, lang), rate: pct(p.whatif.projectedRate),
          }));
        }
        if (off.length > MAX_PROJECTS) lines.push(t.more(off.length - MAX_PROJECTS));
      }
      if (report.whatif.indicators.length) {
        lines.push(t.indicators);
        for (const ind of report.whatif.indicators) {
          const col = w.indicatorColumns[ind.name] as WhatifSheetReport['whatif']['indicatorColumns'][string] | undefined;
          lines.push(t.indicator({ name: ind.name, expression: ind.expression, column: col?.column ?? null, formula: col?.formula ?? false }));
        }
      }
    }
    lines.push('');
  }
  const sc = report.whatif.scenario;
  if (sc) {
    lines.push(t.scenario);
    for (const a of sc.adjustments) lines.push(t.adjustment(a.spec, a.matches.length));
    const before = new Map(sc.before.map((e) => [key(e.file, e.sheet, e.name), e]));
    for (const e of sc.after) {
      const b = before.get(key(e.file, e.sheet, e.name));
      lines.push(t.rankLine({
        name: e.name, file: baseName(e.file), before: String(b?.rank ?? '—'), after: String(e.rank ?? '—'),
        rateBefore: pct(b?.completionRate ?? null), rateAfter: pct(e.completionRate),
      }));
    }
    lines.push('');
  }
  return lines.join('\n');
}

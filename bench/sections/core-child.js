'use strict';
/**
 * Times the compiled engine on generated grids, in its own process so the
 * runner's memory and the other sections do not disturb it.
 *
 *   node --expose-gc bench/sections/core-child.js <lib dir> <runs> <rows>...
 * prints one JSON line: { "<rows>": { runs: [s...], cpu: [s...], projects, issues, full: [s...] | null, fullError,
 * text: [s...] (the largest size only: every amount stored as text, in the forms exports write) } }
 */
const path = require('path');
const { generateGrid } = require('../generate');
const { COL, HEADER_ROWS } = require('../ledger-rows');

const [libDir, runsArg, ...sizeArgs] = process.argv.slice(2);
const runs = Number(runsArg);
const { analyzeSheet } = require(path.join(libDir, 'core', 'analyze.js'));
const { DEFAULT_SETTINGS } = require(path.join(libDir, 'core', 'types.js'));
const settings = { ...DEFAULT_SETTINGS, today: '2022-06-30' };

/** The rest of what the command does between reading and writing: messages, report, write plan. */
function loadFull() {
  try {
    const { toIssue } = require(path.join(libDir, 'i18n', 'index.js'));
    const { sheetReport } = require(path.join(libDir, 'core', 'report.js'));
    const { buildPlans } = require(path.join(libDir, 'core', 'plan.js'));
    return (grid) => {
      const a = analyzeSheet(grid, settings);
      const issues = a.issues.map((raw) => toIssue(raw, settings.lang));
      sheetReport(a, issues);
      buildPlans([{ grid: a.grid, header: a.header, ledger: a.ledger, issues }], settings);
    };
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Wall seconds of one call; CPU seconds (all threads, GC helpers too) go to `cpu`. */
function seconds(fn, cpu) {
  if (global.gc) global.gc();
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  fn();
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (cpu) {
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
  }
  return s;
}

const full = loadFull();
// Let the JIT settle on a small ledger first, so the first size is not timed half-optimised.
const warm = generateGrid(5000, 1);
for (let i = 0; i < 3; i++) analyzeSheet(warm, settings);
const result = {};
const largest = Math.max(...sizeArgs.map(Number));
for (const rows of sizeArgs.map(Number)) {
  const grid = generateGrid(rows);
  const first = analyzeSheet(grid, settings);
  if (!first.ok) throw new Error(`no ledger found in the generated grid: ${JSON.stringify(first.noLedger)}`);
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) times.push(seconds(() => analyzeSheet(grid, settings), cpu));
  const entry = { runs: times, cpu, projects: first.ledger.projects.length, issues: first.issues.length, full: null, fullError: null };
  if (rows === largest) {
    if (typeof full === 'function') {
      try {
        full(grid);
        entry.full = [];
        for (let i = 0; i < runs; i++) entry.full.push(seconds(() => full(grid)));
      } catch (e) {
        entry.fullError = e instanceof Error ? e.message : String(e);
      }
    } else entry.fullError = full;
  }
  result[rows] = entry;
}
/**
 * The grid with every amount stored as text, the forms taking turns as exports write
 * them: plain `1234.5`, grouped `1,234.5`, a unit `1234.5万元`, full-width `１２３４.５`.
 */
function allText(grid) {
  const amounts = [COL.total, COL.before, COL.plan, COL.month, COL.ytd];
  const wide = (t) => t.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  const forms = [String, (n) => n.toLocaleString('en-US', { maximumFractionDigits: 6 }), (n) => `${n}万元`, (n) => wide(String(n))];
  const values = grid.values.map((row, r) => {
    if (r < HEADER_ROWS || !row) return row;
    const out = row.slice();
    for (const c of amounts) if (typeof out[c] === 'number') out[c] = forms[(r + c) % forms.length](out[c]);
    return out;
  });
  return { ...grid, values };
}

const text = allText(generateGrid(largest));
const check = analyzeSheet(text, settings);
if (!check.ok) throw new Error('no ledger found in the all-text grid');
result[largest].text = [];
for (let i = 0; i < runs; i++) result[largest].text.push(seconds(() => analyzeSheet(text, settings)));
result[largest].textProjects = check.ledger.projects.length;
process.stdout.write(`${JSON.stringify(result)}\n`);

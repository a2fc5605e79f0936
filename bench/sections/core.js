'use strict';
/**
 * The engine alone: analyzeSheet on an in-memory grid of generated projects
 * (header → ledger → rules → figures), median of several runs after a warm-up.
 */
const fs = require('fs');
const path = require('path');
const { LIB, Skip, fitLine, label, median, round, runTimed, tail } = require('../support');

module.exports = {
  name: 'core',
  title: 'engine: analyzeSheet on a generated grid, in process (median of runs after a warm-up)',
  keys(ctx) {
    return [
      ...ctx.sizes.map((n) => `core.${label(n)}.s`),
      `core.${label(ctx.largest)}.cpuS`,
      'core.usPerRow',
      `core.${label(ctx.largest)}.full.s`,
      `core.${label(ctx.largest)}.text.s`,
    ];
  },
  targets: { 'core.100k.s': { lt: 0.5 }, 'core.100k.text.s': { lt: 0.5 } },

  async run(ctx) {
    const build = await ctx.ensureBuild();
    if (!fs.existsSync(path.join(LIB, 'core', 'analyze.js'))) throw new Skip(build.reason ?? 'lib/core/analyze.js is missing');
    const res = await runTimed(process.execPath, [
      '--expose-gc', '--max-old-space-size=4096', path.join(__dirname, 'core-child.js'), LIB, String(ctx.runs), ...ctx.sizes.map(String),
    ], { timeoutMs: 10 * 60 * 1000 });
    if (res.code !== 0) {
      const why = tail(res.stderr, 4) || `exit ${res.code ?? res.signal}`;
      throw new Skip(build.ok ? why : `${build.reason}; then: ${why}`);
    }
    const data = JSON.parse(res.stdout.trim().split('\n').pop());
    const figures = {};
    const points = [];
    for (const n of ctx.sizes) {
      const entry = data[n];
      if (entry.projects !== n) ctx.log(`core: ${label(n)} grid gave ${entry.projects} projects, not ${n}`);
      const s = median(entry.runs);
      points.push([n, s]);
      figures[`core.${label(n)}.s`] = round(s, 3);
      ctx.log(`core: ${label(n)} rows: ${entry.runs.map((x, i) => `${x.toFixed(3)} s (cpu ${entry.cpu[i].toFixed(3)})`).join(', ')}; ${entry.issues} issues`);
    }
    const fit = fitLine(points);
    figures['core.usPerRow'] = fit ? round(fit.slope * 1e6, 2) : null;
    const top = data[ctx.largest];
    figures[`core.${label(ctx.largest)}.cpuS`] = round(median(top.cpu), 3);
    if (top.full) figures[`core.${label(ctx.largest)}.full.s`] = round(median(top.full), 3);
    else {
      figures[`core.${label(ctx.largest)}.full.s`] = null;
      ctx.log(`core: full (messages + report + plan) not measured: ${top.fullError}`);
    }
    figures[`core.${label(ctx.largest)}.text.s`] = top.text ? round(median(top.text), 3) : null;
    if (top.text) ctx.log(`core: ${label(ctx.largest)} rows, every amount as text: ${top.text.map((x) => `${x.toFixed(3)} s`).join(', ')}; ${top.textProjects} projects`);
    return figures;
  },
};

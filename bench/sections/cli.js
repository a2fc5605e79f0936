'use strict';
/**
 * The whole command on a real file: `ledger check <file> --json --out …` in a
 * child process (read the .xlsx, analyse, report, write the annotated copy),
 * wall time from spawn to exit and peak RSS of that process.
 */
const fs = require('fs');
const path = require('path');
const { OUT, ROOT, Skip, fitLine, label, median, round, runTimed, tail } = require('../support');

const RSS_HOOK = path.join(__dirname, 'rss-hook.js');
const CLI_OUT = path.join(OUT, 'cli');

/** Runs the command once; throws with the reason when it does not do its job. */
async function checkOnce(file, rows, verify) {
  const reportFile = path.join(CLI_OUT, `report-${label(rows)}.json`);
  const rssFile = path.join(OUT, `rss-${process.pid}.json`);
  fs.rmSync(rssFile, { force: true });
  const res = await runTimed(process.execPath, [
    '-r', RSS_HOOK, path.join(ROOT, 'bin', 'ledger.js'), 'check', file, '--json', '--out', CLI_OUT, '--as-of', '2022-06-30',
  ], { stdoutFile: reportFile, env: { BENCH_RSS_FILE: rssFile }, timeoutMs: 10 * 60 * 1000 });
  let usage = null;
  try {
    usage = JSON.parse(fs.readFileSync(rssFile, 'utf8'));
  } catch {
    usage = null;
  }
  fs.rmSync(rssFile, { force: true });
  // Exit 1 only says the ledger has error-severity issues, which the generated one has on purpose.
  if (res.code !== 0 && res.code !== 1) {
    throw new Skip(`ledger check exited ${res.code ?? res.signal}: ${tail(res.stderr) || 'no message'}`);
  }
  if (verify) verifyReport(reportFile, rows);
  return { s: res.wallS, rssMB: usage ? usage.maxRssKB / 1024 : null, cpuS: usage ? usage.cpuS : null };
}

/** A fast run that found no projects or wrote nothing would measure nothing. */
function verifyReport(reportFile, rows) {
  let report;
  try {
    report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  } catch (e) {
    throw new Skip(`ledger check printed no JSON report: ${e instanceof Error ? e.message : e}`);
  }
  const f = report.files && report.files[0];
  if (!f || f.error) throw new Skip(`ledger check could not use the file: ${f && f.error ? f.error.message : 'no file in the report'}`);
  const projects = (f.sheets || []).reduce((a, s) => a + s.projects.length, 0);
  if (projects < rows * 0.9) throw new Skip(`ledger check found ${projects} projects of ${rows}`);
  if (!f.output || !fs.existsSync(path.resolve(ROOT, f.output))) throw new Skip('ledger check wrote no annotated copy');
}

module.exports = {
  name: 'cli',
  title: 'command: ledger check <file> --json --out bench/out/cli, child process (median wall time, max peak RSS)',
  keys(ctx) {
    const keys = [];
    for (const n of ctx.sizes) keys.push(`cli.${label(n)}.s`, `cli.${label(n)}.rssMB`);
    keys.push(`cli.${label(ctx.largest)}.cpuS`, 'cli.usPerRow', `cli.${label(ctx.largest)}.fileMB`);
    return keys;
  },
  derivedKeys(ctx) {
    return [`cli.${label(ctx.largest)}.ratio`, `cli.${label(ctx.largest)}.cpuRatio`];
  },
  targets: {
    'cli.100k.rssMB': { lt: 800 },
    'cli.100k.ratio': { le: 0.25 },
  },

  async run(ctx) {
    const build = await ctx.ensureBuild();
    if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'commands.js'))) throw new Skip(build.reason ?? 'lib/cli/commands.js is missing');
    fs.mkdirSync(CLI_OUT, { recursive: true });
    const figures = {};
    const points = [];
    for (const n of ctx.sizes) {
      const file = ctx.ledgerFile(n);
      if (n === ctx.largest) figures[`cli.${label(n)}.fileMB`] = round(fs.statSync(file).size / 1e6, 1);
      const runs = [];
      try {
        for (let i = 0; i < ctx.cliRuns; i++) runs.push(await checkOnce(file, n, i === 0));
      } catch (e) {
        const why = `${build.ok ? '' : `${build.reason}; then: `}${e instanceof Error ? e.message : e}`;
        // Failing on the smallest file means the command does not work yet; a failure
        // on a larger one (out of memory, say) still leaves the smaller figures.
        if (points.length === 0) throw new Skip(why);
        ctx.log(`cli: ${label(n)}: ${why}`);
        figures[`cli.${label(n)}.s`] = null;
        figures[`cli.${label(n)}.rssMB`] = null;
        continue;
      }
      const s = median(runs.map((r) => r.s));
      const rss = runs.map((r) => r.rssMB).filter((x) => x !== null);
      points.push([n, s]);
      figures[`cli.${label(n)}.s`] = round(s, 3);
      figures[`cli.${label(n)}.rssMB`] = rss.length ? round(Math.max(...rss), 0) : null;
      if (n === ctx.largest) {
        const cpu = runs.map((r) => r.cpuS).filter((x) => x !== null);
        figures[`cli.${label(n)}.cpuS`] = cpu.length ? round(median(cpu), 3) : null;
      }
      const mb = (r) => (r.rssMB === null ? '?' : r.rssMB.toFixed(0));
      const cpu = (r) => (r.cpuS === null ? '?' : r.cpuS.toFixed(2));
      ctx.log(`cli: ${label(n)} rows: ${runs.map((r) => `${r.s.toFixed(2)} s (cpu ${cpu(r)} s, ${mb(r)} MB)`).join(', ')}`);
    }
    const fit = fitLine(points);
    figures['cli.usPerRow'] = fit ? round(fit.slope * 1e6, 2) : null;
    return figures;
  },

  /** Ours against exceljs merely reading and writing the same file: wall time, and CPU time (steadier on a busy machine). */
  derive(figures, ctx) {
    const k = label(ctx.largest);
    const ratio = (a, b) => (a && b ? round(a / b, 3) : null);
    return {
      [`cli.${k}.ratio`]: ratio(figures[`cli.${k}.s`], figures[`exceljs.${k}.s`]),
      [`cli.${k}.cpuRatio`]: ratio(figures[`cli.${k}.cpuS`], figures[`exceljs.${k}.cpuS`]),
    };
  },
};

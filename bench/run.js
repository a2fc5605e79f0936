'use strict';
/**
 * The benchmark runner: `npm run bench` prints a table, `npm run --silent bench -- --json`
 * one JSON object of every figure on stdout. Progress and reasons go to stderr.
 *
 * A section is bench/sections/<name>.js exporting
 *   { name, title, keys(ctx) → string[], run(ctx) → Promise<{key: number|null}>,
 *     targets?: {key: {lt|le|gt|ge: number}}, derivedKeys?(ctx), derive?(figures, ctx) }
 * A section that cannot run throws (Skip from support.js for a known reason): its
 * keys are reported as null and the reason goes to stderr.
 */
const os = require('os');
const { Skip, ensureBuild, ledgerFile, log } = require('./support');

const SECTION_NAMES = ['core', 'cli', 'exceljs', 'addin', 'web'];
const FULL = { sizes: [25000, 50000, 100000], runs: 5, cliRuns: 3 };
const QUICK = { sizes: [5000, 10000, 20000], runs: 3, cliRuns: 1 };

const USAGE = `usage: node bench/run.js [--json] [--only ${SECTION_NAMES.join(',')}] [--quick] [--sizes 25000,50000,100000] [--runs N] [--cli-runs N]
  --json       one JSON object of all figures on stdout, nothing else
  --only       run these sections (their figures only)
  --quick      smaller sizes (${QUICK.sizes.join(', ')}) and fewer runs, to try the bench out
  --sizes      project rows per ledger; the largest is also the one exceljs and the ratio use
  --runs       timed engine runs per size (median is reported), default ${FULL.runs}
  --cli-runs   command runs per size, default ${FULL.cliRuns}`;

function parseArgs(argv) {
  const opts = { json: false, only: null, help: false, ...FULL };
  const positive = (v, what) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${what}: not a positive whole number: ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--json') opts.json = true;
    else if (a === '--quick') Object.assign(opts, QUICK);
    else if (a === '--only') {
      opts.only = value().split(',').filter(Boolean);
      const unknown = opts.only.filter((s) => !SECTION_NAMES.includes(s));
      if (unknown.length) throw new Error(`unknown section: ${unknown.join(', ')}`);
    } else if (a === '--sizes') opts.sizes = value().split(',').map((v) => positive(v, a));
    else if (a === '--runs') opts.runs = positive(value(), a);
    else if (a === '--cli-runs') opts.cliRuns = positive(value(), a);
    else if (a === '--help' || a === '-h') opts.help = true;
    else throw new Error(`unknown option: ${a}`);
  }
  opts.sizes = [...new Set(opts.sizes)].sort((x, y) => x - y);
  return opts;
}

function unitOf(key) {
  if (key.endsWith('.s') || key.endsWith('S')) return 's';
  if (key.endsWith('MB')) return 'MB';
  if (key.endsWith('KB')) return 'KB';
  if (key.endsWith('usPerRow')) return 'µs/row';
  if (/ratio$/i.test(key)) return '×';
  return '';
}

/** A target is {lt}, {le}, {gt} or {ge}: the figure must be below / at most / above / at least it. */
function verdict(value, target) {
  if (!target) return '';
  const [op, bound] = Object.entries(target)[0];
  const sign = { lt: '<', le: '≤', gt: '>', ge: '≥' }[op];
  const limit = `target ${sign} ${bound}`;
  if (value === null) return `${limit}  (not measured)`;
  const ok = op === 'lt' ? value < bound : op === 'le' ? value <= bound : op === 'gt' ? value > bound : value >= bound;
  return `${limit}  ${ok ? 'ok' : 'MISSED'}`;
}

function table(sections, figures, skipped, loadAtStart) {
  const width = Math.max(...Object.keys(figures).map((k) => k.length), 10) + 2;
  const cpus = os.cpus();
  const lines = [
    `ledger-check bench · node ${process.version} · ${cpus.length} CPU${cpus.length === 1 ? '' : 's'} (${cpus[0] ? cpus[0].model.trim() : '?'}) · ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM · load ${loadAtStart.toFixed(1)} at start`,
  ];
  for (const { section, keys } of sections) {
    lines.push('', `${section.name} — ${section.title}`);
    if (skipped[section.name]) lines.push(`  (not run: ${skipped[section.name]})`);
    for (const key of keys) {
      const v = figures[key];
      const shown = v === null ? '—' : String(v);
      const target = section.targets && section.targets[key];
      lines.push(`  ${key.padEnd(width)}${shown.padStart(10)} ${unitOf(key).padEnd(7)}${verdict(v, target)}`.trimEnd());
    }
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench: ${e.message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const ctx = {
    sizes: opts.sizes,
    largest: opts.sizes[opts.sizes.length - 1],
    runs: opts.runs,
    cliRuns: opts.cliRuns,
    log,
    ensureBuild,
    ledgerFile,
  };
  const loadAtStart = os.loadavg()[0];
  if (loadAtStart > os.cpus().length * 0.5) {
    log(`load average ${loadAtStart.toFixed(1)} on ${os.cpus().length} CPUs: other work is running, wall times will be high (the cpuS figures suffer less)`);
  }
  const chosen = SECTION_NAMES.filter((n) => !opts.only || opts.only.includes(n)).map((n) => require(`./sections/${n}`));
  const figures = {};
  const skipped = {};
  const shown = [];
  for (const section of chosen) {
    const keys = section.keys(ctx);
    for (const key of keys) figures[key] = null;
    const t0 = Date.now();
    try {
      const got = await section.run(ctx);
      Object.assign(figures, got);
      log(`${section.name}: done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    } catch (e) {
      const reason = e instanceof Skip ? e.message : `failed: ${e && e.stack ? e.stack : e}`;
      skipped[section.name] = reason.split('\n')[0];
      log(`${section.name}: not run: ${reason}`);
    }
    shown.push({ section, keys: [...keys, ...Object.keys(figures).filter((k) => !keys.includes(k) && !shown.some((s) => s.keys.includes(k)))] });
  }
  // Figures that combine sections (ours / exceljs) come once every section has run.
  for (const entry of shown) {
    const { section } = entry;
    if (!section.derive) continue;
    const derived = section.derive(figures, ctx);
    for (const key of section.derivedKeys ? section.derivedKeys(ctx) : Object.keys(derived)) {
      figures[key] = derived[key] === undefined ? null : derived[key];
      if (!entry.keys.includes(key)) entry.keys.push(key);
    }
  }
  process.stdout.write(opts.json ? `${JSON.stringify(figures, null, 2)}\n` : table(shown, figures, skipped, loadAtStart));
}

main().catch((e) => {
  process.stderr.write(`bench: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});

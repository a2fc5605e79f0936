'use strict';
/**
 * The sample county ledgers of examples/: projects drawn deterministically from
 * example-data.js, laid out the three ways county offices submit them, with a few
 * planted mistakes. Each builder returns a fixture-like ledger plus `planted`, the
 * cells and issue codes a check must find (listed in examples/README.md).
 */
const { serial, projectCode } = require('../test/fixtures/ledgers/common');
const { ITEMS, PROGRESS_STARTED, PROGRESS_PENDING, PROBLEMS, LEADERS } = require('./example-data');

/** A small seeded generator (mulberry32): the same samples on every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const round = (x, step) => Math.round(x / step) * step;

/**
 * Projects of one county at the end of `month`: spec { county, short, area, n, seed,
 * center (typical completion rate), notStarted (how many) }.
 */
function makeProjects(spec) {
  const rnd = rng(spec.seed);
  const idle = new Set();
  while (idle.size < spec.notStarted) idle.add(2 + Math.floor(rnd() * (spec.n - 2)));
  const projects = [];
  for (let i = 0; i < spec.n; i++) {
    const [item, unitTpl, nature, industry, sector] = ITEMS[(spec.seed + i * 7) % ITEMS.length];
    const filled = unitTpl.replace('{s}', spec.short).replace('{c}', spec.county);
    const unit = /^(山东|国网|中国)/.test(filled) ? filled : spec.county + filled;
    const plan = Math.max(1500, round(Math.exp(8.6 + (rnd() + rnd() + rnd() - 1.5) * 1.2), 100));
    const total = round(plan * pick(rnd, [1.5, 2, 2.5, 3, 4, 6]), 100);
    const started = !idle.has(i);
    const rate = Math.min(0.98, Math.max(0.18, spec.center + (rnd() - 0.5) * 0.4));
    const ytd = started ? round(plan * rate, 10) : 0;
    const month = started ? round(ytd * (0.12 + rnd() * 0.1), 10) : 0;
    const year = nature === '续建' ? 2020 + Math.floor(rnd() * 2) : 2022;
    let start;
    if (!started) start = serial(2022, 3 + Math.floor(rnd() * 8), 1 + Math.floor(rnd() * 28));
    else if (year < 2022) start = `${year}.${1 + Math.floor(rnd() * 12)}`;
    else start = serial(2022, 1 + Math.floor(rnd() * 5), 1 + Math.floor(rnd() * 28));
    projects.push({
      name: spec.short + item,
      code: projectCode(year, spec.area, industry, i % 3 === 0 ? '02' : '03', String(200000 + spec.seed * 131 + i * 977).slice(-6)),
      unit, nature, sector, start, total, plan, month, ytd, started,
      period: `${year}-${year + 1 + (i % 3)}`,
      progress: started ? pick(rnd, PROGRESS_STARTED) : pick(rnd, PROGRESS_PENDING),
      problem: !started || rate < spec.center - 0.15 ? pick(rnd, PROBLEMS) : null,
      leader: LEADERS[(spec.seed + i) % LEADERS.length],
    });
  }
  return projects;
}

/** Last month's ledger of the same projects: this month's figure taken off the year to date. */
function previousOf(projects) {
  return projects.map((p) => {
    const ytd = p.ytd - p.month;
    return { ...p, ytd, month: p.started ? round(ytd * 0.2, 10) : 0 };
  });
}

const sum = (list, key) => list.reduce((s, p) => s + (typeof p[key] === 'number' ? p[key] : Number(p[key])), 0);

module.exports = { rng, makeProjects, previousOf, sum };

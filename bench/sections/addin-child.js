'use strict';
/**
 * The add-in's heavy work for the bench, in its own process:
 *
 *   node bench/sections/addin-child.js pane <out dir>
 *     builds the site with webpack.config.js in production mode into <out dir>
 *     (types are left to tsc: transpile only, no source maps; the code is the same)
 *   node bench/sections/addin-child.js syncs <transpiled dir> <rows>
 *     loads a generated ledger into the strict fake Excel, then reads it, checks
 *     it and writes the plan through the Office.js adapter as the pane does;
 *     prints one JSON line: { projects, read, write, marks } with each step's
 *     { syncs, maxRequest, maxResponse } in bytes.
 */
const path = require('path');
const { generateGrid } = require('../generate');

const ROOT = path.resolve(__dirname, '..', '..');

function buildPane(outDir) {
  const webpack = require('webpack');
  const configure = require(path.join(ROOT, 'webpack.config.js'));
  const built = configure({}, { mode: 'production' });
  // The add-in's configuration only: the pane is what this section measures.
  const config = Array.isArray(built) ? built.find((c) => c.name === 'addin') : built;
  config.output = { ...config.output, path: outDir };
  config.devtool = false;
  for (const rule of config.module.rules) {
    if (rule.loader === 'ts-loader') rule.options = { ...rule.options, transpileOnly: true };
  }
  webpack(config, (err, stats) => {
    if (err || stats.hasErrors()) {
      process.stderr.write(`${err ? err.message : stats.toString('errors-only')}\n`);
      process.exitCode = 1;
    }
  });
}

/** The grid as cells of a fake sheet: values, date formats and the merged title. */
function fakeWorkbook(fake, grid) {
  const { FakeWorkbook, rectA1 } = fake;
  const wb = new FakeWorkbook();
  const sheet = wb.addSheet(grid.name);
  grid.values.forEach((row, r) => {
    if (row && row.length) sheet.put(rectA1({ r0: r, c0: 0, r1: r, c1: 0 }), [row]);
  });
  for (const [key, fmt] of grid.numFmts || []) {
    const r = Math.floor(key / 16384);
    const c = key % 16384;
    sheet.numFmt(rectA1({ r0: r, c0: c, r1: r, c1: c }), fmt);
  }
  for (const m of grid.merges || []) sheet.merge(rectA1(m));
  wb.activate(grid.name);
  return wb;
}

function stats(office) {
  return {
    syncs: office.syncs.length,
    failed: office.syncs.filter((s) => s.failed).length,
    maxRequest: office.maxRequest(),
    maxResponse: office.maxResponse(),
  };
}

async function measureSyncs(jsDir, rows) {
  const fake = require(path.join(jsDir, 'test', 'fake-excel', 'index.js'));
  const { ExcelHost } = require(path.join(jsDir, 'src', 'excel', 'excel-host.js'));
  const { checkGrids } = require(path.join(jsDir, 'src', 'taskpane', 'model.js'));
  const { DEFAULT_SETTINGS } = require(path.join(jsDir, 'src', 'core', 'types.js'));

  const grid = generateGrid(rows);
  const office = fake.createFakeOffice(fakeWorkbook(fake, grid)).install();
  const host = new ExcelHost({ lang: 'zh-CN', retryDelayMs: 1 });

  const grids = await host.readSheets();
  const read = stats(office);
  const cellsIn = grid.values.reduce((n, row) => n + (row ? row.filter((v) => v !== null && v !== undefined && v !== '').length : 0), 0);
  const cellsOut = grids[0].values.reduce((n, row) => n + (row ? row.filter((v) => v !== null && v !== undefined && v !== '').length : 0), 0);
  // A read that lost cells would make a low sync count meaningless.
  if (grids.length !== 1 || cellsOut !== cellsIn) throw new Error(`the adapter read ${cellsOut} cells of ${cellsIn}`);

  const result = checkGrids(grids, { ...DEFAULT_SETTINGS, today: '2022-06-30' });
  const projects = result.sheets.reduce((n, s) => n + s.projects.length, 0);

  office.host.resetStats();
  await host.writeColumns(result.plans);
  const write = stats(office);

  office.host.resetStats();
  await host.writeMarks(result.plans);
  const marks = stats(office);
  office.uninstall();
  return { projects, cells: cellsIn, planCells: result.plans.reduce((n, p) => n + p.cells.length, 0), read, write, marks };
}

const [mode, dir, rowsArg] = process.argv.slice(2);
if (mode === 'pane') buildPane(path.resolve(dir));
else if (mode === 'syncs') {
  measureSyncs(path.resolve(dir), Number(rowsArg)).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e) => {
      process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
      process.exitCode = 1;
    },
  );
} else {
  process.stderr.write('usage: addin-child.js pane <out dir> | syncs <transpiled dir> <rows>\n');
  process.exitCode = 2;
}

'use strict';
/**
 * Large, realistic key-project ledgers for the benchmarks: the same rows as an
 * in-memory Grid (for the engine) or as a real .xlsx (for the command).
 * Plain Node so it runs before anything is compiled.
 *
 *   node bench/generate.js <rows> <file.xlsx> [seed]
 */
const { eachLedgerRow, COL, HEADER, HEADER_ROWS, SHEET_NAME, DATE_FORMAT, COUNTIES, DEFAULT_SEED } = require('./ledger-rows');
const { writeXlsx } = require('./xlsx-writer');

/** As cellKey in src/core/grid.ts: r * 16384 + c. */
const MAX_COLS = 16384;

/**
 * A Grid (src/core/grid.ts) of `rows` projects as the xlsx reader would give it:
 * values, the date format on date cells, and the title merged across the header's width.
 */
function generateGrid(rows, seed) {
  const values = [];
  const numFmts = new Map();
  eachLedgerRow(rows, seed, (cells, r) => {
    if (r >= HEADER_ROWS && typeof cells[COL.start] === 'number') numFmts.set(r * MAX_COLS + COL.start, DATE_FORMAT);
    values.push(cells);
  });
  return {
    name: SHEET_NAME,
    values,
    numFmts,
    merges: [{ r0: 0, c0: 0, r1: 0, c1: HEADER.length - 1 }],
  };
}

module.exports = { generateGrid, writeXlsx, eachLedgerRow, HEADER, HEADER_ROWS, SHEET_NAME, DATE_FORMAT, COUNTIES, DEFAULT_SEED };

if (require.main === module) {
  const [rowsArg, file, seedArg] = process.argv.slice(2);
  const rows = Number(rowsArg);
  if (!Number.isInteger(rows) || rows < 0 || !file) {
    process.stderr.write('usage: node bench/generate.js <rows> <file.xlsx> [seed]\n');
    process.exit(2);
  }
  const t0 = process.hrtime.bigint();
  const bytes = writeXlsx(rows, file, seedArg === undefined ? undefined : Number(seedArg));
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stderr.write(`${file}: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB in ${s.toFixed(1)} s\n`);
}

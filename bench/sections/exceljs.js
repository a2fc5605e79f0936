'use strict';
/**
 * The yardstick: exceljs (a devDependency) reading the same generated file and
 * writing it back, once, in a child process with a 4 GB heap.
 */
const fs = require('fs');
const path = require('path');
const { OUT, Skip, label, round, runTimed, tail } = require('../support');

module.exports = {
  name: 'exceljs',
  title: 'yardstick: exceljs readFile + writeFile of the same file, child process, one run',
  keys(ctx) {
    const k = label(ctx.largest);
    return [`exceljs.${k}.s`, `exceljs.${k}.readS`, `exceljs.${k}.writeS`, `exceljs.${k}.cpuS`, `exceljs.${k}.rssMB`];
  },
  targets: {},

  async run(ctx) {
    try {
      require.resolve('exceljs');
    } catch {
      throw new Skip('exceljs is not installed (npm install)');
    }
    const n = ctx.largest;
    const k = label(n);
    const input = ctx.ledgerFile(n);
    const output = path.join(OUT, 'exceljs', `ledger-${k}.xlsx`);
    fs.mkdirSync(path.dirname(output), { recursive: true });
    ctx.log(`exceljs: reading and writing ${k} rows (takes a while)`);
    const res = await runTimed(process.execPath, [
      '--max-old-space-size=4096', path.join(__dirname, 'exceljs-child.js'), input, output,
    ], { timeoutMs: 10 * 60 * 1000 });
    if (res.code !== 0) throw new Skip(`exceljs exited ${res.code ?? res.signal}: ${tail(res.stderr) || 'no message'}`);
    const data = JSON.parse(res.stdout.trim().split('\n').pop());
    ctx.log(`exceljs: ${k} rows: read ${data.readS.toFixed(1)} s, write ${data.writeS.toFixed(1)} s, cpu ${data.cpuS.toFixed(1)} s, ${data.rssMB.toFixed(0)} MB`);
    return {
      [`exceljs.${k}.s`]: round(res.wallS, 3),
      [`exceljs.${k}.readS`]: round(data.readS, 3),
      [`exceljs.${k}.writeS`]: round(data.writeS, 3),
      [`exceljs.${k}.cpuS`]: round(data.cpuS, 3),
      [`exceljs.${k}.rssMB`]: round(data.rssMB, 0),
    };
  },
};

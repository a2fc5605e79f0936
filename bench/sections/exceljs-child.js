'use strict';
/**
 * exceljs alone reading a workbook and writing it back, the yardstick for the command.
 *   node --max-old-space-size=4096 bench/sections/exceljs-child.js <in.xlsx> <out.xlsx>
 * prints one JSON line: { readS, writeS, rssMB, cpuS }
 */
const ExcelJS = require('exceljs');

async function main() {
  const [input, output] = process.argv.slice(2);
  const t0 = process.hrtime.bigint();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const t1 = process.hrtime.bigint();
  await wb.xlsx.writeFile(output);
  const t2 = process.hrtime.bigint();
  const use = process.resourceUsage();
  process.stdout.write(`${JSON.stringify({
    readS: Number(t1 - t0) / 1e9,
    writeS: Number(t2 - t1) / 1e9,
    rssMB: use.maxRSS / 1024,
    cpuS: (use.userCPUTime + use.systemCPUTime) / 1e6,
  })}\n`);
}

main().catch((e) => {
  process.stderr.write(`exceljs: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});

#!/usr/bin/env node
'use strict';
// `npm run demo`: the main job on the bundled sample ledgers in examples/.
// Checks every county's workbook (annotated copies go to ledger-out/), prints the
// city-wide ranking and the 通报 paragraph, then compares one county with last month.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const ledger = path.join(root, 'bin', 'ledger.js');
const examples = path.join(root, 'examples');
const out = path.join(root, 'ledger-out');

function run(title, args) {
  process.stdout.write(`\n=== ${title}\n$ ledger ${args.join(' ')}\n\n`);
  const res = spawnSync(process.execPath, [ledger, ...args], { cwd: root, stdio: 'inherit' });
  // 1 means the samples' deliberate mistakes were found: that is the point of the demo.
  if (res.status !== 0 && res.status !== 1) {
    process.stderr.write(`demo: ledger ${args[0]} failed (exit ${res.status})\n`);
    process.exit(res.status || 2);
  }
}

const samples = fs.readdirSync(examples).filter((f) => f.endsWith('.xlsx')).sort();
if (samples.length === 0) {
  process.stderr.write('demo: no sample workbooks in examples/\n');
  process.exit(2);
}
run('检查各县台账（全市排名）', ['check', 'examples', '--out', 'ledger-out']);
run('生成通报', ['bulletin', 'examples']);
const prevDir = path.join(examples, 'previous');
if (fs.existsSync(prevDir)) {
  const prev = fs.readdirSync(prevDir).filter((f) => f.endsWith('.xlsx')).sort()[0];
  if (prev && fs.existsSync(path.join(examples, prev))) {
    run('与上期对比', ['check', path.join('examples', prev), '--previous', path.join('examples', 'previous', prev), '--out', 'ledger-out']);
  }
}
const written = fs.existsSync(out) ? fs.readdirSync(out).filter((f) => f.endsWith('.checked.xlsx')) : [];
process.stdout.write(`\n批注后的工作簿（含计算列、汇总表和问题清单）已写到 ${path.relative(process.cwd(), out) || '.'}/：\n`);
for (const f of written.sort()) process.stdout.write(`  ${path.join(path.relative(process.cwd(), out), f)}\n`);

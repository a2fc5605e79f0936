#!/usr/bin/env node
'use strict';
// `npm run make:examples`: writes the sample ledgers of examples/ (one workbook per
// county, end of June 2022) and examples/previous/ (two of them at the end of May), and
// prints the planted mistakes that examples/README.md lists.
const path = require('path');
const { seed000Yanggu } = require('../test/fixtures/ledgers');
const { fromA1 } = require('./a1');
const { makeProjects, previousOf } = require('./example-ledgers');
const { oneRow, twoRow, blocks } = require('./example-layouts');
const { newWorkbook, addLedgerSheet, saveWorkbook } = require('./fixture-workbook');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'examples');
const MONTH = 6;

const NOTES = [
  '填报说明',
  '1. 本表由各县（市、区）发展和改革局每月5日前报送市发展和改革委员会。',
  '2. 金额单位为万元，保留整数；“1-6月完成”指2022年1月1日至6月30日累计完成投资。',
  '3. 完成率=1-6月完成÷计划投资×100，保留一位小数。',
  '4. 开工情况填写“已开工”“未开工”或“已竣工”。',
  '联系人：市发展和改革委员会重点项目科',
];

/** Adds `delta` to a numeric cell of a ledger's rows (a hand-typed total that drifted). */
function bump(ledger, a1, delta) {
  const { r, c } = fromA1(a1);
  ledger.rows[r][c] += delta;
}

/** The first started project at or after index i. */
function startedFrom(list, i) {
  while (!list[i].started) i++;
  return i;
}

async function writeBook(file, sheets) {
  const wb = newWorkbook();
  for (const { ledger, look } of sheets) {
    if (ledger.notes) {
      const ws = wb.addWorksheet(ledger.sheet);
      ledger.notes.forEach((line, i) => (ws.getCell(i + 1, 1).value = line));
      ws.getColumn(1).width = 80;
      ws.getCell(1, 1).font = { bold: true, size: 14 };
    } else addLedgerSheet(wb, ledger, look);
  }
  await saveWorkbook(wb, file);
  process.stdout.write(`${path.relative(root, file)}\n`);
}

/** A county whose submission is also kept at the end of May: base has one project more than each month. */
function twoMonths(spec, layout, sheet, removedAt, planting) {
  const base = makeProjects({ ...spec, n: spec.n + 1 });
  const added = base[base.length - 1];
  const removed = base[removedAt];
  const current = base.filter((p) => p !== removed);
  const previous = previousOf(base.filter((p) => p !== added));
  // One project's year to date falls from May to June: May's figure was 600 higher.
  const fell = startedFrom(current, 9);
  previous[previous.indexOf(previous.find((p) => p.name === current[fell].name))].ytd = current[fell].ytd + 600;
  const planted = planting(current);
  const ledger = { sheet, ...layout(spec.county, current, MONTH) };
  const last = { sheet, ...layout(spec.county, previous, MONTH - 1) };
  const report = planted.map(([i, field, code]) => [i === null ? ledger.totalAt(field) : ledger.at(i, field), code]);
  report.push([ledger.at(fell, 'ytd'), 'decreased-since-previous (with --previous)']);
  report.push([ledger.at(current.indexOf(added), 'name'), 'project-added (with --previous)']);
  report.push([`${removed.name}`, 'project-removed (with --previous)']);
  return { ledger, last, report };
}

async function main() {
  const planted = {};

  // 阳谷县: the ledger behind seed 000's sentence, in a styled office look; no mistakes.
  const yanggu = seed000Yanggu();
  await writeBook(path.join(out, '阳谷县.xlsx'), [{ ledger: { ...yanggu, headerRows: yanggu.expected.headerRows }, look: 'styled' }]);
  planted['阳谷县'] = [];

  // 莘县: one header row; a figure stored as text, and the project added this month entered with a short code.
  const shen = twoMonths({ county: '莘县', short: '莘县', area: '371522', n: 32, seed: 11, center: 0.55, notStarted: 4 },
    oneRow, '重点项目', 20, (list) => {
      const last = list.length - 1;
      list[4].ytd = String(list[4].ytd);
      list[last].code = list[last].code.slice(0, -1);
      return [[4, 'ytd', 'number-as-text'], [last, 'code', 'invalid-project-code']];
    });
  await writeBook(path.join(out, '莘县.xlsx'), [{ ledger: shen.ledger }]);
  await writeBook(path.join(out, 'previous', '莘县.xlsx'), [{ ledger: shen.last }]);
  planted['莘县'] = shen.report;

  // 东阿县: two header rows; a typed rate that disagrees, a 合计 that drifted by 200; a 说明 sheet.
  const donge = twoMonths({ county: '东阿县', short: '东阿', area: '371524', n: 24, seed: 23, center: 0.6, notStarted: 3 },
    twoRow, '重点项目台账', 5, (list) => {
      const i = startedFrom(list, 8);
      list[i].rate = Math.round((list[i].ytd / list[i].plan) * 1000 + 150) / 10;
      return [[i, 'rate', 'reported-rate-mismatch'], [null, 'ytd', 'subtotal-mismatch']];
    });
  bump(donge.ledger, donge.ledger.totalAt('ytd'), 200);
  const notes = { sheet: '说明', notes: NOTES };
  await writeBook(path.join(out, '东阿县.xlsx'), [{ ledger: donge.ledger }, { ledger: notes }]);
  await writeBook(path.join(out, 'previous', '东阿县.xlsx'), [{ ledger: donge.last }, { ledger: notes }]);
  planted['东阿县'] = donge.report;

  // 冠县: 福建-style heading blocks; a total investment below what was completed, a name with a trailing space.
  const guan = makeProjects({ county: '冠县', short: '冠县', area: '371525', n: 28, seed: 37, center: 0.58, notStarted: 3 });
  const over = startedFrom(guan, 5);
  guan[over].total = guan[over].ytd - 500;
  guan[14].name += ' ';
  const guanLedger = { sheet: '冠县', ...blocks('冠县', guan, MONTH) };
  await writeBook(path.join(out, '冠县.xlsx'), [{ ledger: guanLedger }]);
  planted['冠县'] = [[guanLedger.at(over, 'ytd'), 'completed-exceeds-total'], [guanLedger.at(over, 'plan'), 'plan-exceeds-total'],
    [guanLedger.at(14, 'name'), 'text-noise']];

  // 临清市: one header row, 40 projects; 否 with investment, 约 in a figure, a code copied from another project.
  const linqing = makeProjects({ county: '临清市', short: '临清', area: '371581', n: 40, seed: 53, center: 0.5, notStarted: 6 });
  const idleWithMoney = startedFrom(linqing, 6);
  linqing[idleWithMoney].status = '否';
  const about = startedFrom(linqing, 17);
  linqing[about].month = `约${linqing[about].month}`;
  linqing[25].code = linqing[3].code;
  const lq = { sheet: 'Sheet1', ...oneRow('临清市', linqing, MONTH) };
  await writeBook(path.join(out, '临清市.xlsx'), [{ ledger: lq }]);
  planted['临清市'] = [[lq.at(idleWithMoney, 'status'), 'status-inconsistent'], [lq.at(about, 'month'), 'approximate-figure'],
    [lq.at(25, 'code'), 'duplicate-project']];

  process.stdout.write('\nplanted mistakes:\n');
  for (const [county, list] of Object.entries(planted)) {
    for (const [cell, code] of list) process.stdout.write(`  ${county}  ${cell}  ${code}\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`make-examples: ${e.stack || e.message}\n`);
  process.exit(1);
});

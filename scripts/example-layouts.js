'use strict';
/**
 * The three layouts the sample county ledgers come in. Each takes the projects of one
 * county and the month of the report, and returns a fixture-like ledger (rows, merges,
 * formats, widths, headerRows) plus `at(i, field)`: the A1 cell of project i's field.
 */
const { rowOf, col } = require('../test/fixtures/ledgers/common');
const { sum } = require('./example-ledgers');

const pct1 = (ytd, plan) => Math.round((ytd / plan) * 1000) / 10;

/** One header row, the 合计 right under it (莘县, 临清市). */
function oneRow(county, projects, month) {
  const header = ['序号', '县（市、区）', '项目名称', '项目代码', '责任单位', '建设性质', '计划开工时间', '总投资',
    '年度计划投资', `${month}月完成投资`, `1-${month}月完成投资`, '是否开工', '形象进度', '存在问题', '包联领导'];
  const W = header.length;
  const fields = { code: 4, total: 8, plan: 9, month: 10, ytd: 11, status: 12, name: 3 };
  const rows = [
    rowOf(W, [`2022年${county}重点项目进展情况表（截至${month}月底）`]),
    rowOf(W, ['单位：万元']),
    header,
    rowOf(W, ['合计', null, null, null, null, null, null, sum(projects, 'total'), sum(projects, 'plan'),
      sum(projects, 'month'), sum(projects, 'ytd')]),
  ];
  projects.forEach((p, i) => rows.push([i + 1, county, p.name, p.code, p.unit, p.nature, p.start, p.total, p.plan,
    p.month, p.ytd, p.status ?? (p.started ? '是' : '否'), p.progress, p.problem, p.leader]));
  const last = rows.length;
  return {
    rows, headerRows: [3],
    merges: [`A1:${col(W)}1`, `A2:${col(W)}2`, 'A4:G4'],
    formats: [{ range: `G5:G${last}`, fmt: 'yyyy-mm-dd' }, { range: `H4:K${last}`, fmt: '#,##0' }],
    widths: [6, 11, 32, 26, 28, 9, 13, 10, 12, 12, 13, 9, 16, 16, 10],
    at: (i, field) => `${col(fields[field])}${5 + i}`,
    totalAt: (field) => `${col(fields[field])}4`,
  };
}

/** Two header rows merged, `2022年` over the year's figures, the 合计 at the bottom (东阿县). */
function twoRow(county, projects, month) {
  const top = ['序号', '县（市、区）', '项目名称', '项目代码', '建设单位', '总投资', '2022年', null, null, null, '开工情况',
    '形象进度', '备注'];
  const sub = [null, null, null, null, null, null, '计划投资', `${month}月完成`, `1-${month}月完成`, '完成率(%)', null, null, null];
  const W = top.length;
  const fields = { code: 4, total: 6, plan: 7, month: 8, ytd: 9, rate: 10, status: 11, name: 3 };
  const rows = [
    rowOf(W, [`${county}2022年重点项目推进情况表`]),
    rowOf(W, [null, null, null, null, null, null, null, null, null, null, null, '单位：万元']),
    top, sub,
  ];
  projects.forEach((p, i) => rows.push([i + 1, county, p.name, p.code, p.unit, p.total, p.plan, p.month, p.ytd,
    p.rate ?? pct1(p.ytd, p.plan), p.status ?? (p.started ? '已开工' : '未开工'), p.progress, p.problem]));
  const ytd = sum(projects, 'ytd');
  const plan = sum(projects, 'plan');
  rows.push(rowOf(W, ['合计', null, null, null, null, sum(projects, 'total'), plan, sum(projects, 'month'), ytd, pct1(ytd, plan)]));
  const last = rows.length;
  const merges = [`A1:${col(W)}1`, `L2:${col(W)}2`, 'G3:J3', `A${last}:E${last}`];
  for (const c of [1, 2, 3, 4, 5, 6, 11, 12, 13]) merges.push(`${col(c)}3:${col(c)}4`);
  return {
    rows, headerRows: [3, 4], merges,
    formats: [{ range: `F5:I${last}`, fmt: '#,##0' }, { range: `J5:J${last}`, fmt: '0.0' }],
    widths: [6, 11, 32, 26, 28, 10, 10, 10, 11, 10, 10, 16, 16],
    at: (i, field) => `${col(fields[field])}${5 + i}`,
    totalAt: (field) => `${col(fields[field])}${last}`,
  };
}

const SECTORS = ['工业', '基础设施', '社会民生'];
const NUMERALS = ['一', '二', '三'];

/** 福建-template blocks: 合计（N项）, then `一、工业项目（n项）` headings carrying their sums (冠县). */
function blocks(county, projects, month) {
  const header = ['序号', '县（市、区）', '项目名称', '项目代码', '责任单位', '建设性质', '建设起止年限', '总投资',
    '2022年计划投资', `1-${month}月完成投资`, '项目进展状态', '形象进度'];
  const W = header.length;
  const fields = { code: 4, total: 8, plan: 9, ytd: 10, status: 11, name: 3 };
  const sums = (list) => [sum(list, 'total'), sum(list, 'plan'), sum(list, 'ytd')];
  const rows = [
    rowOf(W, [`2022年${county}重点项目建设进展情况表（1-${month}月）`]),
    rowOf(W, ['单位：万元']),
    header,
    rowOf(W, [null, null, `合计（${projects.length}项）`, null, null, null, null, ...sums(projects)]),
  ];
  const rowOfProject = new Map();
  let n = 0;
  SECTORS.forEach((sector, k) => {
    const list = projects.filter((p) => p.sector === sector);
    rows.push(rowOf(W, [null, null, `${NUMERALS[k]}、${sector}项目（${list.length}项）`, null, null, null, null, ...sums(list)]));
    for (const p of list) {
      n += 1;
      rows.push([n, county, p.name, p.code, p.unit, p.nature, p.period, p.total, p.plan, p.ytd,
        p.status ?? (p.started ? '在建' : '未开工'), p.progress]);
      rowOfProject.set(p, rows.length);
    }
  });
  rows.push(rowOf(W, []));
  rows.push(rowOf(W, [`填报单位：${county}发展和改革局`, null, null, null, '填报人：周敏', null, null, null, '审核人：马建新']));
  const last = rows.length;
  return {
    rows, headerRows: [3],
    merges: [`A1:${col(W)}1`, `A2:${col(W)}2`, `A${last}:D${last}`],
    formats: [{ range: `H4:J${last - 2}`, fmt: '#,##0' }],
    widths: [6, 11, 32, 26, 28, 9, 12, 10, 13, 13, 12, 16],
    at: (i, field) => `${col(fields[field])}${rowOfProject.get(projects[i])}`,
    totalAt: (field) => `${col(fields[field])}4`,
  };
}

module.exports = { oneRow, twoRow, blocks };

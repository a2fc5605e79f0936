#!/usr/bin/env node
'use strict';
// `npm run make:fixtures`: writes test/fixtures/xlsx/<name>.xlsx from the fixture
// ledgers in test/fixtures/ledgers, one ledger sheet per workbook.
const path = require('path');
const { allFixtures } = require('../test/fixtures/ledgers');
const { newWorkbook, addLedgerSheet, saveWorkbook } = require('./fixture-workbook');

const outDir = path.resolve(__dirname, '..', 'test', 'fixtures', 'xlsx');

async function main() {
  for (const f of allFixtures()) {
    const wb = newWorkbook();
    addLedgerSheet(wb, { ...f, headerRows: f.expected.headerRows }, f.name === 'seed-000-yanggu' ? 'styled' : 'plain');
    const file = path.join(outDir, `${f.name}.xlsx`);
    await saveWorkbook(wb, file);
    process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`make-fixtures: ${e.message}\n`);
  process.exit(1);
});

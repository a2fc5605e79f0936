#!/usr/bin/env node
'use strict';
// The `ledger` command: compiled from src/cli by `npm install` (prepare) or `npm run build:cli`.
let commands;
try {
  commands = require('../lib/cli/commands.js');
} catch (e) {
  process.stderr.write('ledger: the command is not built yet: run `npm install` (or `npm run build:cli`) first\n');
  process.exit(2);
}
try {
  commands.main();
} catch (e) {
  process.stderr.write(`ledger: internal error: ${e && e.message ? e.message : String(e)}\n`);
  process.exit(2);
}

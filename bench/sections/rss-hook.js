'use strict';
// Preloaded (node -r) into a command the bench times: writes the process's peak
// resident set size to $BENCH_RSS_FILE when it exits.
const fs = require('fs');

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    fs.writeFileSync(file, JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS }));
  });
}

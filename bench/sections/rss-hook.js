'use strict';
// Preloaded (node -r) into a command the bench times: writes the process's peak
// resident set size and CPU time to $BENCH_RSS_FILE when it exits.
const fs = require('fs');

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const use = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({ maxRssKB: use.maxRSS, cpuS: (use.userCPUTime + use.systemCPUTime) / 1e6 }));
  });
}

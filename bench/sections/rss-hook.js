'use strict';
// Preloaded (node -r) into a command the bench times: writes the process's peak
// resident set size and CPU time to $BENCH_RSS_FILE when it exits.
//
// The peak comes from VmHWM in /proc/self/status where there is one: getrusage's
// maxRSS survives exec on Linux, so a child forked from a large parent (a jest
// worker, say) would report the parent's size instead of its own.
const fs = require('fs');

function peakKB(use) {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // no /proc: fall back to getrusage
  }
  return use.maxRSS;
}

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const use = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({ maxRssKB: peakKB(use), cpuS: (use.userCPUTime + use.systemCPUTime) / 1e6 }));
  });
}

#!/usr/bin/env node
/**
 * `npm stop`: the counterpart of `npm start`. On Windows and macOS office-addin-debugging
 * stops the dev server and takes the sideloaded add-in out of Excel. Elsewhere (nothing was
 * sideloaded there) it prints how to stop what the steps of `npm start` started.
 * Options: --platform win32|darwin|linux to see another system's steps.
 */
'use strict';

const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');

function platformArg(argv) {
  const i = argv.indexOf('--platform');
  return i >= 0 && argv[i + 1] ? argv[i + 1] : process.platform;
}

function debuggingCli() {
  try {
    const pkg = require.resolve('office-addin-debugging/package.json', { paths: [ROOT] });
    const bin = require(pkg).bin;
    return path.join(path.dirname(pkg), typeof bin === 'string' ? bin : bin['office-addin-debugging']);
  } catch {
    return null;
  }
}

function steps(platform) {
  const server = '  - the dev server (npm run dev-server): Ctrl+C in its window.';
  if (platform === 'win32') {
    return [
      'To take the add-in out of Excel on Windows by hand:',
      server,
      '  - delete manifest.xml from the shared catalog folder, or untick the catalog in',
      '    File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs;',
      '  - restart Excel.',
    ];
  }
  if (platform === 'darwin') {
    return [
      'To take the add-in out of Excel on macOS by hand:',
      server,
      '  - rm ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/manifest.xml',
      '  - restart Excel.',
    ];
  }
  return [
    'Nothing was sideloaded on this system. To undo the steps of npm start:',
    server,
    '  - in Excel on the web: Home > Add-ins > More Add-ins > My Add-ins, the add-in\'s … menu > Remove.',
  ];
}

function main() {
  const platform = platformArg(process.argv.slice(2));
  const desktop = platform === 'win32' || platform === 'darwin';
  const cli = debuggingCli();
  if (desktop && platform === process.platform && cli) {
    const res = spawnSync(process.execPath, [cli, 'stop', 'manifest.xml', 'desktop', '--app', 'excel'], { cwd: ROOT, stdio: 'inherit' });
    return res.status === null ? 1 : res.status;
  }
  console.log(steps(platform).join('\n'));
  console.log('\nTESTING.md has the steps in full.');
  return 0;
}

process.exitCode = main();

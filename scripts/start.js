#!/usr/bin/env node
/**
 * `npm start`: how to sideload the add-in into Excel on this machine.
 * With office-addin-debugging installed (not a dependency: it breaks `npm install`
 * on machines without a compiler), builds and hands over to it on Windows and macOS.
 * Otherwise prints the steps; TESTING.md has them in full.
 * Options: --platform win32|darwin|linux to see another system's steps.
 */
'use strict';

const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');

function platformArg(argv) {
  const i = argv.indexOf('--platform');
  return i >= 0 && argv[i + 1] ? argv[i + 1] : process.platform;
}

function hasDebugging() {
  try {
    require.resolve('office-addin-debugging/package.json', { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

const COMMON = [
  '  1. npm run build           (writes dist/; set ADDIN_ORIGIN to serve from elsewhere)',
  '  2. npm run dev-server      (https://localhost:3000; trust the certificate it names, once)',
];

const WEB = [
  'Excel on the web (any system): open a workbook, Home > Add-ins > More Add-ins >',
  '  My Add-ins > Upload My Add-in, and choose manifest.xml.',
];

function steps(platform) {
  if (platform === 'win32') {
    return [
      'Sideload in Excel on Windows:',
      ...COMMON,
      '  3. Share a folder (e.g. C:\\AddinCatalog) and copy manifest.xml into it.',
      '  4. Excel > File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs:',
      '     add \\\\<computer>\\AddinCatalog, tick "Show in Menu", OK, restart Excel.',
      '  5. Home > Add-ins > Advanced (or Insert > My Add-ins) > SHARED FOLDER > 台账检查 > Add.',
      ...WEB,
    ];
  }
  if (platform === 'darwin') {
    return [
      'Sideload in Excel on macOS:',
      ...COMMON,
      '  3. mkdir -p ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef',
      `     cp "${MANIFEST}" ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/`,
      '  4. Restart Excel, open a workbook: Home > Add-ins (or Insert > My Add-ins) > 台账检查.',
      ...WEB,
    ];
  }
  return [
    'Sideloading needs Excel on Windows or macOS, or Excel on the web; there is no Excel',
    'for this system. Excel on the web works from a browser here (trust the certificate in it):',
    ...COMMON,
    '  3. In Excel on the web: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in,',
    '     and choose manifest.xml.',
    'The offline web page needs no Excel: https://localhost:3000/web/index.html',
    'npm run check:manifest checks the manifest offline.',
  ];
}

function main() {
  const platform = platformArg(process.argv.slice(2));
  const desktop = platform === 'win32' || platform === 'darwin';
  if (desktop && platform === process.platform && hasDebugging()) {
    console.log('start: office-addin-debugging found: building, then sideloading into Excel.');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const build = spawnSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    if (build.status !== 0) return build.status || 1;
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const run = spawnSync(npx, ['office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--app', 'excel'], {
      cwd: ROOT,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    return run.status || 0;
  }
  console.log(steps(platform).join('\n'));
  console.log('\nFull steps and what to check in Excel: TESTING.md');
  return 0;
}

process.exitCode = main();

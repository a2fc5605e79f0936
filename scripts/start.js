#!/usr/bin/env node
/**
 * `npm start`: sideloads the add-in into Excel on this machine, as every Office add-in
 * project does. On Windows and macOS: makes and trusts the localhost certificate
 * (office-addin-dev-certs), builds, then office-addin-debugging starts the dev server
 * (https://localhost:3000) and sideloads manifest.xml into Excel desktop; `npm stop`
 * (scripts/stop.js) takes it out again. Elsewhere there is no Excel desktop: it prints the
 * steps (Excel on the web, the offline page); TESTING.md has them in full.
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

/** The command-line entry of an installed Office tool, or null. */
function toolCli(name) {
  try {
    const pkg = require.resolve(`${name}/package.json`, { paths: [ROOT] });
    const bin = require(pkg).bin;
    return path.join(path.dirname(pkg), typeof bin === 'string' ? bin : bin[name]);
  } catch {
    return null;
  }
}

/** Runs an Office tool with this node, in the project folder; its exit status. */
function runTool(cli, args) {
  const res = spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, stdio: 'inherit' });
  return res.status === null ? 1 : res.status;
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
    'The offline web page needs no Excel: https://localhost:3000/web/, or open dist/ledger-check.html from the disk.',
    'npm run check:manifest checks the manifest offline.',
  ];
}

function main() {
  const platform = platformArg(process.argv.slice(2));
  const desktop = platform === 'win32' || platform === 'darwin';
  const debugging = toolCli('office-addin-debugging');
  const certs = toolCli('office-addin-dev-certs');
  if (desktop && platform === process.platform && debugging && certs) {
    console.log('start: the localhost certificate (office-addin-dev-certs asks once to trust it)');
    // Writes ~/.office-addin-dev-certs/localhost.{crt,key}, which scripts/dev-server.js serves with.
    let status = runTool(certs, ['install']);
    if (status !== 0) return status;
    console.log('start: npm run build');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const build = spawnSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    if (build.status !== 0) return build.status || 1;
    console.log('start: office-addin-debugging starts the dev server and sideloads manifest.xml into Excel');
    status = runTool(debugging, [
      'start', 'manifest.xml', 'desktop', '--app', 'excel',
      '--dev-server', 'npm run dev-server', '--dev-server-port', '3000', '--no-debug',
    ]);
    if (status === 0) console.log('start: done. `npm stop` takes the add-in out of Excel and stops the dev server.');
    return status;
  }
  if (desktop && platform === process.platform) {
    console.log('start: office-addin-debugging or office-addin-dev-certs is not installed (npm install installs both); the steps by hand:\n');
  }
  console.log(steps(platform).join('\n'));
  console.log('\nFull steps and what to check in Excel: TESTING.md');
  return 0;
}

process.exitCode = main();

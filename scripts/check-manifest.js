#!/usr/bin/env node
/**
 * Checks an add-in manifest offline: the hand rules of src/manifest-check
 * (https URLs, resource ids, icon files and sizes...) and the XSD files in
 * schemas/manifest/ (with the xmllint-wasm devDependency).
 *   node scripts/check-manifest.js                 manifest.xml, icons under ./assets
 *   node scripts/check-manifest.js dist/manifest.xml --pages
 * Options: --site-root DIR (where the add-in's URL paths live; default: the
 * manifest's folder), --commands FILE (default src/commands/commands.ts),
 * --pages (also require taskpane.html, commands.html... to exist).
 * Exit code 1 when there is an error; warnings alone exit 0.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');

/** Lets node require the checker's TypeScript sources without a build step. */
function registerTypeScript() {
  const ts = require('typescript');
  require.extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: filename,
    });
    module._compile(outputText, filename);
  };
}

function parseArgs(argv) {
  const opts = { manifest: path.join(ROOT, 'manifest.xml'), siteRoot: undefined, commands: path.join(ROOT, 'src/commands/commands.ts'), pages: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--site-root') opts.siteRoot = argv[++i];
    else if (a === '--commands') opts.commands = argv[++i];
    else if (a === '--pages') opts.pages = true;
    else if (a === '-h' || a === '--help') opts.help = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else opts.manifest = path.resolve(a);
  }
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`check-manifest: ${e.message}`);
    return 2;
  }
  if (opts.help) {
    console.log('usage: node scripts/check-manifest.js [manifest.xml] [--site-root DIR] [--commands FILE] [--pages]');
    return 0;
  }
  if (!fs.existsSync(opts.manifest)) {
    console.error(`check-manifest: ${opts.manifest} not found${opts.manifest.includes('dist') ? ' (run npm run build first)' : ''}`);
    return 2;
  }
  registerTypeScript();
  const { checkManifestFile } = require('../src/manifest-check/check-file.ts');
  const { formatProblem, hasErrors } = require('../src/manifest-check/check.ts');
  const problems = await checkManifestFile(opts.manifest, {
    siteRoot: opts.siteRoot,
    commandsFile: fs.existsSync(opts.commands) ? opts.commands : undefined,
    checkPages: opts.pages,
  });
  const shown = path.relative(process.cwd(), opts.manifest) || opts.manifest;
  for (const p of problems) console.log(formatProblem(shown, p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  console.log(errors ? `${shown}: ${errors} error(s), ${problems.length - errors} warning(s)` : `${shown}: OK${problems.length ? ` (${problems.length} warning(s))` : ''}`);
  return hasErrors(problems) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`check-manifest: ${e && e.message ? e.message : e}`);
    process.exitCode = 2;
  },
);

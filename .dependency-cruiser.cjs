// @ts-check
/**
 * The layers of ARCHITECTURE.md, checked on resolved paths by dependency-cruiser
 * (`npm run depcheck`, part of `npm test`). A rule on resolved paths catches `import '../xlsx'`
 * from src/core as surely as `import '../xlsx/read/read-sheet'`: the pattern rules that eslint
 * had here matched the import's text and let the first through.
 *
 * What this tool cannot see is a global: Office.js (`Office`, `Excel`), the WPS API and the
 * browser's file APIs (`FileReader`, `Blob`, `document`) are used without an import. Those
 * stay with eslint's no-restricted-globals (eslint.config.js); the rules here keep the
 * modules that bring them (npm packages, the host folders) inside their host.
 */

/** Node's own modules: the engine and the package layer run in a browser too. */
const NODE_BUILTINS = { dependencyTypes: ['core'] };
/** Packages that bring Office.js or its types. */
const OFFICE_PACKAGES = '(^|/)node_modules/(@microsoft/office-js|@types/office-js|office-addin-[^/]+|office-ui-fabric[^/]*)/';
/** `/// <reference types="office-js" />`: how a file says it uses the Office.js globals. */
const OFFICE_TYPES = '^office-js$';
/** Packages that bring the WPS (金山 WPS 表格) JS API or its types. */
const WPS_PACKAGES = '(^|/)node_modules/(wpsjs|wps-jsapi[^/]*|@types/wps[^/]*)/';
const HOSTS = '^src/(excel|wps|web|taskpane|commands|cli)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ---- the engine is pure -------------------------------------------------------------
    {
      name: 'core-imports-only-core',
      comment:
        'src/core is pure TypeScript, grid in, report out: it imports only src/core, and the message ' +
        'tables of src/i18n (plan labels are words of the report). No host, no package layer.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: ['^src/core/', '^src/i18n/', '(^|/)node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'core-no-node',
      comment: 'src/core runs in the pane and the web page: no Node modules.',
      severity: 'error',
      from: { path: '^src/(core|i18n)/' },
      to: NODE_BUILTINS,
    },
    {
      name: 'shipped-no-dev-deps',
      comment:
        'What ships (the engine, the file layer, the hosts) imports only `dependencies`; a package of ' +
        '`devDependencies` (saxes, kept as the tests\' XML oracle) only in the manifest checker, a build step.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/manifest-check/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only', 'type-import'] },
    },
    {
      name: 'core-packages',
      comment: 'src/core uses one package, mathjs, and only in core/whatif where it is sandboxed.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '^src/core/whatif/' },
      to: { path: '(^|/)node_modules/' },
    },
    {
      name: 'core-whatif-packages',
      comment: 'core/whatif may use mathjs and nothing else from npm.',
      severity: 'error',
      from: { path: '^src/core/whatif/' },
      to: { path: '(^|/)node_modules/', pathNot: '(^|/)node_modules/mathjs/' },
    },
    {
      name: 'i18n-imports-only-core',
      comment: 'src/i18n holds message tables: it reads the core\'s types and addresses, nothing else.',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { pathNot: ['^src/i18n/', '^src/core/'] },
    },

    // ---- the package layer -----------------------------------------------------------------
    {
      name: 'xlsx-not-hosts',
      comment: 'src/xlsx reads and writes packages for every host; it knows none of them.',
      severity: 'error',
      from: { path: '^src/xlsx/' },
      to: { path: [HOSTS, '^src/manifest-check/'] },
    },
    {
      name: 'xlsx-core-through-doors',
      comment:
        'src/xlsx reads the core through its top-level files (index, types, grid, plan, report, analyze, ' +
        'tool sheets): never a sub-room of the engine (header/, ledger/, rules/, whatif/).',
      severity: 'error',
      from: { path: '^src/xlsx/' },
      to: { path: '^src/core/[^/]+/' },
    },
    {
      name: 'xlsx-no-node',
      comment: 'src/xlsx runs in the web page\'s worker too: no Node modules (the CLI hands it codecs).',
      severity: 'error',
      from: { path: '^src/xlsx/' },
      to: NODE_BUILTINS,
    },
    {
      name: 'xlsx-door-from-outside',
      comment: 'Code outside src/xlsx imports the package layer through src/xlsx/index.ts only.',
      severity: 'error',
      from: { pathNot: '^src/xlsx/' },
      to: { path: '^src/xlsx/', pathNot: '^src/xlsx/index\\.ts$' },
    },
    {
      name: 'xlsx-stage-door',
      comment:
        'A stage of src/xlsx (zip, xml, package, read, patch, write) imports another stage through ' +
        'that stage\'s index.ts only.',
      severity: 'error',
      from: { path: '^src/xlsx/([^/]+)/' },
      to: { path: '^src/xlsx/[^/]+/', pathNot: ['^src/xlsx/$1/', '^src/xlsx/[^/]+/index\\.ts$'] },
    },
    {
      name: 'xlsx-root-stage-door',
      comment: 'The files at the top of src/xlsx reach a stage through its index.ts too.',
      severity: 'error',
      from: { path: '^src/xlsx/[^/]+\\.ts$' },
      to: { path: '^src/xlsx/[^/]+/', pathNot: '^src/xlsx/[^/]+/index\\.ts$' },
    },
    // The stage order, one way down: zip ← xml ← package ← read ← write ← patch. A stage
    // imports only the stages before it (and src/xlsx/errors.ts); never one after it, never
    // the files at the top of src/xlsx (the door, check-workbook).
    {
      name: 'xlsx-stage-order-zip',
      comment: 'src/xlsx/zip/ comes before xml, package, read, write, patch in the stage order: it does not import them.',
      severity: 'error',
      from: { path: '^src/xlsx/zip/' },
      to: { path: '^src/xlsx/(xml|package|read|write|patch)/' },
    },
    {
      name: 'xlsx-stage-order-xml',
      comment: 'src/xlsx/xml/ comes before package, read, write, patch in the stage order: it does not import them.',
      severity: 'error',
      from: { path: '^src/xlsx/xml/' },
      to: { path: '^src/xlsx/(package|read|write|patch)/' },
    },
    {
      name: 'xlsx-stage-order-package',
      comment: 'src/xlsx/package/ comes before read, write, patch in the stage order: it does not import them.',
      severity: 'error',
      from: { path: '^src/xlsx/package/' },
      to: { path: '^src/xlsx/(read|write|patch)/' },
    },
    {
      name: 'xlsx-stage-order-read',
      comment: 'src/xlsx/read/ comes before write, patch in the stage order: it does not import them.',
      severity: 'error',
      from: { path: '^src/xlsx/read/' },
      to: { path: '^src/xlsx/(write|patch)/' },
    },
    {
      name: 'xlsx-stage-order-write',
      comment: 'src/xlsx/write/ comes before patch in the stage order: it does not import them.',
      severity: 'error',
      from: { path: '^src/xlsx/write/' },
      to: { path: '^src/xlsx/(patch)/' },
    },
    {
      name: 'xlsx-stages-not-the-top',
      comment: 'A stage imports none of the files at the top of src/xlsx but errors.ts: they sit above every stage.',
      severity: 'error',
      from: { path: '^src/xlsx/[^/]+/' },
      to: { path: '^src/xlsx/[^/]+\\.ts$', pathNot: '^src/xlsx/errors\\.ts$' },
    },
    {
      name: 'xlsx-stages-not-the-door',
      comment: 'A stage never imports src/xlsx/index.ts (the outside door): that is a cycle waiting.',
      severity: 'error',
      from: { path: '^src/xlsx/[^/]+/' },
      to: { path: '^src/xlsx/index\\.ts$' },
    },

    // ---- the Word writer -------------------------------------------------------------------
    {
      name: 'docx-imports',
      comment:
        'src/docx lays out the engine\'s 通报 as Word: it imports src/docx, the core through its top-level ' +
        'files and the package layer\'s door (the zip writer, the XML escapes); no host, no npm package.',
      severity: 'error',
      from: { path: '^src/docx/' },
      to: { pathNot: ['^src/docx/', '^src/core/[^/]+\\.ts$', '^src/xlsx/index\\.ts$'] },
    },
    {
      name: 'docx-below-hosts-only',
      comment: 'The engine and the package layer do not know the Word writer; the hosts call it.',
      severity: 'error',
      from: { path: '^src/(core|i18n|xlsx)/' },
      to: { path: '^src/docx/' },
    },

    // ---- the hosts -------------------------------------------------------------------------
    {
      name: 'office-only-in-excel',
      comment: 'Only src/excel touches Office.js (and the pane that boots inside Office, src/taskpane/index.ts).',
      severity: 'error',
      from: { pathNot: ['^src/excel/', '^src/taskpane/index\\.ts$', '^src/commands/', '^src/manifest-check/'] },
      to: { path: [OFFICE_PACKAGES, OFFICE_TYPES] },
    },
    {
      name: 'wps-only-in-wps',
      comment: 'Only src/wps touches the WPS API, and src/wps is reached only by the pane that boots inside WPS.',
      severity: 'error',
      from: { pathNot: ['^src/wps/', '^src/taskpane/'] },
      to: { path: ['^src/wps/', WPS_PACKAGES] },
    },
    {
      name: 'wps-api-only-in-wps',
      comment: 'WPS API packages only in src/wps.',
      severity: 'error',
      from: { pathNot: '^src/wps/' },
      to: { path: WPS_PACKAGES },
    },
    {
      name: 'web-only-from-web',
      comment:
        'src/web owns the browser\'s file in and file out outside an office suite: nothing else imports it. ' +
        '(The file APIs themselves are globals, left to eslint.)',
      severity: 'error',
      from: { pathNot: '^src/web/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'hosts-not-cli',
      comment: 'The CLI is a host of its own; nothing imports it.',
      severity: 'error',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'node-only-in-cli',
      comment: 'Node\'s modules (files, workers, zlib) only in the CLI and the manifest checker, which run under Node.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/cli/', '^src/manifest-check/'] },
      to: NODE_BUILTINS,
    },

    // ---- shape -----------------------------------------------------------------------------
    {
      name: 'no-cycles',
      comment:
        'No import cycles that run, within a room or between rooms: data flows one way. A cycle of ' +
        'type-only imports is erased by the compiler and allowed (string tables typed by their index).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only', 'type-import'] } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing package.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true, pathNot: OFFICE_TYPES },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};

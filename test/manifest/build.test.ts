import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkManifest } from '../../src/manifest-check/check';
import { siteReader } from '../../src/manifest-check/check-file';
import { associatedNames } from '../../src/manifest-check/commands-source';
import { validateWithSchemas } from '../../src/manifest-check/xsd';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js') as { rewriteManifest: (xml: string, site: { base: string; origin: string }) => string };

/** The meta CSP of a built page. */
function csp(html: string): string {
  const m = /http-equiv="?Content-Security-Policy"? content="([^"]*)"/.exec(html);
  if (!m) throw new Error('no CSP meta tag');
  return m[1];
}

describe('rewriteManifest', () => {
  it('points every dev URL at the site, and AppDomain at its bare origin', () => {
    const xml = '<AppDomain>https://localhost:3000</AppDomain><IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>';
    expect(config.rewriteManifest(xml, { base: 'https://intra.example/ledger', origin: 'https://intra.example' })).toBe(
      '<AppDomain>https://intra.example</AppDomain><IconUrl DefaultValue="https://intra.example/ledger/assets/icon-32.png"/>',
    );
  });
});

describe('the production build', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-dist-'));
  let result: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    const cli = require.resolve('webpack-cli/bin/cli.js');
    result = spawnSync(process.execPath, [cli, '--env', `outDir=${out}`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ADDIN_ORIGIN: 'https://intra.example/ledger/' },
    });
  }, 180000);

  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  const read = (f: string) => fs.readFileSync(path.join(out, f), 'utf8');

  it('compiles', () => {
    expect(`${result.stdout}${result.stderr}`).toContain('compiled successfully');
    expect(result.status).toBe(0);
  });

  it('loads Office.js from the CDN in the pane and the function file, under a CSP that allows it', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = read(page);
      expect(html).toMatch(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
      expect(csp(html)).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    }
  });

  it('keeps Office.js and the network out of the web page', () => {
    const html = read('web/index.html');
    expect(html).not.toContain('office.js');
    const policy = csp(html);
    for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'none'", "img-src 'self' data: blob:", "worker-src 'self' blob:"]) {
      expect(policy.split('; ')).toContain(directive);
    }
    // The folder stands alone: its script and stylesheet are named relative to the page itself.
    expect(html).toMatch(/<script defer(?:="defer")? src="?web\.[0-9a-f]{8}\.js"?>/);
    expect(html).toMatch(/<link rel="?stylesheet"? href="?web\.css"?/);
    const css = read('web/web.css');
    expect(css).not.toContain('@import');
    expect(css).toContain('.lc-pane'); // the pane's styles, carried inside
    expect(css).toContain('.lc-drop');
  });

  it('writes the single page under 1 MB, its CSP naming its one script and one stylesheet by hash', () => {
    const html = read('ledger-check.html');
    expect(Buffer.byteLength(html)).toBeLessThan(1024 * 1024);
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    const script = /<script id="lc-code">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(script.length).toBeGreaterThan(100000);
    expect(style).toContain('.lc-pane');
    const policy = csp(html).split('; ');
    expect(policy).toContain(`script-src ${hash(script)}`);
    expect(policy).toContain(`style-src ${hash(style)}`);
    // The indicator worker travels packed in a data block the browser does not run.
    expect(html).toMatch(/<script type="application\/octet-stream" id="lc-indicators">[A-Za-z0-9+/=]{10000,}<\/script>/);
  });

  it('writes a manifest for ADDIN_ORIGIN that passes the checker against the built site', () => {
    const xml = read('manifest.xml');
    expect(xml).not.toContain('https://localhost:3000');
    expect(xml).toContain('<SourceLocation DefaultValue="https://intra.example/ledger/taskpane.html"/>');
    const problems = checkManifest(xml, {
      readAsset: siteReader(out),
      checkPages: true,
      commandNames: associatedNames(fs.readFileSync(path.join(ROOT, 'src/commands/commands.ts'), 'utf8')),
    });
    expect(problems).toEqual([]);
  });

  it('writes a manifest that validates against schemas/manifest/*.xsd', async () => {
    expect(await validateWithSchemas(read('manifest.xml'))).toEqual([]);
  });

  it('emits code EdgeHTML 18 (Excel 2019) can parse: no optional chaining or ?? in the function file', () => {
    const file = fs.readdirSync(out).find((f) => /^commands\.[0-9a-f]{8}\.js$/.test(f));
    expect(file).toBeDefined();
    const code = read(file as string);
    expect(code.length).toBeGreaterThan(1000);
    // `?.` followed by a digit is a ternary whose branch is a number such as `.3`
    // (minifiers write `a?.3:1`), never optional chaining, which JS forbids there.
    expect(code).not.toMatch(/[\w)\]]\?\.(?!\d)[\w([]/);
    expect(code).not.toMatch(/[\w)\]]\s*\?\?\s*[\w([]/);
  });
});

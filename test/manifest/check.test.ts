import * as fs from 'fs';
import * as path from 'path';
import { checkManifest, formatProblem, hasErrors, type CheckOptions, type Problem } from '../../src/manifest-check/check';
import { associatedNames } from '../../src/manifest-check/commands-source';
import { siteReader } from '../../src/manifest-check/check-file';

const ROOT = path.join(__dirname, '..', '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const COMMANDS = fs.readFileSync(path.join(ROOT, 'src/commands/commands.ts'), 'utf8');

/** The options `npm run check:manifest` uses: icons under the repo, names from commands.ts. */
const REAL: CheckOptions = { readAsset: siteReader(ROOT), commandNames: associatedNames(COMMANDS) };

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`not in the manifest: ${needle}`);
  return index + 1;
}

/** The manifest with `from` replaced by `to`, failing loudly when `from` is absent. */
function edit(from: string | RegExp, to: string, text = MANIFEST): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`edit found nothing to replace: ${String(from)}`);
  return out;
}

describe('the real manifest', () => {
  it('passes with no problem at all, warnings included', () => {
    const problems = checkManifest(MANIFEST, REAL);
    expect(problems.map((p) => formatProblem('manifest.xml', p))).toEqual([]);
  });

  it('registers exactly the functions its buttons call', () => {
    expect([...associatedNames(COMMANDS)].sort()).toEqual(['checkLedger', 'fillColumns']);
  });

  it('points every ribbon and base icon at a file of the right size', () => {
    // Not a tautology: a bad reader makes every icon missing.
    const problems = checkManifest(MANIFEST, { ...REAL, readAsset: () => null });
    // IconUrl, HighResolutionIconUrl and the three bt:Image resources (16, 32, 80): 5 files.
    expect(problems.filter((p) => p.code === 'icon-missing')).toHaveLength(5);
  });
});

interface BrokenCase {
  name: string;
  xml: () => string;
  code: Problem['code'];
  message: RegExp;
  /** Text on the line the problem must point at, in the broken manifest. */
  at: string;
}

const VERSION_LINE = '  <Version>0.1.0.0</Version>\n';

const BROKEN: BrokenCase[] = [
  {
    name: 'element out of order (Version after ProviderName)',
    xml: () => edit('  <ProviderName>ledger-check</ProviderName>\n', `  <ProviderName>ledger-check</ProviderName>\n${VERSION_LINE}`, edit(VERSION_LINE, '')),
    code: 'element-order',
    message: /<Version> is out of order in <OfficeApp>: it must come before <ProviderName>/,
    at: '<Version>',
  },
  {
    name: 'VersionOverrides out of order (Resources before Hosts)',
    xml: () => {
      const start = MANIFEST.indexOf('    <Resources>');
      const end = MANIFEST.indexOf('    </Resources>\n') + '    </Resources>\n'.length;
      const resources = MANIFEST.slice(start, end);
      const withoutResources = MANIFEST.slice(0, start) + MANIFEST.slice(end);
      return edit('    <Hosts>\n      <Host xsi:type="Workbook">', `${resources}    <Hosts>\n      <Host xsi:type="Workbook">`, withoutResources);
    },
    code: 'element-order',
    message: /<Hosts> is out of order in <VersionOverrides>: it must come before <Resources>/,
    at: '    <Hosts>',
  },
  {
    name: 'http URL',
    xml: () => edit('<IconUrl DefaultValue="https://', '<IconUrl DefaultValue="http://'),
    code: 'url-not-https',
    message: /<IconUrl> DefaultValue "http:\/\/localhost:3000\/assets\/icon-32.png" must use https/,
    at: '<IconUrl',
  },
  {
    name: 'missing resid',
    xml: () => edit('<Label resid="OpenPane.Label"/>', '<Label resid="OpenPane.Lable"/>'),
    code: 'resid-missing',
    message: /resid "OpenPane.Lable" on <Label> is not defined in <bt:ShortStrings>/,
    at: 'OpenPane.Lable',
  },
  {
    name: 'duplicate resid',
    xml: () =>
      edit(
        '      </bt:Urls>',
        '        <bt:Url id="Support.Url" DefaultValue="https://localhost:3000/web/index.html#again"/>\n      </bt:Urls>',
      ),
    code: 'resid-duplicate',
    message: new RegExp(`id "Support.Url" is defined more than once in <bt:Urls> \\(first on line ${lineOf(MANIFEST, '<bt:Url id="Support.Url"')}\\)`),
    at: 'index.html#again',
  },
  {
    name: 'bad GUID (one digit short)',
    xml: () => edit('<Id>373cb6f5-5712-41e5-8934-5e7ea6352379</Id>', '<Id>373cb6f5-5712-41e5-8934-5e7ea635237</Id>'),
    code: 'bad-guid',
    message: /<Id> "373cb6f5-5712-41e5-8934-5e7ea635237" is not a GUID/,
    at: '<Id>',
  },
  {
    name: 'missing icon file',
    xml: () => edit('assets/icon-80.png', 'assets/icon-96.png'),
    code: 'icon-missing',
    message: /image "Icon.80x80" used at size 80: \/assets\/icon-96.png does not exist/,
    at: '<bt:Image id="Icon.80x80"',
  },
  {
    name: 'icon of the wrong size',
    xml: () => edit('<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"/>', '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"/>'),
    code: 'icon-size',
    message: /\/assets\/icon-64.png is 64x64, expected 80x80/,
    at: '<bt:Image id="Icon.80x80"',
  },
  {
    name: 'unknown function',
    xml: () => edit('<FunctionName>fillColumns</FunctionName>', '<FunctionName>fillColumn</FunctionName>'),
    code: 'function-unknown',
    message: /FunctionName "fillColumn" is not registered with Office.actions.associate/,
    at: '<FunctionName>fillColumn<',
  },
  {
    name: 'required element missing (Permissions)',
    xml: () => edit('  <Permissions>ReadWriteDocument</Permissions>\n', ''),
    code: 'element-missing',
    message: /<OfficeApp> lacks the required <Permissions>/,
    at: '<OfficeApp',
  },
  {
    name: 'version with five parts',
    xml: () => edit(VERSION_LINE, '  <Version>0.1.0.0.1</Version>\n'),
    code: 'bad-version',
    message: /<Version> "0.1.0.0.1" must be one to four dot-separated numbers/,
    at: '<Version>',
  },
  {
    name: 'culture name that is not one',
    xml: () => edit('<Override Locale="zh-TW" Value="台帳檢查"/>', '<Override Locale="Chinese" Value="台帳檢查"/>'),
    code: 'bad-locale',
    message: /Locale "Chinese" is not a culture name/,
    at: 'Locale="Chinese"',
  },
  {
    name: 'short string over 125 characters',
    xml: () => edit('<bt:String id="OpenPane.Label" DefaultValue="打开面板">', `<bt:String id="OpenPane.Label" DefaultValue="${'面'.repeat(126)}">`),
    code: 'string-too-long',
    message: /ShortStrings "OpenPane.Label" has a value of 126 characters; at most 125 allowed/,
    at: '<bt:String id="OpenPane.Label"',
  },
  {
    name: 'ribbon icon list without its 80 px image',
    // Only the group's own <Icon> loses it; the buttons still use Icon.80x80.
    xml: () => edit(/(<Label resid="Group.Label"\/>\n\s*<Icon>\n(?:.*\n){2})\s*<bt:Image size="80" resid="Icon.80x80"\/>\n/, '$1'),
    code: 'icon-sizes-incomplete',
    message: /<Icon> lacks images of size 80/,
    at: '<Label resid="Group.Label"/>', // the problem is on the next line, the <Icon>
  },
  {
    name: 'not well-formed XML',
    xml: () => edit('<SupportUrl DefaultValue="https://localhost:3000/web/index.html"/>', '<SupportUrl DefaultValue="https://localhost:3000/web/index.html">'),
    code: 'xml-malformed',
    message: /not well-formed XML/,
    at: '</OfficeApp>',
  },
  {
    name: 'a content add-in, not a task pane',
    xml: () => edit('xsi:type="TaskPaneApp">', 'xsi:type="ContentApp">'),
    code: 'root-element',
    message: /<OfficeApp> must have xsi:type="TaskPaneApp" \(found "ContentApp"\)/,
    at: '<OfficeApp',
  },
];

describe('broken manifests: one defect, one error, at the right line', () => {
  it.each(BROKEN.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const xml = c.xml();
    const problems = checkManifest(xml, REAL);
    expect(problems.map((p) => p.code)).toEqual([c.code]);
    expect(problems[0].severity).toBe('error');
    expect(problems[0].message).toMatch(c.message);
    let line = lineOf(xml, c.at);
    if (c.code === 'icon-sizes-incomplete') line += 1;
    if (c.code === 'xml-malformed') {
      // saxes notices the unclosed <SupportUrl> at </OfficeApp>, the last line with text.
      line = xml.trimEnd().split('\n').length;
    }
    expect(problems[0].line).toBe(line);
    expect(hasErrors(problems)).toBe(true);
  });
});

describe('FunctionFile', () => {
  const withoutFunctionFile = () => edit('          <FunctionFile resid="Commands.Url"/>\n', '');

  it('may be left out when no button runs a function', () => {
    // Both ExecuteFunction buttons turned into pane openers: nothing needs the function file.
    const xml = withoutFunctionFile()
      .replace(/<Action xsi:type="ExecuteFunction">\n\s*<FunctionName>\w+<\/FunctionName>\n\s*<\/Action>/g, '<Action xsi:type="ShowTaskpane"><SourceLocation resid="Taskpane.Url"/></Action>')
      .replace(/ *<bt:Url id="Commands.Url" [^>]*>\n/, '');
    expect(xml).not.toContain('ExecuteFunction');
    expect(xml).not.toContain('Commands.Url');
    expect(checkManifest(xml, REAL)).toEqual([]);
  });

  it('is required by an ExecuteFunction button, reported at the first such action', () => {
    const xml = withoutFunctionFile();
    const problems = checkManifest(xml, REAL).filter((p) => p.severity === 'error');
    expect(problems.map((p) => p.code)).toEqual(['element-missing']);
    expect(problems[0].message).toMatch(/<Action xsi:type="ExecuteFunction"> needs a <FunctionFile> in its <DesktopFormFactor>/);
    expect(problems[0].line).toBe(lineOf(xml, '<Action xsi:type="ExecuteFunction">'));
  });
});

describe('other rules', () => {
  it('reports an id longer than 32 characters both where it is defined and where it is used', () => {
    const long = 'GetStarted.DescriptionOfTheAddIn1'; // 33 characters
    expect(long).toHaveLength(33);
    const problems = checkManifest(MANIFEST.split('GetStarted.Desc"').join(`${long}"`), REAL);
    expect(problems.map((p) => p.code)).toEqual(['resid-too-long', 'resid-too-long']);
  });

  it('warns about a resource nothing uses, without failing', () => {
    const xml = edit('      </bt:Urls>', '        <bt:Url id="Spare.Url" DefaultValue="https://localhost:3000/spare.html"/>\n      </bt:Urls>');
    const problems = checkManifest(xml, REAL);
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['resource-unused', 'warning']]);
    expect(hasErrors(problems)).toBe(false);
  });

  it('requires the pages to exist only when asked to', () => {
    // From the repo root, taskpane.html and commands.html are not built: 2 bt:Urls + SourceLocation missing;
    // Support.Url and SupportUrl (/web/index.html) are missing too: 5 in all.
    const problems = checkManifest(MANIFEST, { ...REAL, checkPages: true });
    expect(problems.filter((p) => p.code === 'page-missing')).toHaveLength(5);
    expect(checkManifest(MANIFEST, { ...REAL, checkPages: false })).toEqual([]);
  });

  it('leaves icons on another site alone, but still wants https', () => {
    const xml = edit('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>', '<IconUrl DefaultValue="https://cdn.example.com/icon.png"/>');
    expect(checkManifest(xml, REAL)).toEqual([]);
  });

  it('refuses an element in the wrong namespace with a namespace message', () => {
    const xml = edit('<bt:ShortStrings>', '<ShortStrings>').replace('</bt:ShortStrings>', '</ShortStrings>');
    const problems = checkManifest(xml, REAL);
    const ns = problems.filter((p) => p.code === 'namespace');
    expect(ns).toHaveLength(1);
    expect(ns[0].message).toMatch(/<ShortStrings> in <Resources> must be in namespace http:\/\/schemas.microsoft.com\/office\/officeappbasictypes\/1.0/);
    expect(ns[0].line).toBe(lineOf(xml, '<ShortStrings>'));
  });
});

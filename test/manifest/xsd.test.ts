import * as fs from 'fs';
import * as path from 'path';
import { loadSchemas, MAIN_SCHEMA, validateWithSchemas, type SchemaFile } from '../../src/manifest-check/xsd';
import type { Problem } from '../../src/manifest-check/problem';
import { parseXmllintOutput } from '../../src/manifest-check/xsd-messages';

const ROOT = path.join(__dirname, '..', '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js') as { rewriteManifest: (xml: string, site: { base: string; origin: string }) => string };

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`not in the text: ${needle}`);
  return index + 1;
}

/** The manifest with `from` replaced by `to`, failing loudly when `from` is absent. */
function edit(from: string | RegExp, to: string, text = MANIFEST): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`edit found nothing to replace: ${String(from)}`);
  return out;
}

/** The manifest without the lines from the one containing `start` to the one containing `end`, both included. */
function dropLines(start: string, end: string, text = MANIFEST): string {
  const lines = text.split('\n');
  const a = lines.findIndex((l) => l.includes(start));
  const b = lines.findIndex((l, i) => i >= a && l.includes(end));
  if (a < 0 || b < 0) throw new Error(`lines not found: ${start} .. ${end}`);
  return [...lines.slice(0, a), ...lines.slice(b + 1)].join('\n');
}

const SCHEMAS = loadSchemas();

describe('the schema files', () => {
  it('are the three XSD files of schemas/manifest, the entry schema among them', () => {
    expect(SCHEMAS.map((s) => s.fileName)).toEqual(['basic-types-1.0.xsd', MAIN_SCHEMA, 'taskpane-overrides-1.0.xsd']);
  });
});

describe('valid manifests', () => {
  it('the repo manifest validates', async () => {
    expect(await validateWithSchemas(MANIFEST, { schemas: SCHEMAS })).toEqual([]);
  });

  it('the manifest as the build rewrites it for a site validates', async () => {
    const xml = config.rewriteManifest(MANIFEST, { base: 'https://intra.example/ledger', origin: 'https://intra.example' });
    expect(xml).not.toContain('https://localhost');
    expect(await validateWithSchemas(xml, { schemas: SCHEMAS })).toEqual([]);
  });

  it('a manifest without FunctionFile validates (minOccurs 0 in the reference)', async () => {
    const xml = edit('          <FunctionFile resid="Commands.Url"/>\n', '');
    expect(await validateWithSchemas(xml, { schemas: SCHEMAS })).toEqual([]);
  });

  it('optional elements of the subset are accepted: AlternateId, Methods, a CustomTab with its Label, ShowTaskpane Title', async () => {
    let xml = edit('  <Version>', '  <AlternateId>en-US\\WA104379955</AlternateId>\n  <Version>');
    xml = edit('    </Sets>\n', '    </Sets>\n    <Methods>\n      <Method Name="Document.getSelectedDataAsync"/>\n    </Methods>\n', xml);
    xml = edit('          </ExtensionPoint>', '            <CustomTab id="LedgerTab">\n              <Group id="LedgerTab.Group">\n                <Label resid="Group.Label"/>\n                <Icon><bt:Image size="16" resid="Icon.16x16"/></Icon>\n                <Control xsi:type="Button" id="LedgerTab.Pane">\n                  <Label resid="OpenPane.Label"/>\n                  <Supertip><Title resid="OpenPane.Label"/><Description resid="OpenPane.Tip"/></Supertip>\n                  <Icon><bt:Image size="32" resid="Icon.32x32"/></Icon>\n                  <Action xsi:type="ShowTaskpane"><SourceLocation resid="Taskpane.Url"/><Title resid="OpenPane.Label"/></Action>\n                </Control>\n              </Group>\n              <Label resid="Group.Label"/>\n            </CustomTab>\n          </ExtensionPoint>', xml);
    expect(await validateWithSchemas(xml, { schemas: SCHEMAS })).toEqual([]);
  });
});

interface BrokenCase {
  name: string;
  xml: () => string;
  message: RegExp;
  /** Text on the line libxml2 points at, in the broken manifest. */
  at: string;
}

const BROKEN: BrokenCase[] = [
  {
    name: 'element order swapped (DisplayName before DefaultLocale)',
    xml: () => edit('  <DefaultLocale>zh-CN</DefaultLocale>\n  <DisplayName DefaultValue="台账检查">', '  <DisplayName DefaultValue="台账检查">', edit('  <Description DefaultValue=', '  <DefaultLocale>zh-CN</DefaultLocale>\n  <Description DefaultValue=')),
    message: /^<DisplayName> is not expected here; expected <DefaultLocale>$/,
    at: '<DisplayName DefaultValue',
  },
  {
    name: 'required element missing (no Id)',
    xml: () => edit('  <Id>373cb6f5-5712-41e5-8934-5e7ea6352379</Id>\n', ''),
    message: /^<Version> is not expected here; expected <Id>$/,
    at: '<Version>',
  },
  {
    name: 'required element missing at the end of its parent (a Button without Action)',
    xml: () => dropLines('<Action xsi:type="ShowTaskpane">', '</Action>'),
    // libxml2 reports a missing last child at the parent's start tag.
    message: /^<Control> lacks a required child: expected <Action>$/,
    at: 'id="LedgerCheck.Pane"',
  },
  {
    name: 'wrong enum value (Permissions "Everything")',
    xml: () => edit('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>'),
    message: /^<Permissions>: "Everything" is not one of Restricted, ReadDocument, ReadAllDocument, WriteDocument, ReadWriteDocument$/,
    at: '<Permissions>',
  },
  {
    name: 'wrong enum value (Host Name "Excel")',
    xml: () => edit('<Host Name="Workbook"/>', '<Host Name="Excel"/>'),
    message: /^<Host> attribute Name: "Excel" is not one of Document, Database, Mailbox, Notebook, Presentation, Project, Workbook$/,
    at: '<Host Name=',
  },
  {
    name: 'wrong enum value (icon size 96)',
    xml: () => edit('<bt:Image size="80" resid="Icon.80x80"/>', '<bt:Image size="96" resid="Icon.80x80"/>'),
    message: /^<bt:Image> attribute size: "96" is not one of 16, 20, 24, 32, 40, 48, 64, 80$/,
    at: 'size="96"',
  },
  {
    name: 'unknown element in the base manifest',
    xml: () => edit('  <Hosts>\n    <Host Name', '  <Colour>red</Colour>\n  <Hosts>\n    <Host Name'),
    message: /^<Colour> is not expected here; expected one of <Hosts>, <Requirements>, <DefaultSettings>$/,
    at: '<Colour>',
  },
  {
    name: 'unknown element under VersionOverrides (Tooltip in a Button)',
    xml: () => edit('<Label resid="OpenPane.Label"/>\n', '<Label resid="OpenPane.Label"/>\n                  <Tooltip resid="OpenPane.Tip"/>\n'),
    message: /^<Tooltip> is not expected here; expected <Supertip>$/,
    at: '<Tooltip',
  },
  {
    name: 'element in the wrong namespace (ShortStrings without bt:)',
    xml: () => edit('</bt:ShortStrings>', '</ShortStrings>', edit('<bt:ShortStrings>', '<ShortStrings>')),
    message: /^<ShortStrings> is not expected here; expected one of <bt:ShortStrings>, <bt:LongStrings>$/,
    at: '<ShortStrings>',
  },
  {
    name: 'wrong xsi:type (Action "ShowTaskPane")',
    xml: () => edit('<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskPane">'),
    message: /^<Action> attribute xsi:type: "ShowTaskPane" is not a type this schema knows$/,
    at: 'xsi:type="ShowTaskPane"',
  },
  {
    name: 'wrong xsi:type (Host "Workbok")',
    xml: () => edit('<Host xsi:type="Workbook">', '<Host xsi:type="Workbok">'),
    message: /^<Host> attribute xsi:type: "Workbok" is not a type this schema knows$/,
    at: 'xsi:type="Workbok"',
  },
  {
    name: 'xsi:type outside the subset (Control "Menu")',
    xml: () => edit('<Control xsi:type="Button" id="LedgerCheck.Fill">', '<Control xsi:type="Menu" id="LedgerCheck.Fill">'),
    message: /^<Control> attribute xsi:type: "Menu" is not a type this schema knows$/,
    at: 'xsi:type="Menu"',
  },
  {
    name: 'no xsi:type on the root',
    xml: () => edit('\n  xsi:type="TaskPaneApp">', '>'),
    message: /^<OfficeApp> needs an xsi:type attribute naming its kind$/,
    at: 'xmlns:ov=',
  },
  {
    name: 'missing attribute (bt:Image without resid)',
    xml: () => edit('<bt:Image size="16" resid="Icon.16x16"/>', '<bt:Image size="16"/>'),
    message: /^<bt:Image>: The attribute 'resid' is required but missing\.$/,
    at: '<bt:Image size="16"/>',
  },
  {
    name: 'string too long (a label of 126 characters)',
    xml: () => edit('<bt:String id="OpenPane.Label" DefaultValue="打开面板">', `<bt:String id="OpenPane.Label" DefaultValue="${'面'.repeat(126)}">`),
    // The value is quoted cut to 40 characters, then an ellipsis.
    message: new RegExp(`^<bt:String> attribute DefaultValue: "${'面'.repeat(40)}…" is 126 characters long; at most 125 allowed$`),
    at: '<bt:String id="OpenPane.Label"',
  },
  {
    name: 'bad GUID',
    xml: () => edit('5e7ea6352379</Id>', '5e7ea635237</Id>'),
    message: /^<Id>: "373cb6f5-5712-41e5-8934-5e7ea635237" does not have the required form \(pattern /,
    at: '<Id>',
  },
];

describe('broken manifests: one schema error naming the element, at its line', () => {
  it.each(BROKEN.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const xml = c.xml();
    const problems = await validateWithSchemas(xml, { schemas: SCHEMAS });
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['schema-invalid', 'error']]);
    expect(problems[0].message).toMatch(c.message);
    expect(problems[0].line).toBe(lineOf(xml, c.at));
  });

  it('reports every error, not only the first', async () => {
    // Two independent defects: a bad Permissions value (line of <Permissions>) and a bad icon size.
    const xml = edit('size="80" resid="Icon.80x80"', 'size="81" resid="Icon.80x80"', edit('>ReadWriteDocument<', '>Everything<'));
    const problems = await validateWithSchemas(xml, { schemas: SCHEMAS });
    expect(problems.map((p) => p.line)).toEqual([lineOf(xml, '<Permissions>'), lineOf(xml, 'size="81"')]);
  });

  it('says so when the XML is not well-formed', async () => {
    const xml = edit('<SupportUrl DefaultValue="https://localhost:3000/web/index.html"/>', '<SupportUrl DefaultValue="https://localhost:3000/web/index.html">');
    const problems = await validateWithSchemas(xml, { schemas: SCHEMAS });
    expect(problems.length).toBeGreaterThanOrEqual(1);
    expect(problems[0].code).toBe('schema-invalid');
    expect(problems[0].message).toMatch(/^not well-formed XML: .*SupportUrl/);
  });
});

describe('when the check cannot run', () => {
  const only = (problems: Problem[]) => {
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'schema-unavailable', severity: 'error', line: 1 });
    return problems[0].message;
  };

  it('says to run npm install when xmllint-wasm is not installed', async () => {
    const load = () => Promise.reject(Object.assign(new Error("Cannot find module 'xmllint-wasm'"), { code: 'MODULE_NOT_FOUND' }));
    const message = only(await validateWithSchemas(MANIFEST, { schemas: SCHEMAS, load }));
    expect(message).toBe('cannot validate against schemas/manifest/*.xsd: the devDependency xmllint-wasm is not installed (run npm install)');
  });

  it('names the schema file and line when a schema does not compile', async () => {
    const broken: SchemaFile[] = SCHEMAS.map((s) =>
      s.fileName === 'taskpane-overrides-1.0.xsd' ? { ...s, contents: s.contents.replace('type="TipText"', 'type="NoSuchType"') } : s,
    );
    expect(broken).not.toEqual(SCHEMAS);
    const message = only(await validateWithSchemas(MANIFEST, { schemas: broken }));
    expect(message).toMatch(/taskpane-overrides-1\.0\.xsd:\d+: .*NoSuchType/);
  });

  it('says which file is missing when the entry schema is absent', async () => {
    const message = only(await validateWithSchemas(MANIFEST, { schemas: SCHEMAS.filter((s) => s.fileName !== MAIN_SCHEMA) }));
    expect(message).toBe('the entry schema office-app-1.1.xsd is missing');
  });
});

describe('parseXmllintOutput', () => {
  it('keeps located messages only, drops the abstract-type echo of an unknown xsi:type, and names elements as the manifest writes them', () => {
    const stderr = [
      "manifest.xml:5: Schemas validity error : Element '{http://schemas.microsoft.com/office/taskpaneappversionoverrides}Host', attribute '{http://www.w3.org/2001/XMLSchema-instance}type': The QName value '{http://schemas.microsoft.com/office/taskpaneappversionoverrides}Excel' of the xsi:type attribute does not resolve to a type definition.",
      "manifest.xml:5: Schemas validity error : Element '{http://schemas.microsoft.com/office/taskpaneappversionoverrides}Host': The type definition is abstract.",
      "manifest.xml:9: Schemas validity error : Element '{urn:other}Thing': This element is not expected.",
      'manifest.xml:12: parser error : Opening and ending tag mismatch: a line 3 and b',
      '</b>',
      '    ^',
      'manifest.xml fails to validate',
      '',
    ].join('\n');
    expect(parseXmllintOutput(stderr)).toEqual([
      { file: 'manifest.xml', line: 5, message: '<Host> attribute xsi:type: "Excel" is not a type this schema knows' },
      // A namespace that is not one of the manifest's keeps its URI.
      { file: 'manifest.xml', line: 9, message: '<{urn:other}Thing> is not expected here' },
      { file: 'manifest.xml', line: 12, message: 'not well-formed XML: Opening and ending tag mismatch: a line 3 and b' },
    ]);
  });

  it('keeps an abstract-type message that follows nothing on its line: the xsi:type is missing', () => {
    const stderr = "manifest.xml:7: Schemas validity error : Element '{http://schemas.microsoft.com/office/officeappbasictypes/1.0}Thing': The type definition is abstract.\n";
    expect(parseXmllintOutput(stderr)).toEqual([{ file: 'manifest.xml', line: 7, message: '<bt:Thing> needs an xsi:type attribute naming its kind' }]);
  });
});

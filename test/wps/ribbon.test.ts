import fs from 'fs';
import path from 'path';
import { validateXML } from 'xmllint-wasm';

const ROOT = path.join(__dirname, '..', '..');
const RIBBON = path.join(ROOT, 'src/wps/addin/ribbon.xml');
// libxml2 compiles the derived copy (see schemas/customui/derive.js); the published file is beside it.
const SCHEMA = path.join(ROOT, 'schemas/customui/customUI.libxml2.xsd');

const CALLBACK_ATTRS = ['onLoad', 'onAction', 'getImage', 'getEnabled', 'getLabel', 'getVisible', 'getScreentip', 'getSupertip', 'getPressed', 'loadImage'];

function namedCallbacks(xml: string): string[] {
  const out = new Set<string>();
  for (const attr of CALLBACK_ATTRS) for (const m of xml.matchAll(new RegExp(`\\s${attr}="([^"]+)"`, 'g'))) out.add(m[1]);
  return [...out].sort();
}

async function validate(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({
    xml: [{ fileName: 'ribbon.xml', contents: xml }],
    schema: [{ fileName: 'customUI.xsd', contents: fs.readFileSync(SCHEMA, 'utf8') }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

describe('the WPS ribbon', () => {
  jest.setTimeout(60_000);

  it('validates against the CustomUI schema kept in schemas/customui', async () => {
    const result = await validate(fs.readFileSync(RIBBON, 'utf8'));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the libxml2 copy is what derive.js makes of the published schema, which it differs from only by dropped repeats', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { derive } = require('../../schemas/customui/derive.js') as { derive: (x: string) => string };
    const published = fs.readFileSync(path.join(ROOT, 'schemas/customui/customUI.xsd'), 'utf8');
    expect(fs.readFileSync(SCHEMA, 'utf8')).toBe(derive(published));
    // The published one is Microsoft's: its namespace and its copyright line.
    expect(published).toContain('targetNamespace="http://schemas.microsoft.com/office/2006/01/customui"');
    expect(published).toContain('Copyright (c) Microsoft Corporation');
  });

  it('the schema check can fail: a button outside a group, or an unknown attribute, is refused', async () => {
    const bad = fs.readFileSync(RIBBON, 'utf8').replace('<group id="LedgerCheckGroup"', '<button id="x" label="x"/><group id="LedgerCheckGroup"');
    expect((await validate(bad)).valid).toBe(false);
    const odd = fs.readFileSync(RIBBON, 'utf8').replace('size="large"', 'size="large" colour="red"');
    expect((await validate(odd)).valid).toBe(false);
  });

  it('has the 台账检查 group with 检查台账, 填写计算列, 打开面板', () => {
    const xml = fs.readFileSync(RIBBON, 'utf8');
    expect(xml).toMatch(/<group id="LedgerCheckGroup" label="台账检查">/);
    const labels = [...xml.matchAll(/<button id="[^"]+" label="([^"]+)"/g)].map((m) => m[1]);
    expect(labels).toEqual(['检查台账', '填写计算列', '打开面板']);
  });

  it('names only callbacks that main.js defines, each a synchronous global function', async () => {
    const g = globalThis as unknown as Record<string, unknown>;
    const { RIBBON_CALLBACKS } = await import('../../src/wps/main');
    const named = namedCallbacks(fs.readFileSync(RIBBON, 'utf8'));
    expect(named).toEqual(['GetImage', 'OnAction', 'OnAddinLoad', 'OnGetEnabled']);
    for (const name of named) {
      expect(RIBBON_CALLBACKS).toContain(name);
      expect(typeof g[name]).toBe('function');
      // An async function would hand WPS a Promise: the ribbon breaks on some builds.
      expect((g[name] as () => unknown).constructor.name).toBe('Function');
      expect(typeof (g.ribbon as Record<string, unknown>)[name]).toBe('function');
    }
    // Without WPS around, a click does nothing and still answers at once.
    expect((g.OnAction as (c: unknown) => unknown)({ Id: 'btnCheckLedger' })).toBe(true);
    expect((g.GetImage as (c: unknown) => unknown)({ Id: 'btnFillColumns' })).toBe('images/fill.png');
  });
});

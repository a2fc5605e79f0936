#!/usr/bin/env node
/**
 * Writes customUI.libxml2.xsd from Microsoft's customUI.xsd (kept unchanged beside it).
 * libxml2 refuses to compile the published schema: several types extend CT_Control and
 * add again, through attribute groups, attributes their base already declares
 * ("Duplicate attribute use"). Such a re-declaration adds nothing (the base allows the
 * attribute already), so the derived copy drops it from the extending type, and only
 * there; everything else is byte for byte the published text. Run:
 *   node schemas/customui/derive.js          (writes the file)
 *   node schemas/customui/derive.js --check  (exit 1 when the file is stale)
 */
'use strict';

const fs = require('fs');
const path = require('path');

const DIR = __dirname;
const SOURCE = path.join(DIR, 'customUI.xsd');
const TARGET = path.join(DIR, 'customUI.libxml2.xsd');

/** Attribute names of each attribute group, groups inside groups included. */
function groups(xsd) {
  const raw = new Map();
  for (const m of xsd.matchAll(/<xsd:attributeGroup name="([^"]+)">([\s\S]*?)<\/xsd:attributeGroup>/g)) {
    raw.set(m[1], {
      attrs: [...m[2].matchAll(/<xsd:attribute name="([^"]+)"[^>]*?(?:\/>|>[\s\S]*?<\/xsd:attribute>)/g)].map((a) => ({ name: a[1], text: a[0] })),
      refs: [...m[2].matchAll(/<xsd:attributeGroup ref="([^"]+)"/g)].map((a) => a[1]),
    });
  }
  const out = new Map();
  const resolve = (name, seen = new Set()) => {
    if (out.has(name)) return out.get(name);
    const g = raw.get(name);
    if (!g || seen.has(name)) return [];
    seen.add(name);
    const all = [...g.attrs, ...g.refs.flatMap((r) => resolve(r, seen))];
    out.set(name, all);
    return all;
  };
  for (const name of raw.keys()) resolve(name);
  return out;
}

/** Attribute names a complex type declares itself (directly or by group), and its base. */
function types(xsd, groupMap) {
  const out = new Map();
  for (const m of xsd.matchAll(/<xsd:complexType name="([^"]+)"[^>]*>([\s\S]*?)<\/xsd:complexType>/g)) {
    const body = m[2];
    const base = (/<xsd:(?:extension|restriction) base="([^"]+)"/.exec(body) || [])[1] || null;
    const kind = (/<xsd:(extension|restriction) base=/.exec(body) || [])[1] || null;
    const attrs = new Set([...body.matchAll(/<xsd:attribute (?:name|ref)="([^"]+)"/g)].map((a) => a[1]));
    for (const g of body.matchAll(/<xsd:attributeGroup ref="([^"]+)"/g)) for (const a of groupMap.get(g[1]) || []) attrs.add(a.name);
    out.set(m[1], { base, kind, attrs, start: m.index, text: m[0] });
  }
  return out;
}

/** Every attribute a type ends with: its base's (for an extension) and its own. */
function inherited(typeMap, name, seen = new Set()) {
  const t = typeMap.get(name);
  if (!t || seen.has(name)) return new Set();
  seen.add(name);
  const all = new Set(t.attrs);
  if (t.base && typeMap.has(t.base)) for (const a of inherited(typeMap, t.base, seen)) all.add(a);
  return all;
}

function derive(xsd) {
  const groupMap = groups(xsd);
  const typeMap = types(xsd, groupMap);
  let out = xsd;
  for (const [name, t] of typeMap) {
    if (t.kind !== 'extension' || !typeMap.has(t.base)) continue;
    const fromBase = inherited(typeMap, t.base);
    let text = t.text;
    // A group wholly in the base goes; one partly in it is written out without the repeats.
    text = text.replace(/([ \t]*)<xsd:attributeGroup ref="([^"]+)"\/>\r?\n/g, (line, indent, g) => {
      const list = groupMap.get(g) || [];
      if (!list.some((a) => fromBase.has(a.name))) return line;
      return list.filter((a) => !fromBase.has(a.name)).map((a) => `${indent}${a.text}\n`).join('');
    });
    text = text.replace(/[ \t]*<xsd:attribute name="([^"]+)"[^>]*?(?:\/>|>[\s\S]*?<\/xsd:attribute>)\r?\n/g, (line, a) => (fromBase.has(a) ? '' : line));
    if (text !== t.text) out = out.replace(t.text, text);
    void name;
  }
  return `<!-- Derived from customUI.xsd by derive.js for libxml2; do not edit. -->\n${out.replace(/^<\?xml[^>]*\?>\s*/, '')}`;
}

if (require.main === module) {
  const derived = derive(fs.readFileSync(SOURCE, 'utf8'));
  if (process.argv.includes('--check')) {
    const now = fs.existsSync(TARGET) ? fs.readFileSync(TARGET, 'utf8') : '';
    if (now !== derived) {
      console.error('schemas/customui/customUI.libxml2.xsd is stale: run node schemas/customui/derive.js');
      process.exitCode = 1;
    }
  } else fs.writeFileSync(TARGET, derived);
}

module.exports = { derive };

/**
 * The bt: resources under VersionOverrides/Resources: each id defined once and
 * short enough, each string within its length, and every `resid` defined in the
 * list its element needs (a <Label> in ShortStrings, an <Image> in Images...).
 */
import { error, warning, type Problem } from './problem';
import {
  LONG_STRING_MAX,
  NS,
  REFERENCE_ID_MAX,
  RESID_KIND,
  RESOURCE_ITEM,
  SHORT_STRING_MAX,
  type ResourceKind,
} from './schema';
import { attr, childElements, firstChild, walk, type XmlElement } from './xml-dom';

export interface ResourceDef {
  kind: ResourceKind;
  id: string;
  /** DefaultValue: the URL for Images and Urls, the text for strings. */
  value: string;
  el: XmlElement;
}

export type ResourceTable = Record<ResourceKind, Map<string, ResourceDef>>;

const KINDS: ResourceKind[] = ['Images', 'Urls', 'ShortStrings', 'LongStrings'];
const STRING_MAX: Partial<Record<ResourceKind, number>> = { ShortStrings: SHORT_STRING_MAX, LongStrings: LONG_STRING_MAX };

function versionOverrides(root: XmlElement): XmlElement | undefined {
  return firstChild(root, NS.taskpaneOverrides, 'VersionOverrides');
}

/** Reads the definitions, reporting duplicate, missing and over-long ids and strings. */
export function collectResources(root: XmlElement, out: Problem[]): ResourceTable {
  const table: ResourceTable = { Images: new Map(), Urls: new Map(), ShortStrings: new Map(), LongStrings: new Map() };
  const vo = versionOverrides(root);
  const resources = vo && firstChild(vo, NS.taskpaneOverrides, 'Resources');
  if (!resources) return table;
  for (const kind of KINDS) {
    for (const list of childElements(resources, NS.basicTypes, kind)) {
      for (const item of childElements(list, NS.basicTypes, RESOURCE_ITEM[kind])) {
        const idAttr = attr(item, 'id');
        if (!idAttr || idAttr.value === '') {
          out.push(error(item.line, 'element-missing', `<${item.name}> in <${list.name}> lacks the id attribute`));
          continue;
        }
        const id = idAttr.value;
        if (id.length > REFERENCE_ID_MAX) {
          out.push(error(idAttr.line, 'resid-too-long', `id "${id}" is ${id.length} characters; at most ${REFERENCE_ID_MAX} allowed`));
        }
        const earlier = table[kind].get(id);
        if (earlier) {
          out.push(error(idAttr.line, 'resid-duplicate', `id "${id}" is defined more than once in <${list.name}> (first on line ${earlier.el.line})`));
          continue;
        }
        const dv = attr(item, 'DefaultValue');
        if (!dv) out.push(error(item.line, 'element-missing', `<${item.name} id="${id}"> lacks the DefaultValue attribute`));
        table[kind].set(id, { kind, id, value: dv?.value ?? '', el: item });
        const max = STRING_MAX[kind];
        if (max !== undefined) checkStringLengths(item, id, kind, max, out);
      }
    }
  }
  return table;
}

function checkStringLengths(item: XmlElement, id: string, kind: ResourceKind, max: number, out: Problem[]): void {
  const values = [attr(item, 'DefaultValue'), ...childElements(item, NS.basicTypes, 'Override').map((o) => attr(o, 'Value'))];
  for (const v of values) {
    if (!v) continue;
    const length = [...v.value].length;
    if (length > max) {
      out.push(error(v.line, 'string-too-long', `${kind} "${id}" has a value of ${length} characters; at most ${max} allowed`));
    } else if (length === 0) {
      out.push(error(v.line, 'bad-value', `${kind} "${id}" has an empty value`));
    }
  }
}

/** Every element carrying a `resid` under VersionOverrides, with the list it points into. */
export function resourceReferences(root: XmlElement): { el: XmlElement; resid: string; line: number; kind: ResourceKind }[] {
  const vo = versionOverrides(root);
  if (!vo) return [];
  const refs: { el: XmlElement; resid: string; line: number; kind: ResourceKind }[] = [];
  for (const el of walk(vo)) {
    const residAttr = attr(el, 'resid');
    if (!residAttr) continue;
    const kind = RESID_KIND[el.local];
    if (kind) refs.push({ el, resid: residAttr.value, line: residAttr.line, kind });
  }
  return refs;
}

export function checkReferences(root: XmlElement, table: ResourceTable, out: Problem[]): void {
  const used = new Set<string>();
  for (const ref of resourceReferences(root)) {
    if (ref.resid.length > REFERENCE_ID_MAX) {
      out.push(error(ref.line, 'resid-too-long', `resid "${ref.resid}" is ${ref.resid.length} characters; at most ${REFERENCE_ID_MAX} allowed`));
    }
    if (!table[ref.kind].has(ref.resid)) {
      out.push(error(ref.line, 'resid-missing', `resid "${ref.resid}" on <${ref.el.name}> is not defined in <bt:${ref.kind}>`));
    }
    used.add(`${ref.kind}/${ref.resid}`);
  }
  for (const kind of KINDS) {
    for (const def of table[kind].values()) {
      if (!used.has(`${kind}/${def.id}`)) {
        out.push(warning(def.el.line, 'resource-unused', `${kind} "${def.id}" is defined but never referenced`));
      }
    }
  }
}

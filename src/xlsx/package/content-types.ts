/** [Content_Types].xml: overrides for added parts, removed ones dropped. */
import { childSpans, escapeAttr, getAttr, rootElement, splice } from '../xml';

export interface ContentTypesEdit {
  remove: string[];
  overrides: { part: string; type: string }[];
  defaults: { ext: string; type: string }[];
}

function partKey(name: string): string {
  return name.replace(/^\/+/, '').toLowerCase();
}

export function patchContentTypes(xml: string, edit: ContentTypesEdit): string {
  const root = rootElement(xml);
  const kids = childSpans(xml, root.openEnd, root.closeStart);
  const remove = new Set(edit.remove.map(partKey));
  const edits: { start: number; end: number; text: string }[] = [];
  const overridden = new Set<string>();
  const defaults = new Set<string>();
  let lastDefault = -1;
  for (const k of kids) {
    const tag = xml.slice(k.start, k.openEnd);
    if (k.local === 'Default') {
      defaults.add((getAttr(tag, 'Extension') ?? '').toLowerCase());
      lastDefault = k.end;
    } else if (k.local === 'Override') {
      const part = partKey(getAttr(tag, 'PartName') ?? '');
      if (remove.has(part)) edits.push({ start: k.start, end: k.end, text: '' });
      else overridden.add(part);
    }
  }
  const newDefaults = edit.defaults
    .filter((d) => !defaults.has(d.ext.toLowerCase()))
    .map((d) => `<Default Extension="${escapeAttr(d.ext)}" ContentType="${escapeAttr(d.type)}"/>`).join('');
  if (newDefaults) {
    const at = lastDefault >= 0 ? lastDefault : root.openEnd;
    edits.push({ start: at, end: at, text: newDefaults });
  }
  const newOverrides = edit.overrides
    .filter((o) => !overridden.has(partKey(o.part)))
    .map((o) => `<Override PartName="/${escapeAttr(o.part.replace(/^\/+/, ''))}" ContentType="${escapeAttr(o.type)}"/>`).join('');
  if (newOverrides) edits.push({ start: root.closeStart, end: root.closeStart, text: newOverrides });
  return splice(xml, edits);
}

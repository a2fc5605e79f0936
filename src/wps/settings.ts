/**
 * The pane's settings kept in the workbook, as the Excel host keeps them: in the
 * document's custom properties (文件 → 属性 → 自定义), which WPS saves with the file.
 * A text property holds at most 255 characters (the limit Office documents, which WPS
 * follows), so a longer value is split over `key`, `key.2`, `key.3`…
 */
import type { SavedSettings } from '../taskpane/host';
import { parseSettings, SETTINGS_KEY } from '../excel/settings';
import { XL, type EtDocProperties, type EtDocProperty, type EtWorkbook } from './et';

export const PROPERTY_CHARS = 255;

function properties(wb: EtWorkbook): EtDocProperties | null {
  try {
    const p = wb.CustomDocumentProperties;
    return p && typeof p.Add === 'function' ? p : null;
  } catch {
    return null;
  }
}

function byName(props: EtDocProperties): Map<string, EtDocProperty> {
  const out = new Map<string, EtDocProperty>();
  for (let i = 1; i <= props.Count; i++) {
    const p = props.Item(i);
    out.set(p.Name, p);
  }
  return out;
}

const partName = (k: number) => (k === 1 ? SETTINGS_KEY : `${SETTINGS_KEY}.${k}`);

export function canKeepSettings(wb: EtWorkbook): boolean {
  return properties(wb) !== null;
}

export function loadSettings(wb: EtWorkbook): SavedSettings | null {
  const props = properties(wb);
  if (!props) return null;
  const all = byName(props);
  let text = '';
  for (let k = 1; all.has(partName(k)); k++) text += String(all.get(partName(k))?.Value ?? '');
  return text ? parseSettings(text) : null;
}

export function saveSettings(wb: EtWorkbook, value: SavedSettings): void {
  const props = properties(wb);
  if (!props) throw new Error('no custom document properties');
  const all = byName(props);
  for (let k = 1; all.has(partName(k)); k++) all.get(partName(k))?.Delete();
  const text = JSON.stringify(value);
  for (let k = 1, at = 0; at < text.length || k === 1; k++, at += PROPERTY_CHARS) {
    props.Add(partName(k), false, XL.propertyTypeString, text.slice(at, at + PROPERTY_CHARS));
  }
}

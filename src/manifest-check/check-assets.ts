/**
 * What the manifest points at on our own site: icons of the right size, the
 * pages it loads, and the functions the ribbon buttons call.
 */
import type { ResourceTable } from './check-resources';
import { error, type Problem } from './problem';
import { BASE_ICON_SIZES, NS, REQUIRED_ICON_SIZES } from './schema';
import { pngSize } from './png';
import { attr, childElements, firstChild, walk, xsiType, type XmlElement } from './xml-dom';

export interface AssetOptions {
  /**
   * The bytes of a file on the add-in's site by URL path (`/assets/icon-16.png`),
   * or null when it does not exist. Without it, icons and pages are not checked.
   */
  readAsset?: (pathname: string) => Uint8Array | null;
  /** Also require the pages the manifest loads (taskpane.html...) to exist. */
  checkPages?: boolean;
  /** Function names the function file registers; without it, not checked. */
  commandNames?: ReadonlySet<string> | null;
}

/**
 * The add-in's own site: the folder of DefaultSettings/SourceLocation
 * (`https://host/ledger/taskpane.html` → `https://host/ledger/`).
 */
export function siteBase(root: XmlElement): string | null {
  const settings = firstChild(root, NS.officeApp, 'DefaultSettings');
  const source = settings && firstChild(settings, NS.officeApp, 'SourceLocation');
  const value = source && attr(source, 'DefaultValue')?.value;
  if (!value) return null;
  try {
    return new URL('.', value).href;
  } catch {
    return null;
  }
}

/** The path of a URL under our own site (`/assets/icon-16.png`), or null for other sites and bad URLs. */
function sitePath(value: string, base: string): string | null {
  try {
    const url = new URL(value);
    const bare = `${url.origin}${url.pathname}`;
    if (!bare.startsWith(base)) return null;
    const rest = `/${bare.slice(base.length)}`;
    return rest.endsWith('/') ? `${rest}index.html` : rest;
  } catch {
    return null;
  }
}

function checkIconFile(
  url: string,
  size: number,
  line: number,
  what: string,
  base: string,
  read: (p: string) => Uint8Array | null,
  out: Problem[],
): void {
  const path = sitePath(url, base);
  if (path === null) return; // another site's icon: nothing to read offline
  const bytes = read(path);
  if (!bytes) {
    out.push(error(line, 'icon-missing', `${what}: ${path} does not exist`));
    return;
  }
  const dims = pngSize(bytes);
  if (!dims) {
    out.push(error(line, 'icon-size', `${what}: ${path} is not a PNG file`));
  } else if (dims.width !== size || dims.height !== size) {
    out.push(error(line, 'icon-size', `${what}: ${path} is ${dims.width}x${dims.height}, expected ${size}x${size}`));
  }
}

export function checkIcons(root: XmlElement, table: ResourceTable, options: AssetOptions, out: Problem[]): void {
  const base = siteBase(root);
  const read = options.readAsset;
  for (const [local, size] of Object.entries(BASE_ICON_SIZES)) {
    const el = firstChild(root, NS.officeApp, local);
    const dv = el && attr(el, 'DefaultValue');
    if (dv && base && read) checkIconFile(dv.value, size, dv.line, `<${local}>`, base, read, out);
  }
  // The same image is often listed in several <Icon>s: check each (url, size) once.
  const seen = new Set<string>();
  for (const icon of walk(root)) {
    if (icon.uri !== NS.taskpaneOverrides || icon.local !== 'Icon') continue;
    const images = childElements(icon, NS.basicTypes, 'Image');
    const sizes = new Set(images.map((i) => Number(attr(i, 'size')?.value)));
    const lacking = REQUIRED_ICON_SIZES.filter((s) => !sizes.has(s));
    if (lacking.length) {
      out.push(error(icon.line, 'icon-sizes-incomplete', `<Icon> lacks images of size ${lacking.join(', ')} (needs ${REQUIRED_ICON_SIZES.join(', ')})`));
    }
    if (!base || !read) continue;
    for (const image of images) {
      const size = Number(attr(image, 'size')?.value);
      const def = table.Images.get(attr(image, 'resid')?.value ?? '');
      if (!def || !Number.isInteger(size) || seen.has(`${def.value}@${size}`)) continue;
      seen.add(`${def.value}@${size}`);
      checkIconFile(def.value, size, def.el.line, `image "${def.id}" used at size ${size}`, base, read, out);
    }
  }
}

export function checkPages(root: XmlElement, table: ResourceTable, options: AssetOptions, out: Problem[]): void {
  const base = siteBase(root);
  const read = options.readAsset;
  if (!options.checkPages || !base || !read) return;
  const pages: { url: string; line: number; what: string }[] = [];
  for (const local of ['SupportUrl', 'DefaultSettings']) {
    const el = firstChild(root, NS.officeApp, local);
    const holder = local === 'DefaultSettings' && el ? firstChild(el, NS.officeApp, 'SourceLocation') : el;
    const dv = holder && attr(holder, 'DefaultValue');
    if (dv) pages.push({ url: dv.value, line: dv.line, what: `<${holder.name}>` });
  }
  for (const def of table.Urls.values()) pages.push({ url: def.value, line: def.el.line, what: `url "${def.id}"` });
  for (const page of pages) {
    const path = sitePath(page.url, base);
    if (path !== null && !read(path)) out.push(error(page.line, 'page-missing', `${page.what}: ${path} does not exist`));
  }
}

export function checkFunctions(root: XmlElement, options: AssetOptions, out: Problem[]): void {
  const names = options.commandNames;
  if (!names) return;
  for (const action of walk(root)) {
    if (action.uri !== NS.taskpaneOverrides || action.local !== 'Action' || xsiType(action) !== 'ExecuteFunction') continue;
    const fn = firstChild(action, NS.taskpaneOverrides, 'FunctionName');
    if (!fn) continue; // reported by the order check
    const name = fn.text.trim();
    if (!names.has(name)) {
      out.push(error(fn.line, 'function-unknown', `FunctionName "${name}" is not registered with Office.actions.associate in the function file`));
    }
  }
}

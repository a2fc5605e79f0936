/**
 * Every URL the manifest holds must be absolute https (Office refuses plain
 * http; https://localhost is fine for development) and at most 2048 characters.
 */
import { error, type Problem } from './problem';
import { NS, URL_MAX, URL_SETTINGS } from './schema';
import { childElements, isNamespaceDecl, walk, XSI_NS, type XmlElement } from './xml-dom';

interface UrlValue {
  value: string;
  line: number;
  where: string;
}

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//;

/** True for the elements whose DefaultValue / Value attributes are URLs by schema. */
function holdsUrl(el: XmlElement): boolean {
  if (el.uri === NS.officeApp && URL_SETTINGS.includes(el.local)) return true;
  if (el.uri === NS.basicTypes && (el.local === 'Image' || el.local === 'Url')) return true;
  // <Override> of a URL setting or resource.
  return el.local === 'Override' && el.parent !== null && holdsUrl(el.parent);
}

function collect(root: XmlElement): UrlValue[] {
  const values: UrlValue[] = [];
  for (const el of walk(root)) {
    const byType = holdsUrl(el);
    for (const a of el.attrs) {
      if (isNamespaceDecl(a) || a.uri === XSI_NS) continue;
      const typed = byType && (a.name === 'DefaultValue' || a.name === 'Value');
      if (typed || SCHEME.test(a.value)) values.push({ value: a.value, line: a.line, where: `<${el.name}> ${a.name}` });
    }
    const text = el.text.trim();
    const isAppDomain = el.uri === NS.officeApp && el.local === 'AppDomain';
    if (text && (isAppDomain || (SCHEME.test(text) && childElements(el, el.uri).length === 0))) {
      values.push({ value: text, line: el.line, where: `<${el.name}>` });
    }
  }
  return values;
}

export function checkUrls(root: XmlElement, out: Problem[]): void {
  for (const { value, line, where } of collect(root)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      out.push(error(line, 'url-invalid', `${where} "${value}" is not an absolute URL`));
      continue;
    }
    if (url.protocol !== 'https:') {
      out.push(error(line, 'url-not-https', `${where} "${value}" must use https`));
    } else if (value.length > URL_MAX) {
      out.push(error(line, 'url-invalid', `${where} is ${value.length} characters; at most ${URL_MAX} allowed`));
    }
  }
}

/**
 * libxml2's schema messages, made short: `{namespace}Local` names become the
 * names a manifest writes (`DisplayName`, `bt:Image`), and the usual phrasings
 * ("This element is not expected. Expected is ( ... ).") become one sentence.
 */
import { NS } from './schema';

/** Prefixes as our manifest writes them; the two default namespaces need none. */
const PREFIX: Record<string, string> = {
  [NS.officeApp]: '',
  [NS.taskpaneOverrides]: '',
  [NS.basicTypes]: 'bt:',
  [NS.xsi]: 'xsi:',
};

const QNAME = /\{([^}]*)\}([A-Za-z_][\w.-]*)/g;
const LOCATED = /^(.*?):(\d+): (.*)$/;

function shortName(uri: string, local: string): string {
  const prefix = PREFIX[uri];
  return prefix === undefined ? `{${uri}}${local}` : `${prefix}${local}`;
}

/** `{ns}Local` → `Local` / `bt:Local`. */
function plainNames(text: string): string {
  return text.replace(QNAME, (_m, uri: string, local: string) => shortName(uri, local));
}

/** A value quoted in a message, cut to 40 characters. */
function quote(value: string): string {
  const chars = [...value];
  return `"${chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : value}"`;
}

/** libxml2's facet messages ("[facet 'enumeration'] The value ..."), as a sentence. */
function facet(text: string): string {
  let m = /^\[facet 'enumeration'\] The value '(.*)' is not an element of the set \{(.*)\}\.$/.exec(text);
  if (m) return `${quote(m[1])} is not one of ${m[2].replace(/'/g, '')}`;
  m = /^\[facet '(maxLength|minLength)'\] The value (?:'(.*)' )?has a length of '(\d+)'; this (?:exceeds|underruns) the allowed (?:maximum|minimum) length of '(\d+)'\.$/.exec(text);
  if (m) return `${m[2] === undefined ? 'the value' : quote(m[2])} is ${m[3]} characters long; ${m[1] === 'maxLength' ? `at most ${m[4]} allowed` : `at least ${m[4]} needed`}`;
  m = /^\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern '(.*)'\.$/.exec(text);
  if (m) return `${quote(m[1])} does not have the required form (pattern ${m[2]})`;
  return text;
}

function expectedList(list: string): string {
  const names = list.split(',').map((n) => `<${n.trim()}>`);
  return names.length === 1 ? names[0] : `one of ${names.join(', ')}`;
}

/** One libxml2 message (without file and line) in our words. */
export function readableMessage(raw: string): string {
  let text = plainNames(raw.replace(/^(?:Schemas validity error|Schemas parser error|parser error|validity error)\s*:\s*/, '').trim());
  // Alone (not after an unknown xsi:type, see parseXmllintOutput), this means xsi:type is missing.
  const abstract = /^Element '([^']+)': The type definition is abstract\.$/.exec(text);
  if (abstract) return `<${abstract[1]}> needs an xsi:type attribute naming its kind`;
  text = text
    .replace(/^Element '([^']+)', attribute '([^']+)': /, '<$1> attribute $2: ')
    .replace(/^Element '([^']+)': /, '<$1>: ')
    .replace(/^(<[^>]+>): This element is not expected\. Expected is (?:one of )?\( ([^)]*) \)\.$/, (_m, el: string, list: string) => `${el} is not expected here; expected ${expectedList(list)}`)
    .replace(/^(<[^>]+>): This element is not expected\.$/, '$1 is not expected here')
    .replace(/^(<[^>]+>): Missing child element\(s\)\. Expected is (?:one of )?\( ([^)]*) \)\.$/, (_m, el: string, list: string) => `${el} lacks a required child: expected ${expectedList(list)}`)
    .replace(/^(<[^>]+>(?: attribute [^:]+)?): (\[facet .*)$/, (_m, where: string, rest: string) => `${where}: ${facet(rest)}`)
    .replace(/^(<[^>]+> attribute xsi:type): The QName value '([^']*)' of the xsi:type attribute does not resolve to a type definition\.$/, '$1: "$2" is not a type this schema knows');
  return text;
}

export interface LocatedMessage {
  file: string;
  line: number;
  message: string;
}

/**
 * Splits xmllint's stderr into located messages. Lines without `file:line:`
 * (the source excerpt and caret under a parser error, the closing
 * "fails to validate") are dropped; a message that repeats the previous one's
 * consequence on the same line is dropped too.
 */
export function parseXmllintOutput(stderr: string): LocatedMessage[] {
  const out: LocatedMessage[] = [];
  for (const line of stderr.split('\n')) {
    const m = LOCATED.exec(line);
    if (!m) continue;
    const [, file, lineText, rest] = m;
    const lineNo = Number(lineText);
    const isParser = /^parser error/.test(rest);
    const prev = out[out.length - 1];
    if (/The type definition is abstract\.$/.test(rest) && prev && prev.file === file && prev.line === lineNo) continue;
    const message = readableMessage(rest);
    out.push({ file, line: lineNo, message: isParser ? `not well-formed XML: ${message}` : message });
  }
  return out;
}

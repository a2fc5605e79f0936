/** Streaming a zip entry through saxes, with XML faults turned into file errors. */
import { SaxesParser } from 'saxes';
import { XlsxError } from './errors';
import { inflateEntry, type InflateBudget, type ZipEntry } from './zip-read';

export interface XmlHandlers {
  open(local: string, attrs: Record<string, string>): void;
  close(local: string): void;
  text(t: string): void;
}

export function localOf(q: string): string {
  const i = q.indexOf(':');
  return i < 0 ? q : q.slice(i + 1);
}

const OPTIONS = { position: false, xmlns: false } as const;

function makeParser(h: XmlHandlers): SaxesParser<typeof OPTIONS> {
  const p = new SaxesParser(OPTIONS);
  p.on('opentag', (t) => h.open(localOf(t.name), t.attributes));
  p.on('closetag', (t) => h.close(localOf(t.name)));
  p.on('text', h.text);
  p.on('cdata', h.text);
  return p;
}

function xmlFault(part: string, err: unknown): XlsxError {
  return new XlsxError('unreadable-file', `The part ${part} is not well-formed XML (${(err as Error).message}).`);
}

/** Inflates `entry` and feeds it to the handlers chunk by chunk. */
export function streamEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  h: XmlHandlers,
  onInput?: (n: number) => void,
): void {
  const parser = makeParser(h);
  const dec = new TextDecoder('utf-8');
  try {
    inflateEntry(bytes, entry, budget, (chunk) => {
      const s = dec.decode(chunk, { stream: true });
      if (s) parser.write(s);
    }, onInput);
    const rest = dec.decode();
    if (rest) parser.write(rest);
    parser.close();
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw xmlFault(entry.name, err);
  }
}

/** Parses XML held as text. */
export function parseText(xml: string, part: string, h: XmlHandlers): void {
  const parser = makeParser(h);
  try {
    parser.write(xml);
    parser.close();
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw xmlFault(part, err);
  }
}

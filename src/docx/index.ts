/**
 * The 通报 as a Word document (.docx, WordprocessingML) in the layout of GB/T 9704. Code
 * outside src/docx imports from here only. What it says comes from the engine
 * (core/bulletin-doc.ts); this room lays it out and packs it with the xlsx room's zip writer.
 */
import { bulletinDoc } from '../core/bulletin-doc';
import type { Lang, Report } from '../core/types';
import { writeZip, type Codecs } from '../xlsx';
import { documentXml } from './document';
import { CONTENT_TYPES, DOCUMENT_RELS, ROOT_RELS, footer, styles } from './parts';

export { documentText } from './document';

/** The .docx bytes of the report's 通报 in `lang`. */
export function bulletinDocx(report: Report, lang: Lang, codecs: Codecs = {}): Uint8Array {
  const doc = bulletinDoc(report, lang);
  const enc = new TextEncoder();
  const part = (name: string, text: string) => ({ kind: 'new' as const, name, data: [enc.encode(text)] });
  return writeZip(new Uint8Array(0), [
    part('[Content_Types].xml', CONTENT_TYPES),
    part('_rels/.rels', ROOT_RELS),
    part('word/document.xml', documentXml(doc)),
    part('word/styles.xml', styles(lang)),
    part('word/footer1.xml', footer()),
    part('word/_rels/document.xml.rels', DOCUMENT_RELS),
  ], codecs);
}

/**
 * word/document.xml of the 通报: the title (方正小标宋简体 二号, centred), headings (一级 黑体,
 * 二级 楷体), body paragraphs (仿宋_GB2312 三号, first line indented two characters, 28 pt
 * lines) and the ranking table; A4 with the margins of GB/T 9704 (top 37 mm, bottom 35 mm,
 * left 28 mm, right 26 mm) and the page number in the footer.
 */
import type { BulletinBlock, BulletinDoc } from '../core/bulletin-doc';
import { escapeText } from '../xlsx';
import { FONTS, R_NS, SIZE, W_NS, fonts } from './parts';

/** A4 in twips, and the text width its margins leave. */
const PAGE = { w: 11906, h: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474, header: 851, footer: 992 };
const TEXT_WIDTH = PAGE.w - PAGE.left - PAGE.right;
/** Ranking table columns (twips), summing to the text width. */
const COLUMNS = [600, 1500, 800, 800, 900, 1200, 1200, 900, 944];

function run(text: string, font: string, size: number, bold = false): string {
  const b = bold ? '<w:b/><w:bCs/>' : '';
  return `<w:r><w:rPr>${fonts(font)}${b}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`
    + `<w:t xml:space="preserve">${escapeText(text)}</w:t></w:r>`;
}

function paragraph(text: string, pPr: string, font: string, size: number, bold = false): string {
  return `<w:p><w:pPr>${pPr}</w:pPr>${run(text, font, size, bold)}</w:p>`;
}

const INDENT = `<w:ind w:firstLineChars="200" w:firstLine="${SIZE.sanhao * 20}"/>`;

function table(header: string[], rows: string[][]): string {
  const border = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');
  const grid = COLUMNS.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const cell = (text: string, i: number, bold: boolean) => `<w:tc><w:tcPr><w:tcW w:w="${COLUMNS[i] ?? 900}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`
    + paragraph(text, '<w:spacing w:line="300" w:lineRule="auto"/><w:jc w:val="center"/>', bold ? FONTS.heading1 : FONTS.body, SIZE.wuhao) + '</w:tc>';
  const row = (cells: string[], head: boolean) => `<w:tr>${head ? '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>'}`
    + `${cells.map((c, i) => cell(c, i, head)).join('')}</w:tr>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${border}</w:tblBorders>`
    + `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${row(header, true)}${rows.map((r) => row(r, false)).join('')}</w:tbl>`
    // Word wants a paragraph between a table and what follows it.
    + '<w:p/>';
}

function block(b: BulletinBlock): string {
  switch (b.kind) {
    case 'heading':
      return paragraph(b.text, `<w:keepNext/>${INDENT}`, b.level === 1 ? FONTS.heading1 : FONTS.heading2, SIZE.sanhao);
    case 'paragraph':
      return paragraph(b.text, INDENT, FONTS.body, SIZE.sanhao);
    case 'table':
      return table(b.header, b.rows);
  }
}

export function documentXml(doc: BulletinDoc): string {
  const title = paragraph(doc.title, '<w:spacing w:before="0" w:after="560" w:line="700" w:lineRule="exact"/><w:jc w:val="center"/>', FONTS.title, SIZE.erhao);
  const sect = `<w:sectPr><w:footerReference w:type="default" r:id="rId2"/><w:pgSz w:w="${PAGE.w}" w:h="${PAGE.h}"/>`
    + `<w:pgMar w:top="${PAGE.top}" w:right="${PAGE.right}" w:bottom="${PAGE.bottom}" w:left="${PAGE.left}" w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0"/>`
    + '<w:docGrid w:type="linesAndChars" w:linePitch="560" w:charSpace="0"/></w:sectPr>';
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${title}${doc.blocks.map(block).join('')}${sect}</w:body></w:document>`;
}

/** The text of a document.xml, one line per paragraph, table cells separated by tabs (for tests and checks). */
export function documentText(xml: string): string {
  const lines: string[] = [];
  for (const p of xml.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:p>[\s\S]*?<\/w:p>|<w:p\/>/g) ?? []) {
    const texts = (s: string) => (s.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('');
    if (p.startsWith('<w:tr>')) lines.push((p.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(texts).join('\t'));
    else if (p !== '<w:p/>') lines.push(texts(p));
  }
  return lines.join('\n');
}

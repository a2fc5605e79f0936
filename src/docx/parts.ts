/**
 * The fixed parts of the 通报's Word package: content types, relationships, styles and the
 * footer with the page number (`— 1 —`, GB/T 9704 §7.5: 4号 半角宋体, centred here).
 */
import type { Lang } from '../core/types';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const CONTENT_TYPES = `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
  + '<Default Extension="xml" ContentType="application/xml"/>'
  + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
  + '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
  + '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
  + '</Types>';

export const ROOT_RELS = `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
  + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>`
  + '</Relationships>';

export const DOCUMENT_RELS = `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
  + `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>`
  + `<Relationship Id="rId2" Type="${REL}/footer" Target="footer1.xml"/>`
  + '</Relationships>';

/** The fonts of GB/T 9704: title 方正小标宋简体, body 仿宋_GB2312, headings 黑体 and 楷体_GB2312. */
export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  footer: '宋体',
  latin: 'Times New Roman',
} as const;

/** `w:rFonts` for an East Asian font, Latin text in Times New Roman. */
export function fonts(eastAsia: string): string {
  return `<w:rFonts w:ascii="${FONTS.latin}" w:hAnsi="${FONTS.latin}" w:eastAsia="${eastAsia}" w:cs="${FONTS.latin}"/>`;
}

/** Half-points: 二号 22pt, 三号 16pt, 四号 14pt, 五号 10.5pt. */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28, wuhao: 21 } as const;

export function styles(lang: Lang): string {
  const lc = lang === 'en' ? 'en-US' : lang;
  return `${HEAD}<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>${fonts(FONTS.body)}`
    + `<w:sz w:val="${SIZE.sanhao}"/><w:szCs w:val="${SIZE.sanhao}"/><w:lang w:val="${lc}" w:eastAsia="${lang === 'en' ? 'zh-CN' : lc}"/>`
    + '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
    + '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    + '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar>'
    + '<w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    + '</w:styles>';
}

export function footer(): string {
  const run = (inner: string) => `<w:r><w:rPr>${fonts(FONTS.footer)}<w:sz w:val="${SIZE.sihao}"/></w:rPr>${inner}</w:r>`;
  return `${HEAD}<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>`
    + `${run('<w:t xml:space="preserve">— </w:t>')}${run('<w:fldChar w:fldCharType="begin"/>')}`
    + `${run('<w:instrText xml:space="preserve"> PAGE </w:instrText>')}${run('<w:fldChar w:fldCharType="separate"/>')}`
    + `${run('<w:t>1</w:t>')}${run('<w:fldChar w:fldCharType="end"/>')}${run('<w:t xml:space="preserve"> —</w:t>')}</w:p></w:ftr>`;
}

export { R_NS };

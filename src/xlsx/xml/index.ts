/** Scanning XML, one set of rules (syntax-checks.ts, escapes.ts) behind two entries: bytes for the sheet parts, text for the rest and for patching spans. */

// Bytes: a part's UTF-8 as inflated. scanEntry and scanBytes feed it to the tokenizer a slice at a
// time; the row scanners read a sheet's <sheetData> in place and leave anything they do not
// handle (comments, CDATA, processing instructions, entities in values) to the tokenizer.
export { scanBytes, scanEntry } from './parse-part';
export { ascii, cells, isBoundary, maxSharedSi, type RowInfo, scanCells, scanRows, sheetDataSpan, splitSheet, type SplitSheet } from './bytes-sheet-rows';
export { attr, closes, localIs, nextTag, readCellTag, readTag, tag, tagName } from './bytes-tags';
export { intAt, numberAt, ref, refCol, text } from './bytes-values';
export { ByteSink } from './bytes-writer';

// Text: a small part held as a string. parseText runs the same tokenizer and hands attributes
// over as an object; the spans find, read and edit elements and attributes in place.
export { parseText } from './parse-part';
export { type ScanHandler } from './text-tokenizer';
export { nameIs, scanAttrs } from './text-attrs';
export { boundPrefix, childSpans, getAttr, prefixOf, removeAttr, rootElement, setAttr, type Span, splice, tagEnd } from './text-spans';

// Both: escaping and entities (escapes.ts), and the cell type codes the two sheet readers share.
export { decodeXString, escapeAttr, escapeText, toXmlString, unescapeXml } from './escapes';
export { T_B, T_D, T_E, T_INLINE, T_N, T_OTHER, T_S, T_STR, typeCode } from './cell-types';

/** Scanning XML: the tokenizer over text and the scanners over a sheet's bytes, spans and attributes for patching in place, escaping, and the well-formedness checks they share. */
export { ascii, cells, isBoundary, maxSharedSi, type RowInfo, scanCells, scanRows, sheetDataSpan, splitSheet, type SplitSheet } from './bytes-sheet-rows';
export { attr, closes, localIs, nextTag, readCellTag, readTag, tag, tagName } from './bytes-tags';
export { intAt, numberAt, ref, refCol, text, typeCode } from './bytes-values';
export { ByteSink } from './bytes-writer';
export { T_B, T_D, T_E, T_INLINE, T_N, T_OTHER, T_S, T_STR } from './cell-types';
export { parseText, scanBytes, scanEntry } from './parse-part';
export { nameIs, scanAttrs } from './text-attrs';
export { boundPrefix, childSpans, decodeXString, escapeAttr, escapeText, getAttr, prefixOf, removeAttr, rootElement, setAttr, type Span, splice, tagEnd, toXmlString, unescapeXml } from './text-spans';
export { type ScanHandler } from './text-tokenizer';

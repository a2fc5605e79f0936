/** What reading, patching and writing share about a package: part names, relationships, content types, built-in number formats and date serials. */
export { patchContentTypes } from './content-types';
export { DATE1904_OFFSET, isoToSerial } from './date-serials';
export { BUILTIN_NUM_FMTS, PORTABLE_FMT_ID } from './number-formats';
export { CT_COMMENTS, CT_RELS, CT_VML, CT_WORKSHEET, emptyRels, NS_PKG_REL, freeRelId, NS_MAIN, NS_REL, parseRels, type Rel, REL_BASE, relativeTarget, relIs, relsPathFor, resolveTarget } from './relationships';

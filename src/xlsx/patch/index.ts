/** The write plans into an annotated copy of the package: the ledger sheets, their notes, styles and the workbook part edited in place, everything else copied raw. */
export { applyPlans, type PatchOptions } from './apply-plans';
export { type StylesPatch } from './patch-styles';

/** New parts written whole: the tool's sheets (汇总, 问题清单), their charts and drawings, the XML of one written cell, and the ledger template as a new workbook. */
export { writePlanCell } from './cell-xml';
export { toolSheetXml } from './write-tool-sheet';
export { CT_CHART, CT_DRAWING, chartXml, drawingXml } from './chart-parts';
export { templateWorkbook, validationXml } from './template-workbook';
export { gridSheetXml, gridWorkbook, type GridLayout } from './write-grid-workbook';

/**
 * The slice of WPS's spreadsheet object model (ET, 金山表格 JS API) that src/wps uses,
 * declared by hand: the model follows Excel's VBA objects, with properties read and
 * written synchronously and collections indexed from 1. Names and argument orders are
 * those of the WPS JS API reference (open.wps.cn, 表格 API: Application, Workbook,
 * Worksheet, Range, FormatConditions, Comments, Names, CustomDocumentProperties) and of
 * the `et-jsapi-declare` typings; only what is used here is declared, everything
 * optional that a build may lack is marked optional and feature-detected.
 */

/** VBA constants used here (values as in Excel's object model, which ET follows). */
export const XL = {
  /** FormatConditions.Add type: a formula. */
  expression: 2,
  /** Border index inside a FormatCondition. */
  top: -4160,
  bottom: -4107,
  left: -4131,
  right: -4152,
  continuous: 1,
  /** SpecialCells: visible cells. */
  cellTypeVisible: 12,
  /** CustomDocumentProperties.Add type: text. */
  propertyTypeString: 4,
} as const;

/** Validation.Add's constants (XlDVType, XlDVAlertStyle, XlFormatConditionOperator), as in Excel's object model. */
export const XL_DV = {
  whole: 1, decimal: 2, list: 3, date: 4, custom: 7,
  alertStop: 1, alertWarning: 2,
  between: 1, greaterEqual: 7,
} as const;

/** Range.Validation: reading Type where the range has none throws, as in VBA. */
export interface EtValidation {
  readonly Type: number;
  InputTitle: string;
  InputMessage: string;
  ErrorTitle: string;
  ErrorMessage: string;
  IgnoreBlank: boolean;
  ShowInput: boolean;
  ShowError: boolean;
  InCellDropdown: boolean;
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: string): void;
  Delete(): void;
}

export interface EtBorder {
  LineStyle: number;
  Color: number;
}

export interface EtFormatCondition {
  readonly Type: number;
  readonly Formula1?: string;
  readonly Interior: { Color: number };
  Borders(index: number): EtBorder;
  SetFirstPriority?(): void;
  Delete(): void;
}

export interface EtFormatConditions {
  readonly Count: number;
  Item(index: number): EtFormatCondition;
  Add(type: number, operator?: number, formula1?: string): EtFormatCondition;
}

export interface EtComment {
  Text(text?: string): string;
  readonly Parent: EtRange;
  Delete(): void;
}

export interface EtRange {
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  readonly Address?: string | ((...args: unknown[]) => string);
  Value2: unknown;
  Formula: unknown;
  NumberFormat: unknown;
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRange;
  readonly Font: { Bold: unknown };
  readonly EntireColumn: { Hidden: unknown };
  /** Where the range starts, in points from the sheet's corner. */
  readonly Left: number;
  readonly Top: number;
  ColumnWidth: unknown;
  readonly FormatConditions: EtFormatConditions;
  /** Missing in a build without data validation: then 添加输入检查 says so. */
  readonly Validation?: EtValidation;
  readonly Comment: EtComment | null;
  AddComment(text: string): EtComment;
  Clear(): void;
  Select(): void;
  SpecialCells?(type: number): EtRange;
  Cells(row: number, col: number): EtRange;
}

export interface EtName {
  readonly Name: string;
  readonly RefersTo: string;
  Delete(): void;
}

export interface EtNames {
  readonly Count: number;
  Item(index: number): EtName;
  Add(name: string, refersTo: string): EtName;
}

export interface EtSheet {
  Name: string;
  /** -1 visible (xlSheetVisible), 0 hidden, 2 very hidden. */
  readonly Visible: number | boolean;
  readonly UsedRange: EtRange;
  /** Every cell of the sheet (Cells.FormatConditions lists the sheet's rules). */
  readonly Cells: EtRange;
  readonly Comments: { readonly Count: number; Item(index: number): EtComment };
  Range(address: string): EtRange;
  /** Embedded charts (ChartObjects().Add(Left, Top, Width, Height)); feature-detected. */
  ChartObjects?(): EtChartObjects;
  Activate(): void;
  Delete(): void;
}

export interface EtSeries {
  Name: string;
  Values: unknown;
  XValues: unknown;
  HasDataLabels: boolean;
  readonly Interior: { Color: number };
}

export interface EtChart {
  ChartType: number;
  HasTitle: boolean;
  readonly ChartTitle: { Text: string };
  HasLegend: boolean;
  readonly Legend: { Position: number };
  Axes(type: number): { ReversePlotOrder: boolean; readonly TickLabels: { NumberFormat: string } };
  SeriesCollection(): { readonly Count: number; NewSeries(): EtSeries };
}

export interface EtChartObjects {
  readonly Count: number;
  Add(left: number, top: number, width: number, height: number): { readonly Chart: EtChart };
}

export interface EtSheets {
  readonly Count: number;
  Item(index: number | string): EtSheet;
  Add(before?: EtSheet, after?: EtSheet): EtSheet;
}

export interface EtDocProperty {
  readonly Name: string;
  Value: unknown;
  Delete(): void;
}

export interface EtDocProperties {
  readonly Count: number;
  Item(index: number): EtDocProperty;
  Add(name: string, linkToContent: boolean, type: number, value: unknown): EtDocProperty;
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
  readonly Names: EtNames;
  readonly ActiveSheet: EtSheet;
  readonly CustomDocumentProperties?: EtDocProperties;
  /** The file name (`2023年3月台账.xlsx`), as Excel's Workbook.Name. */
  readonly Name?: string;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  DisplayAlerts?: boolean;
  ScreenUpdating?: boolean;
  /** The UI language id (2052 zh-CN, 1028 zh-TW, 1033 en), where the build has it. */
  readonly LanguageSettings?: { LanguageID(type: number): number };
  CreateTaskPane?(url: string, title?: string): { Visible: boolean; DockPosition?: number };
  readonly PluginStorage?: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}

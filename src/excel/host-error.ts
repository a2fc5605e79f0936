/**
 * What can go wrong talking to Excel, as a typed error with a plain message in the
 * user's language. Office's own code stays on the error for logs.
 */
import type { Lang } from '../core/types';

export type HostErrorCode =
  | 'cell-edit-mode'
  | 'payload-too-large'
  | 'not-supported'
  | 'not-found'
  | 'access-denied'
  | 'busy'
  | 'name-conflict'
  | 'settings-save-failed'
  | 'no-excel'
  | 'unknown';

export class HostError extends Error {
  readonly code: HostErrorCode;
  /** Office's error code (`InvalidOperationInCellEditMode`), when the error came from Office. */
  readonly officeCode: string | undefined;

  constructor(code: HostErrorCode, message: string, officeCode?: string) {
    super(message);
    this.name = 'HostError';
    this.code = code;
    this.officeCode = officeCode;
  }
}

const MESSAGES: Record<Lang, Record<HostErrorCode, string>> = {
  'zh-CN': {
    'cell-edit-mode': 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后再试。',
    'payload-too-large': '一次要传送的数据太多，Excel 拒绝了请求。请缩小工作表或分批处理后再试。',
    'not-supported': '当前版本的 Excel 不支持此功能。请更新 Excel 或改用网页版。',
    'not-found': '找不到要处理的工作表、单元格或名称，可能已被重命名或删除。请重新检查后再试。',
    'access-denied': '工作簿或工作表受保护，无法写入。请取消保护后再试。',
    busy: 'Excel 正忙（可能有其他人在同时编辑）。请稍后再试。',
    'name-conflict': '已有同名的工作表或名称，无法创建。请重命名后再试。',
    'settings-save-failed': '设置未能保存到工作簿中。',
    'no-excel': '未在 Excel 中运行，无法访问工作簿。',
    unknown: 'Excel 报告了一个错误，操作未完成。',
  },
  'zh-TW': {
    'cell-edit-mode': 'Excel 正在編輯儲存格。請按 Enter 或 Esc 結束編輯後再試。',
    'payload-too-large': '一次要傳送的資料太多，Excel 拒絕了請求。請縮小工作表或分批處理後再試。',
    'not-supported': '目前版本的 Excel 不支援此功能。請更新 Excel 或改用網頁版。',
    'not-found': '找不到要處理的工作表、儲存格或名稱，可能已被重新命名或刪除。請重新檢查後再試。',
    'access-denied': '活頁簿或工作表受保護，無法寫入。請取消保護後再試。',
    busy: 'Excel 正忙（可能有其他人同時編輯）。請稍後再試。',
    'name-conflict': '已有同名的工作表或名稱，無法建立。請重新命名後再試。',
    'settings-save-failed': '設定未能儲存到活頁簿中。',
    'no-excel': '未在 Excel 中執行，無法存取活頁簿。',
    unknown: 'Excel 回報了一個錯誤，操作未完成。',
  },
  en: {
    'cell-edit-mode': 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.',
    'payload-too-large': 'Too much data for one request; Excel refused it. Make the sheet smaller or work in parts, then try again.',
    'not-supported': 'This version of Excel does not support this feature. Update Excel or use Excel on the web.',
    'not-found': 'A sheet, cell or name to work on was not found; it may have been renamed or deleted. Check and try again.',
    'access-denied': 'The workbook or sheet is protected and cannot be written. Unprotect it and try again.',
    busy: 'Excel is busy (someone else may be editing). Try again in a moment.',
    'name-conflict': 'A sheet or name with that name already exists. Rename it and try again.',
    'settings-save-failed': 'The settings could not be saved in the workbook.',
    'no-excel': 'Not running inside Excel: the workbook cannot be reached.',
    unknown: 'Excel reported an error; the operation did not finish.',
  },
};

export function hostMessage(code: HostErrorCode, lang: Lang): string {
  return MESSAGES[lang][code];
}

const BY_OFFICE_CODE: Record<string, HostErrorCode> = {
  InvalidOperationInCellEditMode: 'cell-edit-mode',
  RequestPayloadSizeLimitExceeded: 'payload-too-large',
  ResponsePayloadSizeLimitExceeded: 'payload-too-large',
  RangeExceedsLimit: 'payload-too-large',
  OperationCellsExceedLimit: 'payload-too-large',
  ApiNotFound: 'not-supported',
  NotImplemented: 'not-supported',
  UnsupportedOperation: 'not-supported',
  UnsupportedFeature: 'not-supported',
  ItemNotFound: 'not-found',
  InvalidReference: 'not-found',
  AccessDenied: 'access-denied',
  Conflict: 'busy',
  ActivityLimitReached: 'busy',
  RequestAborted: 'busy',
  ItemAlreadyExists: 'name-conflict',
};

/** Office's error code, from `code` or `debugInfo.code`. */
export function officeCodeOf(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const o = e as { code?: unknown; debugInfo?: { code?: unknown } };
  if (typeof o.code === 'string' && o.code !== '') return o.code;
  if (typeof o.debugInfo?.code === 'string') return o.debugInfo.code;
  return undefined;
}

/** Any error thrown while talking to Excel, as a HostError in `lang`. */
export function toHostError(e: unknown, lang: Lang): HostError {
  if (e instanceof HostError) return e;
  const office = officeCodeOf(e);
  const code: HostErrorCode = (office && BY_OFFICE_CODE[office]) || 'unknown';
  let message = hostMessage(code, lang);
  if (code === 'unknown' && office) message += ` (${office})`;
  return new HostError(code, message, office);
}

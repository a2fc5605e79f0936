/**
 * `ledger template`: writes the county ledger template (core/template.ts) to `--out`, atomically.
 * With `--from`, the template is a copy of that ledger, its layout and rows kept, with the input
 * rules laid on the input columns the check finds (core/input-rules.ts): the same patch the web
 * page's 添加输入检查 makes, only the sheets' `<dataValidations>` edited.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { ledgerInputCheck } from '../core/input-rules';
import { buildTemplate, DEFAULT_ROWS_PER_GROUP } from '../core/template';
import type { Settings, WritePlan } from '../core/types';
import { applyPlans, checkReadWorkbook, isXlsxError, readWorkbook, templateWorkbook } from '../xlsx';
import type { CliOptions } from './cli';
import type { Io } from './commands';
import { CLI_TEXT } from './messages';

/** The `--from` copy: the source's bytes with input rules patched into each ledger sheet. */
export function templateFrom(bytes: Uint8Array, settings: Settings, opts: Pick<CliOptions, 'maxAmount' | 'lang'>): Uint8Array {
  const workbook = readWorkbook(bytes);
  const checked = checkReadWorkbook(bytes, workbook, settings, { write: false });
  const plans: WritePlan[] = checked.analyses.map((a) => ({
    sheet: a.grid.name, ownColumns: [], headerRow: a.header.rows[a.header.rows.length - 1], cells: [], names: [],
    conditionalFormats: [], marks: [], sheets: [],
    inputRules: ledgerInputCheck(a, { lang: opts.lang, maxAmount: opts.maxAmount, emptyRows: DEFAULT_ROWS_PER_GROUP * 10 }).rules,
  }));
  return applyPlans(bytes, workbook, plans, { deflateRaw: (d) => zlib.deflateRawSync(d, { level: 6 }) });
}

export function runTemplate(opts: CliOptions, io: Io, writeAtomic: (target: string, data: Uint8Array) => void, settings: Settings): number {
  let bytes: Uint8Array;
  if (opts.from !== undefined) {
    // The source is never overwritten: the template is a copy beside it.
    if (path.resolve(opts.from) === path.resolve(opts.out)) {
      io.stderr(`${CLI_TEXT[opts.lang].badValue('--out', opts.out)}\n`);
      return 2;
    }
    try {
      bytes = templateFrom(new Uint8Array(fs.readFileSync(opts.from)), settings, opts);
    } catch (e) {
      // A file that cannot be read or is no ledger is the user's to fix; anything else is ours.
      const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
      if (!isXlsxError(e) && typeof code !== 'string') throw e;
      io.stderr(`${opts.from}: ${(e as Error).message}\n`);
      return 1;
    }
  } else {
    const spec = buildTemplate({
      asOf: opts.asOf ?? io.today, groups: opts.groups, lang: opts.lang, maxAmount: opts.maxAmount,
      lagWarn: opts.lagWarn, lagAlert: opts.lagAlert,
    });
    bytes = templateWorkbook(spec, { deflateRaw: (d) => zlib.deflateRawSync(d, { level: 6 }) });
  }
  try {
    writeAtomic(opts.out, bytes);
  } catch (e) {
    io.stderr(`${opts.out}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  io.stdout(`${opts.out}\n`);
  return 0;
}

/**
 * `ledger template`: writes the county ledger template (core/template.ts) to `--out`, atomically.
 */
import * as zlib from 'zlib';
import { buildTemplate } from '../core/template';
import { templateWorkbook } from '../xlsx';
import type { CliOptions } from './cli';
import type { Io } from './commands';

export function runTemplate(opts: CliOptions, io: Io, writeAtomic: (target: string, data: Uint8Array) => void): number {
  const spec = buildTemplate({
    asOf: opts.asOf ?? io.today, groups: opts.groups, lang: opts.lang, maxAmount: opts.maxAmount,
    lagWarn: opts.lagWarn, lagAlert: opts.lagAlert,
  });
  const bytes = templateWorkbook(spec, { deflateRaw: (d) => zlib.deflateRawSync(d, { level: 6 }) });
  try {
    writeAtomic(opts.out, bytes);
  } catch (e) {
    io.stderr(`${opts.out}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  io.stdout(`${opts.out}\n`);
  return 0;
}

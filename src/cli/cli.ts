/**
 * `ledger` arguments → a command. Parsing only: I/O and exit codes live in commands.ts.
 */
import { FIELDS, LANGS, type Field, type Lang, type RankMethod, type TimeBasis } from '../core/types';
import { colIndex } from '../core/grid';
import { CLI_TEXT } from './messages';

export interface CliOptions {
  command: 'check' | 'bulletin' | 'whatif' | 'template' | 'merge' | 'help';
  /** `template --groups a,b`: the counties, one block of rows each. */
  groups: string[];
  /** `template --from ledger.xlsx`: a copy of that ledger with the input rules on the columns found. */
  from?: string;
  /** `template --max-amount N`: largest amount in 万元 an input cell takes. */
  maxAmount?: number;
  inputs: string[];
  json: boolean;
  out: string;
  asOf?: string;
  timeBasis: TimeBasis;
  /** `--previous`, once or more, oldest first: earlier workbooks or folders of them. */
  previous: string[];
  /** `--list-after N`: behind N reports in a row puts a project on the 挂牌 list. */
  listAfter?: number;
  /** `--list-not-started N`: not started over N months of reports lists it (0: never). */
  listNotStarted?: number;
  /** `bulletin --docx <file>`: the 通报 as a Word document too. */
  docx?: string;
  lang: Lang;
  groupBy?: Field;
  /** `--group-by level:N`: the row tree's level that groups (1 = outermost). */
  groupLevel?: number;
  rank: RankMethod;
  lagWarn: number;
  lagAlert: number;
  /** Write no annotated copies (bulletin only needs the figures). */
  noWrite: boolean;
  /** Most megabytes a workbook may take, as a file and as XML once unpacked (reader's default when absent). */
  maxMb?: number;
  /** Most cells with a value or formula across a workbook (reader's default when absent). */
  maxCells?: number;
  /** `--map field=LETTER`: the user's column for a field (`-` for none). */
  map: Partial<Record<Field, number>>;
  /** `whatif` only: target share, deadline month, adjustments and indicators as given. */
  whatif?: { target: number; by?: string; adjust: string[]; indicators: string[] };
}

/** `level:2`, `level2`, `第2级`, `2级` (級): a level of the row tree, 1 to 9; else null. */
export function groupLevelOf(v: string): number | null {
  const m = /^(?:level:?\s*([1-9])|第?([1-9])[级級])$/i.exec(v.trim());
  return m ? Number(m[1] ?? m[2]) : null;
}

export class UsageError extends Error {
  readonly code = 'usage';
}

function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const tag = env.LEDGER_LANG ?? '';
  return (LANGS as readonly string[]).includes(tag) ? (tag as Lang) : 'zh-CN';
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = {}): CliOptions {
  const opts: CliOptions = {
    command: 'help', inputs: [], json: false, out: 'ledger-out', timeBasis: 'month', lang: langFromEnv(env),
    rank: 'competition', lagWarn: 0, lagAlert: 10, noWrite: false, map: {}, previous: [], groups: [],
  };
  // --lang first, so every later message speaks it.
  const li = argv.indexOf('--lang');
  if (li >= 0) {
    const v = argv[li + 1];
    if (!v || !(LANGS as readonly string[]).includes(v)) throw new UsageError(CLI_TEXT[opts.lang].badValue('--lang', v ?? ''));
    opts.lang = v as Lang;
  }
  const t = CLI_TEXT[opts.lang];
  const args = [...argv];
  const cmd = args.shift();
  if (cmd === undefined || cmd === 'help' || cmd === '--help' || cmd === '-h') return opts;
  if (cmd !== 'check' && cmd !== 'bulletin' && cmd !== 'whatif' && cmd !== 'template' && cmd !== 'merge') throw new UsageError(`${t.badOption(cmd)}
${t.usage}`);
  opts.command = cmd;
  if (cmd === 'bulletin') opts.noWrite = true;
  // merge writes one workbook, named by --out (no default).
  if (cmd === 'merge') opts.out = '';
  // whatif writes annotated copies only when --out is given.
  if (cmd === 'whatif') {
    opts.noWrite = true;
    opts.whatif = { target: 1, adjust: [], indicators: [] };
  }
  const value = (opt: string): string => {
    const v = args.shift();
    if (v === undefined || v.startsWith('--')) throw new UsageError(t.badValue(opt, v ?? ''));
    return v;
  };
  const number = (opt: string): number => {
    const v = value(opt);
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(t.badValue(opt, v));
    return n;
  };
  while (args.length) {
    const a = args.shift() as string;
    if (!a.startsWith('--')) {
      opts.inputs.push(a);
      continue;
    }
    switch (a) {
      case '--json': opts.json = true; break;
      case '--out': opts.out = value(a); opts.noWrite = false; break;
      case '--as-of': {
        const v = value(a);
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
        const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
        if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) throw new UsageError(t.badValue(a, v));
        opts.asOf = v;
        break;
      }
      case '--time-basis': {
        const v = value(a);
        if (v !== 'month' && v !== 'day') throw new UsageError(t.badValue(a, v));
        opts.timeBasis = v;
        break;
      }
      case '--previous': opts.previous.push(value(a)); break;
      case '--list-after': case '--list-not-started': {
        const v = value(a);
        const n = Number(v);
        if (!Number.isSafeInteger(n) || n < 0) throw new UsageError(t.badValue(a, v));
        if (a === '--list-after') opts.listAfter = n;
        else opts.listNotStarted = n;
        break;
      }
      case '--docx': {
        if (cmd !== 'bulletin') throw new UsageError(`${t.badOption(a)}\n${t.usage}`);
        const v = value(a);
        if (!/\.docx$/i.test(v)) throw new UsageError(t.badValue(a, v));
        opts.docx = v;
        break;
      }
      case '--lang': value(a); break;
      case '--group-by': {
        const v = value(a);
        const level = groupLevelOf(v);
        if (level !== null) opts.groupLevel = level;
        else if ((FIELDS as readonly string[]).includes(v)) opts.groupBy = v as Field;
        else throw new UsageError(`${t.badValue(a, v)} (level:1, level:2, …, ${FIELDS.join(', ')})`);
        break;
      }
      case '--rank': {
        const v = value(a);
        if (v !== 'competition' && v !== 'dense') throw new UsageError(t.badValue(a, v));
        opts.rank = v;
        break;
      }
      case '--max-mb': {
        const v = value(a);
        const n = Number(v);
        if (!Number.isFinite(n) || n <= 0) throw new UsageError(t.badValue(a, v));
        opts.maxMb = n;
        break;
      }
      case '--max-cells': {
        const v = value(a);
        const n = Number(v);
        if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(t.badValue(a, v));
        opts.maxCells = n;
        break;
      }
      case '--groups': {
        if (cmd !== 'template') throw new UsageError(`${t.badOption(a)}\n${t.usage}`);
        opts.groups = value(a).split(/[,，、]/).map((g) => g.trim()).filter((g) => g);
        break;
      }
      case '--from': {
        if (cmd !== 'template') throw new UsageError(`${t.badOption(a)}\n${t.usage}`);
        opts.from = value(a);
        break;
      }
      case '--max-amount': {
        if (cmd !== 'template') throw new UsageError(`${t.badOption(a)}\n${t.usage}`);
        const n = number(a);
        if (n <= 0) throw new UsageError(t.badValue(a, String(n)));
        opts.maxAmount = n;
        break;
      }
      case '--lag-warn': opts.lagWarn = number(a); break;
      case '--lag-alert': opts.lagAlert = number(a); break;
      case '--no-write': opts.noWrite = true; break;
      case '--map': {
        const v = value(a);
        const m = /^([A-Za-z]+)=([A-Za-z]{1,3}|-)$/.exec(v);
        if (!m || !(FIELDS as readonly string[]).includes(m[1])) throw new UsageError(`${t.badValue(a, v)} (${FIELDS.join(', ')})`);
        opts.map[m[1] as Field] = m[2] === '-' ? -1 : colIndex(m[2].toUpperCase());
        break;
      }
      case '--target': case '--by': case '--adjust': case '--indicator': {
        const w = opts.whatif;
        if (!w) throw new UsageError(`${t.badOption(a)}\n${t.usage}`);
        const v = value(a);
        if (a === '--target') {
          w.target = Number(v);
          if (!Number.isFinite(w.target) || w.target <= 0) throw new UsageError(t.badValue(a, v));
        } else if (a === '--by') {
          if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) throw new UsageError(t.badValue(a, v));
          w.by = v;
        } else (a === '--adjust' ? w.adjust : w.indicators).push(v);
        break;
      }
      default: throw new UsageError(`${t.badOption(a)}\n${t.usage}`);
    }
  }
  if (opts.lagAlert < opts.lagWarn) throw new UsageError(t.badValue('--lag-alert', String(opts.lagAlert)));
  if (cmd === 'template') {
    if (!/\.xlsx$/i.test(opts.out)) throw new UsageError(t.badValue('--out', opts.out));
    if (opts.from !== undefined && !/\.xlsx$/i.test(opts.from)) throw new UsageError(t.badValue('--from', opts.from));
    return opts;
  }
  if (opts.inputs.length === 0) throw new UsageError(`${t.noFiles}\n${t.usage}`);
  return opts;
}

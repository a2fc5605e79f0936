/**
 * invalid-project-code: a code that is not a national investment project code
 * (投资项目统一代码, `YYYY-AAAAAA-II-TT-NNNNNX`, 24 characters): wrong shape, a
 * year outside 2010..the report year + 1, or an area code whose first two digits
 * are no province. Text with no digit (`无`, `—`) means "no code" and is left alone.
 */
import type { RawIssue } from '../types';
import { columnOf, issue } from './cells';
import { codeIndex } from './project-keys';
import type { Rule } from './rule';

const CODE = /^(\d{4})-(\d{6})-\d{2}-\d{2}-\d{5}[0-9A-Z]$/;
// The same with a known province and a year from 2010 on: one test, no allocation, for the usual good code.
const GOOD_CODE = /^20[1-9]\d-(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])\d{4}-\d{2}-\d{2}-\d{5}[0-9A-Z]$/;
const HAS_DIGIT = /\d/;
const FIRST_YEAR = 2010;

// First two digits of GB/T 2260 division codes: the provinces, Taiwan, Hong Kong, Macao.
const PROVINCES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

export type CodeProblem = 'format' | 'year' | 'area';

/** What is wrong with a code, or null when it fits the national format. */
export function codeProblem(code: string, lastYear: number): CodeProblem | null {
  if (GOOD_CODE.test(code)) {
    const year = (code.charCodeAt(2) - 48) * 10 + (code.charCodeAt(3) - 48) + 2000;
    return year <= lastYear ? null : 'year';
  }
  const m = CODE.exec(code);
  if (!m) return 'format';
  const year = Number(m[1]);
  if (year < FIRST_YEAR || year > lastYear) return 'year';
  if (!PROVINCES.has(m[2].slice(0, 2))) return 'area';
  return null;
}

export const invalidProjectCode: Rule = ({ header, ledger }) => {
  const out: RawIssue[] = [];
  const codeCol = columnOf(header, 'code');
  if (codeCol === undefined) return out;
  const asOfYear = Number(ledger.asOf.slice(0, 4));
  const lastYear = Number.isFinite(asOfYear) ? asOfYear + 1 : Infinity;
  // Noise (spaces, full-width digits) is text-noise's business; judge the code beneath it.
  const keys = codeIndex(ledger).keys;
  const projects = ledger.projects;
  for (let i = 0; i < projects.length; i++) {
    const key = keys[i];
    const p = projects[i];
    if (p.code === null || key === null || !HAS_DIGIT.test(key)) continue;
    const reason = codeProblem(key, lastYear);
    if (reason) out.push(issue('invalid-project-code', 'warning', p.r, codeCol, { value: p.code, reason }));
  }
  return out;
};

/** Every rule, keyed by the issue code it produces, and the function that runs them. */
import type { InputIssueCode, IssueCode, RawIssue } from '../types';
import { completedExceedsTotal } from './completed-exceeds-total';
import { dateInvalid } from './date-invalid';
import { dateOrder } from './date-order';
import { decreasedSincePrevious } from './decreased-since-previous';
import { duplicateAcrossFiles } from './duplicate-across-files';
import { duplicateProject } from './duplicate-project';
import { formulaError } from './formula-error';
import { invalidProjectCode } from './invalid-project-code';
import { missingRequired } from './missing-required';
import { monthExceedsYtd } from './month-exceeds-ytd';
import { negativeValue } from './negative-value';
import { notANumber } from './not-a-number';
import { numberAsText } from './number-as-text';
import { approximateFigure } from './approximate-figure';
import { rowUnaccounted } from './row-unaccounted';
import { columnSkipped } from './column-skipped';
import { planExceedsTotal } from './plan-exceeds-total';
import { projectAdded } from './project-added';
import { projectRemoved } from './project-removed';
import { columnsSuspect, reportedRateMismatch } from './reported-rate-mismatch';
import { columnAmbiguous } from './column-ambiguous';
import { periodMismatch } from './period-mismatch';
import { rowsAmbiguous } from './rows-ambiguous';
import type { Rule, RuleContext } from './rule';
import { statusInconsistent } from './status-inconsistent';
import { subtotalMismatch } from './subtotal-mismatch';
import { textNoise } from './text-noise';
import { unitSuspect } from './unit-suspect';

export type { Rule, RuleContext } from './rule';

/** A Record over IssueCode: leaving a code without its rule does not compile. */
export const ALL_RULES: Record<Exclude<IssueCode, InputIssueCode>, Rule> = {
  'missing-required': missingRequired,
  'not-a-number': notANumber,
  'number-as-text': numberAsText,
  'approximate-figure': approximateFigure,
  'row-unaccounted': rowUnaccounted,
  'column-skipped': columnSkipped,
  'negative-value': negativeValue,
  'formula-error': formulaError,
  'completed-exceeds-total': completedExceedsTotal,
  'plan-exceeds-total': planExceedsTotal,
  'month-exceeds-ytd': monthExceedsYtd,
  'duplicate-project': duplicateProject,
  'invalid-project-code': invalidProjectCode,
  'status-inconsistent': statusInconsistent,
  'reported-rate-mismatch': reportedRateMismatch,
  'subtotal-mismatch': subtotalMismatch,
  'date-invalid': dateInvalid,
  'date-order': dateOrder,
  'unit-suspect': unitSuspect,
  'text-noise': textNoise,
  'decreased-since-previous': decreasedSincePrevious,
  'project-added': projectAdded,
  'project-removed': projectRemoved,
  'column-ambiguous': columnAmbiguous,
  'columns-suspect': columnsSuspect,
  'period-mismatch': periodMismatch,
  'rows-ambiguous': rowsAmbiguous,
  'duplicate-across-files': duplicateAcrossFiles,
};

/** Sorts issues by row, then column, then code: the order a reviewer reads a sheet in. */
export function compareIssues(a: RawIssue, b: RawIssue): number {
  return a.r - b.r || a.c - b.c || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Runs every rule (or the given ones) and returns their issues in sheet order. */
export function runRules(ctx: RuleContext, rules: readonly Rule[] = Object.values(ALL_RULES)): RawIssue[] {
  const out: RawIssue[] = [];
  for (const rule of rules) {
    for (const i of rule(ctx)) out.push(i);
  }
  return out.sort(compareIssues);
}

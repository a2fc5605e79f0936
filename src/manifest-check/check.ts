/**
 * Offline manifest checker: the schema rules our add-in-only manifest relies
 * on, checked without the online validation service. Pure: the caller hands in
 * file access and the registered function names.
 */
import { checkFunctions, checkIcons, checkPages, type AssetOptions } from './check-assets';
import { checkReferences, collectResources } from './check-resources';
import { checkFunctionFile, checkOrder, checkRoot, checkValues } from './check-structure';
import { checkUrls } from './check-urls';
import { error, type Problem } from './problem';
import { parseXml } from './xml-dom';

export type CheckOptions = AssetOptions;
export type { Problem, ProblemCode } from './problem';

/** All problems, ordered by line; an empty list means the manifest passes. */
export function checkManifest(xml: string, options: CheckOptions = {}): Problem[] {
  const parsed = parseXml(xml);
  if (!parsed.ok) return [error(parsed.line, 'xml-malformed', `not well-formed XML: ${parsed.message}`)];
  const root = parsed.root;
  const out: Problem[] = [];
  if (!checkRoot(root, out)) return out;
  checkOrder(root, out);
  checkFunctionFile(root, out);
  checkValues(root, out);
  checkUrls(root, out);
  const resources = collectResources(root, out);
  checkReferences(root, resources, out);
  checkIcons(root, resources, options, out);
  checkPages(root, resources, options, out);
  checkFunctions(root, options, out);
  // Stable sort: problems on one line keep the order of the checks above.
  return out.sort((a, b) => a.line - b.line);
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** `manifest.xml:12: error [element-order] <Version> is out of order ...` */
export function formatProblem(file: string, p: Problem): string {
  return `${file}:${p.line}: ${p.severity} [${p.code}] ${p.message}`;
}

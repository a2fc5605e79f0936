/**
 * The function names a function file registers, read from its source:
 * `Office.actions.associate("checkLedger", ...)`.
 */
const ASSOCIATE = /Office\s*\.\s*actions\s*\.\s*associate\s*\(\s*(['"`])([^'"`\n]+)\1/g;

/** Block comments, and line comments not preceded by `:` (so `https://` stays). */
const COMMENTS = /\/\*[\s\S]*?\*\/|(^|[^:])\/\/[^\n]*/g;

export function associatedNames(source: string): Set<string> {
  const names = new Set<string>();
  const code = source.replace(COMMENTS, '$1');
  for (const m of code.matchAll(ASSOCIATE)) names.add(m[2]);
  return names;
}

/**
 * Validation of a manifest against the project's own XSD files in
 * schemas/manifest/, with libxml2 (the xmllint-wasm devDependency). Node only:
 * the schemas are read from disk and libxml2 runs in a worker thread.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { XMLFileInfo, XMLValidationResult, XMLLintOptions } from 'xmllint-wasm';
import { error, type Problem } from './problem';
import { parseXmllintOutput } from './xsd-messages';

export const SCHEMA_DIR = path.join(__dirname, '..', '..', 'schemas', 'manifest');

/** The entry schema; it imports the others by file name. */
export const MAIN_SCHEMA = 'office-app-1.1.xsd';

export interface SchemaFile {
  fileName: string;
  contents: string;
}

export type ValidateXml = (options: XMLLintOptions) => Promise<XMLValidationResult>;

export interface XsdOptions {
  /** The XSD files, the entry schema among them; default: every .xsd in SCHEMA_DIR. */
  schemas?: SchemaFile[];
  /** Loads libxml2; default: the xmllint-wasm package. */
  load?: () => Promise<ValidateXml>;
}

/** Every .xsd file of a folder, by name. */
export function loadSchemas(dir: string = SCHEMA_DIR): SchemaFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xsd'))
    .sort()
    .map((fileName) => ({ fileName, contents: fs.readFileSync(path.join(dir, fileName), 'utf8') }));
}

async function loadXmllint(): Promise<ValidateXml> {
  const mod = await import('xmllint-wasm');
  return mod.validateXML;
}

function isModuleMissing(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND';
}

/**
 * The manifest's schema errors, each at its line; [] when it is valid. Never
 * throws for a missing validator or a broken schema: that is one error
 * (`schema-unavailable`) saying what to do.
 */
export async function validateWithSchemas(xml: string, options: XsdOptions = {}): Promise<Problem[]> {
  // libxml2 sees the manifest under this name; problems carry only the line.
  const fileName = 'manifest.xml';
  let validate: ValidateXml;
  try {
    validate = await (options.load ?? loadXmllint)();
  } catch (e) {
    const why = isModuleMissing(e) ? 'the devDependency xmllint-wasm is not installed (run npm install)' : `xmllint-wasm failed to load: ${(e as Error).message}`;
    return [error(1, 'schema-unavailable', `cannot validate against schemas/manifest/*.xsd: ${why}`)];
  }
  let schemas: SchemaFile[];
  try {
    schemas = options.schemas ?? loadSchemas();
  } catch (e) {
    return [error(1, 'schema-unavailable', `cannot read the schemas in ${SCHEMA_DIR}: ${(e as Error).message}`)];
  }
  const main = schemas.find((s) => s.fileName === MAIN_SCHEMA);
  if (!main) return [error(1, 'schema-unavailable', `the entry schema ${MAIN_SCHEMA} is missing`)];

  const input: XMLFileInfo = { fileName, contents: xml };
  let result: XMLValidationResult;
  try {
    result = await validate({ xml: input, schema: main, preload: schemas.filter((s) => s !== main) });
  } catch (e) {
    // libxml2 exits with another code than "invalid" when a schema does not compile.
    const detail = parseXmllintOutput((e as Error).message).map((m) => `${m.file}:${m.line}: ${m.message}`);
    return [error(1, 'schema-unavailable', `the schemas in schemas/manifest do not load: ${detail.join('; ') || (e as Error).message.trim()}`)];
  }
  if (result.valid) return [];
  const problems: Problem[] = [];
  for (const m of parseXmllintOutput(result.rawOutput)) {
    if (m.file === fileName) problems.push(error(m.line, 'schema-invalid', m.message));
    else problems.push(error(1, 'schema-unavailable', `${m.file}:${m.line}: ${m.message}`));
  }
  // Invalid with no located message should not happen; say so rather than pass.
  if (!problems.length) problems.push(error(1, 'schema-invalid', `libxml2 rejected the manifest: ${result.rawOutput.trim()}`));
  return problems;
}

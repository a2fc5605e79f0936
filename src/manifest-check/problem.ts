/** One thing wrong with the manifest, at the line to fix. */
export type ProblemCode =
  | 'xml-malformed'
  | 'root-element'
  | 'namespace'
  | 'element-order'
  | 'element-unexpected'
  | 'element-missing'
  | 'element-repeated'
  | 'bad-guid'
  | 'bad-version'
  | 'bad-locale'
  | 'bad-value'
  | 'string-too-long'
  | 'url-not-https'
  | 'url-invalid'
  | 'resid-missing'
  | 'resid-duplicate'
  | 'resid-too-long'
  | 'resource-unused'
  | 'icon-missing'
  | 'icon-size'
  | 'icon-sizes-incomplete'
  | 'page-missing'
  | 'function-unknown'
  /** The manifest breaks schemas/manifest/*.xsd (libxml2's message, shortened). */
  | 'schema-invalid'
  /** The XSD check could not run: validator missing or a schema that does not load. */
  | 'schema-unavailable';

export interface Problem {
  line: number;
  code: ProblemCode;
  severity: 'error' | 'warning';
  message: string;
}

export function error(line: number, code: ProblemCode, message: string): Problem {
  return { line, code, severity: 'error', message };
}

export function warning(line: number, code: ProblemCode, message: string): Problem {
  return { line, code, severity: 'warning', message };
}

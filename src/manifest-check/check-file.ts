/**
 * The checker on real files: the manifest, the site folder its URLs map to
 * (assets/ beside manifest.xml, or dist/ after a build) and the function file;
 * then the manifest against the XSD files in schemas/manifest/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { associatedNames } from './commands-source';
import { checkManifest, type CheckOptions, type Problem } from './check';
import { validateWithSchemas, type XsdOptions } from './xsd';

export interface FileCheckOptions {
  /** Folder that URL paths on the add-in's origin map to; default: the manifest's folder. */
  siteRoot?: string;
  /** Source of the function file; default: none, and function names go unchecked. */
  commandsFile?: string;
  /** Require the pages (taskpane.html, commands.html...) to exist under siteRoot. */
  checkPages?: boolean;
  /** How to run the XSD check; default: libxml2 on schemas/manifest/*.xsd. */
  xsd?: XsdOptions;
}

/** Reads `/a/b.png` under root; null when missing or when the path leaves root. */
export function siteReader(root: string): (pathname: string) => Uint8Array | null {
  const base = path.resolve(root);
  return (pathname) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    const file = path.resolve(base, `.${path.posix.normalize(decoded)}`);
    if (file !== base && !file.startsWith(base + path.sep)) return null;
    try {
      return fs.statSync(file).isFile() ? fs.readFileSync(file) : null;
    } catch {
      return null;
    }
  };
}

/**
 * The hand checks and the XSD check on one manifest text, ordered by line
 * (on one line, the hand checks' problems first). Both run even when the
 * XML is malformed: each says so in its own words.
 */
export async function checkManifestWithSchemas(xml: string, options: CheckOptions = {}, xsd: XsdOptions = {}): Promise<Problem[]> {
  const hand = checkManifest(xml, options);
  const schema = await validateWithSchemas(xml, xsd);
  return [...hand, ...schema].sort((a, b) => a.line - b.line);
}

export async function checkManifestFile(manifestPath: string, options: FileCheckOptions = {}): Promise<Problem[]> {
  const xml = fs.readFileSync(manifestPath, 'utf8');
  const commandNames = options.commandsFile ? associatedNames(fs.readFileSync(options.commandsFile, 'utf8')) : null;
  return checkManifestWithSchemas(
    xml,
    {
      readAsset: siteReader(options.siteRoot ?? path.dirname(manifestPath)),
      checkPages: options.checkPages ?? false,
      commandNames,
    },
    options.xsd,
  );
}

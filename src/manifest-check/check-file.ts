/**
 * The checker on real files: the manifest, the site folder its URLs map to
 * (assets/ beside manifest.xml, or dist/ after a build) and the function file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { associatedNames } from './commands-source';
import { checkManifest, type Problem } from './check';

export interface FileCheckOptions {
  /** Folder that URL paths on the add-in's origin map to; default: the manifest's folder. */
  siteRoot?: string;
  /** Source of the function file; default: none, and function names go unchecked. */
  commandsFile?: string;
  /** Require the pages (taskpane.html, commands.html...) to exist under siteRoot. */
  checkPages?: boolean;
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

export function checkManifestFile(manifestPath: string, options: FileCheckOptions = {}): Problem[] {
  const xml = fs.readFileSync(manifestPath, 'utf8');
  const commandNames = options.commandsFile ? associatedNames(fs.readFileSync(options.commandsFile, 'utf8')) : null;
  return checkManifest(xml, {
    readAsset: siteReader(options.siteRoot ?? path.dirname(manifestPath)),
    checkPages: options.checkPages ?? false,
    commandNames,
  });
}

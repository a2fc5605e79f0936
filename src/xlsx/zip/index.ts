/** The zip container: reading the central directory and inflating one entry at a time under limits, writing a package that copies untouched entries raw, and the CRC-32 both use. */
export { entryBytes, entryKey, entryText, type InflateBudget, inflateEntry, type InflateRaw, readZipDirectory, type ZipDirectory, type ZipEntry } from './zip-read';
export { portableInflateRaw } from './portable-inflate';
export { type Codecs, type Crc32, type DeflateRaw, type DeflateRawPiece, entryStamp, type OutEntry, type Packed, PackingPart, type PieceDeflater, writeZip } from './zip-write';

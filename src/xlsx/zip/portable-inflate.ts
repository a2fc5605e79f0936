/**
 * The portable codec's whole-entry inflate, for a host without zlib (the web page's
 * worker). With a whole inflate the readers take a sheet's rows straight from the bytes
 * (the byte row reader, as the command does with zlib) instead of feeding text through
 * the tokenizer: several times faster. fflate writes into the one buffer of `maxLength`
 * bytes and never past it; a part that inflates to more fails its CRC-32, one to fewer
 * its declared size (entryBytes checks both).
 */
import { inflateSync } from 'fflate';
import type { InflateRaw } from './zip-read';

export const portableInflateRaw: InflateRaw = (data, maxLength) => inflateSync(data, { out: new Uint8Array(maxLength) });

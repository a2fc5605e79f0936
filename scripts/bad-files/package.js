'use strict';
/** Zip packages, raw deflate data and OLE compound files, written byte by byte (for scripts/make-bad-files.js). */
const zlib = require('zlib');

// ------------------------------------------------------------------ zip writing

/**
 * A zip package from entries `{ name, data }`. Options per entry:
 * `store` (no compression), `deflated` (raw deflate data given as is, with `size` and `crc`),
 * `size` / `crc` (what the directory declares, true or not), `flags`, `sameAs` (another
 * entry's data, for overlapping entries).
 */
function zip(entries) {
  const chunks = [];
  const central = [];
  const placed = new Map();
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    let rec;
    if (e.sameAs) {
      rec = { ...placed.get(e.sameAs) };
      if (e.size !== undefined) rec.size = e.size;
    } else {
      const raw = e.deflated ? null : Buffer.from(e.data ?? '');
      const method = e.store ? 0 : 8;
      const data = e.deflated ? Buffer.from(e.deflated) : method === 8 ? zlib.deflateRawSync(raw, { level: 9 }) : raw;
      rec = {
        method,
        data,
        crc: e.crc ?? (raw ? zlib.crc32(raw) : 0),
        size: e.size ?? (raw ? raw.length : 0),
        offset,
        flags: (e.flags ?? 0) | 0x800,
      };
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(rec.flags, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt16LE(0x21, 12); // 1980-01-01
      local.writeUInt32LE(rec.crc >>> 0, 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(rec.size >>> 0, 22);
      local.writeUInt16LE(name.length, 26);
      chunks.push(local, name, data);
      offset += local.length + name.length + data.length;
      placed.set(e.name, rec);
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(rec.flags, 8);
    c.writeUInt16LE(rec.method, 10);
    c.writeUInt16LE(0x21, 14);
    c.writeUInt32LE(rec.crc >>> 0, 16);
    c.writeUInt32LE(rec.data.length, 20);
    c.writeUInt32LE(rec.size >>> 0, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(rec.offset, 42);
    central.push(c, name);
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

// ------------------------------------------------------------------ deflate by hand

/** Bits in deflate order (least significant first). */
class BitWriter {
  constructor(capacity) {
    this.buf = Buffer.alloc(capacity);
    this.byte = 0;
    this.bit = 0;
  }

  bits(value, count) {
    for (let i = 0; i < count; i++) {
      if ((value >>> i) & 1) this.buf[this.byte] |= 1 << this.bit;
      if (++this.bit === 8) {
        this.bit = 0;
        this.byte++;
      }
    }
  }

  align() {
    if (this.bit) {
      this.bit = 0;
      this.byte++;
    }
  }

  bytes(data) {
    this.align();
    Buffer.from(data).copy(this.buf, this.byte);
    this.byte += data.length;
  }

  /** `n` repeats of the 2-bit code `1, 0` (length 258, distance 1), whole bytes at a time. */
  repeats(n) {
    let left = n;
    while (left > 0 && this.bit !== 0) {
      this.bits(1, 1);
      this.bits(0, 1);
      left--;
    }
    const whole = Math.floor(left / 4);
    this.buf.fill(0x55, this.byte, this.byte + whole);
    this.byte += whole;
    for (let i = 0; i < left % 4; i++) {
      this.bits(1, 1);
      this.bits(0, 1);
    }
  }

  result() {
    return this.buf.subarray(0, this.byte + (this.bit ? 1 : 0));
  }
}

function storedBlock(w, data, final) {
  w.bits(final ? 1 : 0, 1);
  w.bits(0, 2);
  w.align();
  const len = Buffer.alloc(4);
  len.writeUInt16LE(data.length, 0);
  len.writeUInt16LE(~data.length & 0xffff, 2);
  w.bytes(len);
  w.bytes(data);
}

/**
 * Raw deflate data of `prefix`, then `runs` × 258 spaces, then `suffix`: about 1,032
 * bytes out for each byte in, the most deflate allows. The runs are one dynamic block
 * whose only codes are end-of-block and "copy 258 bytes from 1 back" (1 bit each), so
 * each run costs 2 bits. `prefix` must end with a space, the byte the runs copy.
 */
function spacesDeflate(prefix, runs, suffix) {
  const pre = Buffer.from(prefix);
  const post = Buffer.from(suffix);
  if (pre[pre.length - 1] !== 0x20) throw new Error('prefix must end with a space');
  if (pre.length > 0xffff || post.length > 0xffff) throw new Error('prefix and suffix must fit a stored block');
  const w = new BitWriter(pre.length + post.length + Math.ceil(runs / 4) + 64);
  storedBlock(w, pre, false);
  w.bits(0, 1); // not final
  w.bits(2, 2); // dynamic Huffman codes
  w.bits(286 - 257, 5); // literal/length codes 0..285
  w.bits(1 - 1, 5); // one distance code
  w.bits(18 - 4, 4); // code-length codes up to symbol 1 in the order below
  const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1];
  for (const sym of order) w.bits(sym === 18 || sym === 1 ? 1 : 0, 3);
  // Code-length codes: symbol 1 → bit 0, symbol 18 (run of zeros, 7 extra bits) → bit 1.
  const zeros = (n) => {
    w.bits(1, 1);
    w.bits(n - 11, 7);
  };
  zeros(138); // literals 0..137
  zeros(118); // literals 138..255
  w.bits(0, 1); // 256 (end of block): length 1
  zeros(28); // lengths 257..284
  w.bits(0, 1); // 285 (length 258): length 1
  w.bits(0, 1); // distance code 0 (distance 1): length 1
  // Literal/length codes: 256 → 0, 285 → 1; distance code 0 → 0.
  w.repeats(runs);
  w.bits(0, 1); // end of block
  storedBlock(w, post, true);
  return w.result();
}

// ------------------------------------------------------------------ OLE compound files

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** A compound file header and one directory sector naming `streams` (UTF-16LE, as OLE stores them). */
function oleFile(streams) {
  const b = Buffer.alloc(512 * 3);
  OLE_MAGIC.copy(b, 0);
  b.writeUInt16LE(0x3e, 24); // minor version
  b.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  b.writeUInt16LE(0xfffe, 28); // little-endian
  b.writeUInt16LE(9, 30); // sector shift
  b.writeUInt16LE(6, 32); // mini sector shift
  b.writeUInt32LE(1, 44); // one FAT sector
  b.writeUInt32LE(1, 48); // directory starts at sector 1
  b.writeUInt32LE(0x1000, 56); // mini stream cutoff
  b.writeUInt32LE(0xfffffffe, 60);
  b.writeUInt32LE(0xfffffffe, 68);
  b.writeUInt32LE(0, 76); // FAT in sector 0
  for (let i = 1; i < 109; i++) b.writeUInt32LE(0xffffffff, 76 + 4 * i);
  // Sector 0 (file offset 512): the FAT. Sector 1 (offset 1024): the directory.
  b.writeUInt32LE(0xfffffffd, 512);
  b.writeUInt32LE(0xfffffffe, 516);
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = 1024 + 128 * i;
    b.write(name, at, 'utf16le');
    b.writeUInt16LE((name.length + 1) * 2, at + 64);
    b[at + 66] = i === 0 ? 5 : 2; // root storage, else stream
  });
  return b;
}

module.exports = { zip, spacesDeflate, oleFile };

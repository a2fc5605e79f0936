#!/usr/bin/env node
/**
 * Draws the add-in's icons (a ledger page with a check mark) as real PNGs with
 * node's zlib only, so no image tool is needed. Run after changing the glyph:
 *   node scripts/make-icons.js
 * The PNGs are committed; the manifest checker reads their sizes.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

/** Brand colour: a deep ledger green. */
const BRAND = [0x16, 0x6b, 0x4f];
const PAGE = [0xff, 0xff, 0xff];
const RULE = [0xb9, 0xd6, 0xca];
const CHECK = [0xf2, 0xa9, 0x00];

const SIZES = [16, 32, 64, 80];
const OUT_DIR = path.join(__dirname, '..', 'assets');
/** Samples per pixel side: edges get 16 levels of coverage. */
const SS = 4;

// ---- shapes in unit coordinates (0..1, y down) ------------------------------

function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = x < x0 + r ? x0 + r : x > x1 - r ? x1 - r : x;
  const cy = y < y0 + r ? y0 + r : y > y1 - r ? y1 - r : y;
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r * r;
}

function distToSegment(x, y, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  const dx = x - (ax + t * vx);
  const dy = y - (ay + t * vy);
  return Math.sqrt(dx * dx + dy * dy);
}

/** The colour at a point, or null for transparent; later layers win. */
function colourAt(x, y, size) {
  // Small icons keep fewer, thicker strokes so they stay legible.
  const small = size <= 16;
  let colour = null;
  if (inRoundRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.16)) colour = BRAND;
  if (inRoundRect(x, y, 0.2, 0.14, 0.8, 0.86, 0.05)) colour = PAGE;
  const rules = small ? [0.32, 0.48] : [0.3, 0.42, 0.54];
  const ruleHalf = small ? 0.045 : 0.025;
  for (const ry of rules) {
    if (x > 0.3 && x < 0.7 && Math.abs(y - ry) < ruleHalf) colour = RULE;
  }
  const stroke = small ? 0.075 : 0.06;
  const d = Math.min(
    distToSegment(x, y, 0.4, 0.66, 0.52, 0.78),
    distToSegment(x, y, 0.52, 0.78, 0.76, 0.5),
  );
  if (d < stroke + 0.035) colour = BRAND; // a halo keeps the mark apart from the page
  if (d < stroke) colour = CHECK;
  return colour;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = colourAt((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        // Colour is the average of the covered samples; alpha is the coverage.
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (SS * SS));
      }
    }
  }
  return rgba;
}

// ---- PNG encoding -------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, render(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, render, SIZES };

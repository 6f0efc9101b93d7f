// Draws Lectern's toolbar icon (an open book on a rounded tile) as PNGs with no image library:
// a tiny rasterizer with 4x4 supersampling, written with zlib. Run: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y, size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
// Shape in unit coordinates (0..1): returns [r,g,b] or null.
function shape(u, v) {
  const r = 0.2; // tile corner radius
  const cx = Math.min(Math.max(u, r), 1 - r), cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return null;
  const tile = [31, 95, 168];
  // Open book: two pages sloping down from the spine at u=0.5.
  const top = (x) => 0.3 + Math.abs(x - 0.5) * -0.12 + 0.06;
  if (u > 0.17 && u < 0.83 && v > top(u) && v < top(u) + 0.42) {
    if (Math.abs(u - 0.5) < 0.02) return tile;
    // text lines on the pages
    const line = (v - top(u) - 0.1) / 0.08;
    if (line > 0 && line < 4 && line % 1 < 0.35 && Math.abs(u - 0.5) > 0.07 && Math.abs(u - 0.5) < 0.27) return [150, 170, 200];
    return [253, 252, 250];
  }
  return tile;
}
mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const S = 4;
  const buf = png(size, (x, y) => {
    let rs = 0, gs = 0, bs = 0, n = 0;
    for (let i = 0; i < S; i++) for (let j = 0; j < S; j++) {
      const c = shape((x + (i + 0.5) / S) / size, (y + (j + 0.5) / S) / size);
      if (c) { rs += c[0]; gs += c[1]; bs += c[2]; n++; }
    }
    return n ? [Math.round(rs / n), Math.round(gs / n), Math.round(bs / n), Math.round((255 * n) / (S * S))] : [0, 0, 0, 0];
  });
  writeFileSync(`public/icons/icon-${size}.png`, buf);
}
console.log('icons written');

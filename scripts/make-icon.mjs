// Draws assets/icon.png (512×512): a rounded tile with three pipeline stages narrowing into a
// funnel. Pure Node (zlib) so anyone can regenerate it: `node scripts/make-icon.mjs`.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZE = 512;
const SS = 4; // supersampling per axis for smooth edges

function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// Three stages: wide → narrow, like leads moving down a pipeline.
const bars = [
  { y0: 128, y1: 188, half: 170 },
  { y0: 222, y1: 282, half: 122 },
  { y0: 316, y1: 376, half: 74 },
];
const arrow = { y0: 396, tip: 446, half: 38 };

function sample(x, y) {
  if (!inRoundedRect(x, y, 8, 8, SIZE - 8, SIZE - 8, 96)) return null;
  const t = (x + y) / (2 * SIZE);
  const bg = [Math.round(13 + 20 * t), Math.round(148 - 60 * t), Math.round(136 + 90 * t)];
  for (const b of bars) {
    if (inRoundedRect(x, y, 256 - b.half, b.y0, 256 + b.half, b.y1, 30)) return [255, 255, 255];
  }
  if (y >= arrow.y0 && y <= arrow.tip) {
    const w = arrow.half * (1 - (y - arrow.y0) / (arrow.tip - arrow.y0));
    if (Math.abs(x - 256) <= w) return [255, 214, 102];
  }
  return bg;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0;
  for (let px = 0; px < SIZE; px++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (c) {
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((255 * a) / (SS * SS));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", deflateSync(raw, { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
writeFileSync(new URL("../assets/icon.png", import.meta.url), png);
console.log(`assets/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);

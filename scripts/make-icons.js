// Draws the add-in's icons (assets/icon-{16,32,64,80,128}.png) with no image library: three bars of
// falling length, the A, B and C of a Pareto segmentation, on a rounded tile. Run once after a design
// change; the PNGs are committed.
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const TILE = [0x10, 0x7c, 0x41]; // Excel green
const BARS = [[0xff, 0xff, 0xff], [0xd4, 0xf0, 0xdf], [0xa6, 0xdc, 0xbb]];

// Coverage of a pixel by a shape, sampled 4x4, so small sizes stay crisp but not jagged.
function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const radius = size * 0.18;
  const inTile = (x, y) => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  const margin = size * 0.2;
  const barHeight = size * 0.16;
  const gap = (size - 2 * margin - 3 * barHeight) / 2;
  const lengths = [1, 0.66, 0.36];
  const barAt = (x, y) => {
    for (let i = 0; i < 3; i++) {
      const top = margin + i * (barHeight + gap);
      if (y >= top && y < top + barHeight && x >= margin && x < margin + lengths[i] * (size - 2 * margin)) return i;
    }
    return -1;
  };
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      const bar = [0, 0, 0];
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const x = px + (sx + 0.5) / 4;
          const y = py + (sy + 0.5) / 4;
          if (!inTile(x, y)) continue;
          tile++;
          const b = barAt(x, y);
          if (b >= 0) bar[b]++;
        }
      }
      const o = (py * size + px) * 4;
      const barTotal = bar[0] + bar[1] + bar[2];
      for (let c = 0; c < 3; c++) {
        const mixed = TILE[c] * (tile - barTotal) + BARS[0][c] * bar[0] + BARS[1][c] * bar[1] + BARS[2][c] * bar[2];
        rgba[o + c] = tile ? Math.round(mixed / tile) : 0;
      }
      rgba[o + 3] = Math.round((tile / 16) * 255);
    }
  }
  return rgba;
}

const outDir = path.resolve(__dirname, "../assets");
fs.mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(outDir, `icon-${size}.png`), encodePng(size, draw(size)));
}
console.log(`icons written to ${outDir}`);

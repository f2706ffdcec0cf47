#!/usr/bin/env node
/*
 * Writes assets/icon-{16,32,64,80,128}.png: a white vega profile (the bell-shaped curve of vega against strike) on an
 * Office-blue rounded square. Uses only Node's zlib so the icons can be regenerated anywhere: `node scripts/make-icons.js`.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];
/** Samples per pixel side: 4×4 supersampling gives smooth edges without a rasteriser library. */
const SUPERSAMPLE = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes an RGBA pixel buffer (width × height × 4 bytes) as a PNG file. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // compression, filter, interlace: all 0
  const rows = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y += 1) {
    rows[y * (1 + width * 4)] = 0; // filter "none" per row
    rgba.copy(rows, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Inside a square [0,1]² with corners rounded to `radius`. */
function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** Inside the filled vega hump: under a Gaussian-shaped curve, above the baseline, between the margins. */
function insideVegaHump(x, y) {
  const left = 0.16;
  const right = 0.84;
  const baseline = 0.8;
  const peak = 0.2;
  if (x < left || x > right || y > baseline) return false;
  const u = (x - 0.5) / 0.15;
  const curve = baseline - (baseline - peak) * Math.exp(-0.5 * u * u);
  return y >= curve;
}

function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let covered = 0;
      let white = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!insideRoundedSquare(x, y, 0.18)) continue;
          covered += 1;
          if (insideVegaHump(x, y)) white += 1;
        }
      }
      const offset = (py * size + px) * 4;
      const whiteShare = covered === 0 ? 0 : white / covered;
      for (let channel = 0; channel < 3; channel += 1) {
        rgba[offset + channel] = Math.round(BLUE[channel] * (1 - whiteShare) + WHITE[channel] * whiteShare);
      }
      rgba[offset + 3] = Math.round((255 * covered) / samples);
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  const assets = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(assets, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(assets, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

main();

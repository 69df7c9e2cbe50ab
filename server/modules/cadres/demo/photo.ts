// Placeholder photos for the demo cadres: a head-and-shoulders silhouette on a plain background,
// 60 × 80 pixels (the 3:4 of a 证件照), written as a minimal PNG with node:zlib. No face, no
// initials: nothing that could be taken for a real person. The colours come from the caller's
// seeded generator, so the same seed gives the same bytes (zlib's output is fixed for one input).
import { deflateSync } from 'node:zlib';

export const PHOTO_MIME = 'image/png';
const WIDTH = 60;
const HEIGHT = 80;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

export type Rgb = readonly [number, number, number];

/** True where the silhouette covers the pixel: a head (ellipse) over shoulders (a wide rounded base). */
function inSilhouette(x: number, y: number): boolean {
  const cx = WIDTH / 2;
  const head = ((x - cx) / 13) ** 2 + ((y - 30) / 16) ** 2 <= 1;
  const neck = Math.abs(x - cx) <= 6 && y >= 42 && y <= 52;
  const shoulders = y >= 52 && ((x - cx) / 29) ** 2 + ((y - 80) / 28) ** 2 <= 1;
  return head || neck || shoulders;
}

/** A PNG of the silhouette in `figure` on `background` (truecolour, 8 bits, no interlace). */
export function silhouettePng(background: Rgb, figure: Rgb): Buffer {
  const raw = Buffer.alloc(HEIGHT * (1 + WIDTH * 3));
  let o = 0;
  for (let y = 0; y < HEIGHT; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < WIDTH; x++) {
      const c = inSilhouette(x, y) ? figure : background;
      raw[o++] = c[0];
      raw[o++] = c[1];
      raw[o++] = c[2];
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// 证件照 backgrounds: blue, white-ish, red; the figure in a dark suit tone.
const BACKGROUNDS: readonly Rgb[] = [
  [67, 142, 219],
  [60, 130, 205],
  [238, 240, 243],
  [214, 48, 49],
];
const FIGURES: readonly Rgb[] = [
  [40, 44, 52],
  [52, 58, 70],
  [30, 34, 40],
];

/** One of a dozen fixed photos, chosen by `n`; they are built once and shared (each a few hundred bytes). */
const cache = new Map<number, Buffer>();
export function placeholderPhoto(n: number): Buffer {
  const key = Math.abs(Math.trunc(n)) % (BACKGROUNDS.length * FIGURES.length);
  let png = cache.get(key);
  if (!png) {
    png = silhouettePng(BACKGROUNDS[key % BACKGROUNDS.length], FIGURES[Math.floor(key / BACKGROUNDS.length)]);
    cache.set(key, png);
  }
  return png;
}

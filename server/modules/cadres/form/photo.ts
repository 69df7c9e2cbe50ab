// The sheet's photo as image bytes with their pixel size, read from the PNG or JPEG header. Both
// printers take it from here: a photo that is neither (or is cut short) is left out, and the photo
// cell stays blank, as with no photo at all.
import type { TCadreSheet } from '../../../../domain/schemas/cadre-sheet.js';

export interface Photo {
  data: Buffer;
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function jpegSize(b: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    // Start-of-frame markers carry the size; C4 (Huffman tables), C8 and CC (arithmetic coding) do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + b.readUInt16BE(i + 2);
  }
  return null;
}

export function sheetPhoto(s: TCadreSheet): Photo | null {
  if (!s.photo) return null;
  // .lrmx writers wrap base64 every 76 characters (PILLARS.md §1); whitespace is not data.
  const data = Buffer.from(s.photo.base64.replace(/\s+/g, ''), 'base64');
  if (data.length > 24 && data.subarray(0, 8).equals(PNG_SIGNATURE)) {
    const width = data.readUInt32BE(16);
    const height = data.readUInt32BE(20);
    return width && height ? { data, type: 'png', width, height } : null;
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    const size = jpegSize(data);
    return size && size.width && size.height ? { data, type: 'jpg', ...size } : null;
  }
  return null;
}

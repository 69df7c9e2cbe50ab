import { describe, expect, it } from 'vitest';
import { sheetPhoto } from './photo';
import { PNG_1X1, sampleSheet } from './test-sample';

/** The head of a baseline JPEG: SOI, an APP0 segment, then a SOF0 frame of the given size. */
function jpegHead(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    0x03,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof]);
}

const withPhoto = (mime: 'image/png' | 'image/jpeg', base64: string) => sampleSheet({ photo: { mime, base64 } });

describe('the photo of a sheet', () => {
  it('reads the size of a PNG and of a JPEG from their headers', () => {
    expect(sheetPhoto(withPhoto('image/png', PNG_1X1))).toMatchObject({ type: 'png', width: 1, height: 1 });
    expect(sheetPhoto(withPhoto('image/jpeg', jpegHead(358, 441).toString('base64')))).toMatchObject({
      type: 'jpg',
      width: 358,
      height: 441,
    });
  });

  it('takes base64 wrapped every 76 characters, as .lrmx writers write it', () => {
    const wrapped = jpegHead(295, 413)
      .toString('base64')
      .replace(/(.{10})/g, '$1\r\n');
    expect(sheetPhoto(withPhoto('image/jpeg', wrapped))).toMatchObject({ width: 295, height: 413 });
  });

  it('leaves out what is not a PNG or a JPEG, or is cut short', () => {
    expect(sheetPhoto(sampleSheet({ photo: null }))).toBeNull();
    expect(sheetPhoto(withPhoto('image/jpeg', Buffer.from('not an image at all').toString('base64')))).toBeNull();
    expect(sheetPhoto(withPhoto('image/jpeg', jpegHead(10, 10).subarray(0, 12).toString('base64')))).toBeNull();
  });
});

// A cadre's photo is a JPEG or PNG judged by its content (magic bytes), never by its name or the
// browser's claim (SECURITY.md 13), and bounded in size: the form prints it one inch wide.
import { invalid } from '../../errors.js';

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The image type of the bytes, or null when they are neither a JPEG nor a PNG. */
export function imageMime(buf: Buffer): 'image/jpeg' | 'image/png' | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG)) return 'image/png';
  return null;
}

/** The photo checked: a refusal naming the field unless it is a JPEG or PNG within the size bound. */
export function checkedPhoto(buf: Buffer, field = 'photo'): { photo: Buffer; photo_mime: 'image/jpeg' | 'image/png' } {
  if (!buf.length) throw invalid('照片文件是空的', field);
  if (buf.length > PHOTO_MAX_BYTES) throw invalid(`照片不能超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB`, field);
  const mime = imageMime(buf);
  if (!mime) throw invalid('照片只接受 JPG 或 PNG 图片', field);
  return { photo: buf, photo_mime: mime };
}

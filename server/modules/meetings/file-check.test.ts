import { describe, expect, it } from 'vitest';
import { detectFileType, downloadDisposition, safeFileName } from './file-check.js';

const png = { ext: 'png', mime: 'image/png' } as const;

describe('attachment names', () => {
  it.each([
    ['会议照片(1).PNG', '会议照片(1).png'],
    ['/tmp/../签到表.png', '签到表.png'],
    ['C:\\Users\\王\\照片.jpeg.png', '照片.jpeg.png'],
    ['  ..隐藏.png  ', '隐藏.png'],
    ['名单\u0000\u0007.png', '名单.png'],
    ['', '附件.png'],
    ['x'.repeat(200) + '.png', 'x'.repeat(90) + '.png'],
  ])('%j → %j', (raw, safe) => {
    expect(safeFileName(raw, png)).toBe(safe);
  });
  it('keeps .jpeg for a JPEG and refuses a JPEG named .png', () => {
    expect(safeFileName('合影.jpeg', { ext: 'jpg', mime: 'image/jpeg' })).toBe('合影.jpeg');
    expect(() => safeFileName('合影.png', { ext: 'jpg', mime: 'image/jpeg' })).toThrow('不符');
  });
});

describe('Content-Disposition (RFC 5987 / 6266)', () => {
  it('encodes every character outside attr-char, quotes and parentheses included', () => {
    expect(downloadDisposition("支部(一)'s 记录.pdf")).toBe(
      `attachment; filename="attachment.pdf"; filename*=UTF-8''%E6%94%AF%E9%83%A8%28%E4%B8%80%29%27s%20%E8%AE%B0%E5%BD%95.pdf`,
    );
  });
});

describe('type by content', () => {
  it('knows PDF, JPEG and PNG by their first bytes whatever the name says', () => {
    expect(detectFileType(Buffer.from('%PDF-1.4 ...')).ext).toBe('pdf');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])).ext).toBe('jpg');
    expect(() => detectFileType(Buffer.from('GIF89a...'))).toThrow('只接受');
  });
  it('refuses a truncated zip', () => {
    expect(() => detectFileType(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]))).toThrow('结构异常');
  });
});

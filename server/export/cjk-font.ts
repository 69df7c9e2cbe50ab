// The Chinese font every printed document uses: Noto Sans Hans from the npm package @embedpdf/fonts-sc.
// pdfkit embeds only the glyphs a document uses (a few tens of kB per PDF).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export type CjkWeight = 'regular' | 'bold';
const FILES: Record<CjkWeight, string> = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' };

// Each font is parsed once, with pdfkit's own fontkit, and shared by every document: pdfkit accepts a
// fontkit font in place of a Buffer, and re-parsing the 8 MB font per letter made a letter ~150 ms
// instead of ~40 ms (measured on the 2-core dev machine).
type FontObject = { layout: (...args: unknown[]) => unknown };
const cache = new Map<CjkWeight, FontObject>();

/** The parsed font, to hand to pdfkit's `registerFont` (typed as a Buffer, which pdfkit's types expect). */
export function cjkFont(weight: CjkWeight = 'regular'): Buffer {
  let f = cache.get(weight);
  if (!f) {
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create: (b: Buffer) => FontObject };
    // The package exports only its index; the font files sit beside its dist folder.
    f = fontkit.create(readFileSync(join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', FILES[weight])));
    cache.set(weight, f);
  }
  // @types/pdfkit does not list fontkit fonts among font sources, though pdfkit takes them.
  return f as unknown as Buffer;
}

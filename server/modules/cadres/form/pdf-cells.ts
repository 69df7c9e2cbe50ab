// Ruled cells for pdfkit: a box, its border, and text fitted into it. Text is fitted by stepping the
// size down (half a point at a time) until it fits its cell, as the standard form's producers do
// (PILLARS.md §2: 14 pt → 5 pt); what still does not fit at the smallest size is cut at the border.
// Every call passes a height to pdfkit, so text never spills onto a page pdfkit would add by itself.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface CellStyle {
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'center' | 'bottom';
  /** Largest and smallest font size tried, in points. */
  max?: number;
  min?: number;
  bold?: boolean;
  characterSpacing?: number;
  /** Inner padding in points (default 4). */
  pad?: number;
}

export const FONT = 'cjk';
export const FONT_BOLD = 'cjkBold';
export const PAD = 4;

// Noto Sans Hans comes with a line gap of half an em (lines 1.5 em apart); the form's dense cells read
// better, and a long 简历 fits, at 1.25 em.
export const lineGap = (size: number) => -0.25 * size;

/** The sizes to try, largest first, in half points. */
export function sizes(max: number, min: number): number[] {
  const out: number[] = [];
  for (let s = max; s >= min - 1e-9; s -= 0.5) out.push(s);
  return out;
}

/** The first size (largest first) for which `fits` holds, found by bisection (fitting is monotone in
 * the size); the smallest size when none does. */
export function largestFitting(candidates: number[], fits: (size: number) => boolean): { size: number; fits: boolean } {
  let lo = 0;
  let hi = candidates.length - 1;
  // Most cells hold a short text that fits at the largest size: one measure instead of a bisection.
  if (fits(candidates[0])) return { size: candidates[0], fits: true };
  if (!fits(candidates[hi])) return { size: candidates[hi], fits: false };
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fits(candidates[mid])) hi = mid;
    else lo = mid + 1;
  }
  return { size: candidates[lo], fits: true };
}

export function textHeight(doc: PDFKit.PDFDocument, text: string, size: number, width: number, spacing = 0): number {
  doc.fontSize(size);
  return doc.heightOfString(text, { width, lineGap: lineGap(size), characterSpacing: spacing });
}

/** The blank below the last line that a measured height includes (its share of the line spacing). */
function trailing(doc: PDFKit.PDFDocument, size: number): number {
  doc.fontSize(size);
  return doc.currentLineHeight(true) - doc.currentLineHeight(false) + lineGap(size);
}

export function stroke(doc: PDFKit.PDFDocument, b: Box, width = 0.7): void {
  doc.lineWidth(width).rect(b.x, b.y, b.w, b.h).stroke();
}

/** The largest size (from style.max down to style.min) at which the text fits a width and height, and
 * whether it fits at all. */
export function fitSize(
  doc: PDFKit.PDFDocument,
  text: string,
  w: number,
  h: number,
  style: CellStyle = {},
): { size: number; fits: boolean } {
  const { max = 12, min = 5, bold = false, characterSpacing = 0 } = style;
  doc.font(bold ? FONT_BOLD : FONT);
  return largestFitting(sizes(max, min), (s) => textHeight(doc, text, s, w, characterSpacing) <= h);
}

/** Whether the text fits the box at the style's smallest size. */
export function fitsBox(doc: PDFKit.PDFDocument, b: Box, text: string, style: CellStyle = {}): boolean {
  const pad = style.pad ?? PAD;
  return !text.trim() || fitSize(doc, text.trim(), b.w - 2 * pad, b.h - 2 * pad, style).fits;
}

/** A bordered cell with its text fitted inside. */
export function cell(doc: PDFKit.PDFDocument, b: Box, text: string, style: CellStyle = {}): void {
  stroke(doc, b);
  put(doc, b, text, style);
}

/** Text fitted into a box, without a border. */
export function put(doc: PDFKit.PDFDocument, b: Box, text: string, style: CellStyle = {}): void {
  const t = text.trim();
  if (!t) return;
  const { align = 'center', valign = 'center', characterSpacing = 0, pad = PAD } = style;
  const w = b.w - 2 * pad;
  const room = b.h - 2 * pad;
  const { size } = fitSize(doc, t, w, room, style);
  // Centred on the ink, not on the line box (which ends with blank spacing below the last line).
  const h = Math.min(textHeight(doc, t, size, w, characterSpacing) - trailing(doc, size), room);
  const y = valign === 'top' ? b.y + pad : valign === 'bottom' ? b.y + b.h - pad - h : b.y + (b.h - h) / 2;
  doc.save().rect(b.x, b.y, b.w, b.h).clip();
  // pdfkit stops a line whose box without our (negative) gap would cross `height`: allow for it; the clip
  // keeps what does not fit at the smallest size inside the cell.
  const height = b.y + b.h - y + size;
  doc.fontSize(size).text(t, b.x + pad, y, { width: w, height, align, lineGap: lineGap(size), characterSpacing });
  doc.restore();
}

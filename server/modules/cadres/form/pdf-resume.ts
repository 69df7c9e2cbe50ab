// The 简历 cell: one row per career step, the dates in a column of their own so that a step's wrapped
// text hangs under its first line, as the standard form prints it. The whole 简历 takes the largest
// size from 14 pt down to 5 pt at which it fits the cell (PILLARS.md §2); the steps that do not fit
// even at 5 pt are handed back for a continuation page rather than dropped.
import type { ResumeRow } from './form-fields.js';
import { FONT, largestFitting, lineGap, sizes, type Box } from './pdf-cells.js';

const PAD = 5;
const DATES = '0000.00--0000.00';

export interface ResumeLayout {
  size: number;
  dateW: number;
  heights: number[];
}

function layout(doc: PDFKit.PDFDocument, w: number, rows: ResumeRow[], size: number): ResumeLayout {
  doc.font(FONT).fontSize(size);
  const dateW = doc.widthOfString(DATES) + size;
  const line = doc.currentLineHeight(true) + lineGap(size);
  const heights = rows.map((r) => {
    const width = r.dates ? w - dateW : w;
    const h = r.text ? doc.heightOfString(r.text, { width, lineGap: lineGap(size) }) : 0;
    return Math.max(h, r.dates ? line : 0);
  });
  return { size, dateW, heights };
}

const total = (l: ResumeLayout) => l.heights.reduce((a, b) => a + b, 0);

/** The layout at the largest size that fits the rows into width × height (the smallest size when none does). */
export function fitResume(doc: PDFKit.PDFDocument, w: number, h: number, rows: ResumeRow[], max = 14, min = 5): ResumeLayout {
  const { size } = largestFitting(sizes(max, min), (s) => total(layout(doc, w, rows, s)) <= h);
  return layout(doc, w, rows, size);
}

/** Draws the rows that fit into the box (at the largest size that fits them all, else at 5 pt) and
 * returns those that did not. */
export function drawResume(doc: PDFKit.PDFDocument, box: Box, rows: ResumeRow[], max = 14, min = 5): ResumeRow[] {
  if (!rows.length) return [];
  const w = box.w - 2 * PAD;
  const room = box.h - 2 * PAD;
  const l = fitResume(doc, w, room, rows, max, min);
  const size = l.size;
  let y = box.y + PAD;
  const bottom = box.y + PAD + room;
  for (let i = 0; i < rows.length; i++) {
    // Past the bottom at the smallest size: the rest goes to a continuation page.
    if (y + l.heights[i] > bottom + 0.01 && i > 0) return rows.slice(i);
    const r = rows[i];
    const opts = { lineGap: lineGap(size), height: Math.max(l.heights[i], 1) + size };
    if (r.dates) {
      doc.text(r.dates, box.x + PAD, y, { ...opts, width: l.dateW, lineBreak: false });
      if (r.text) doc.text(r.text, box.x + PAD + l.dateW, y, { ...opts, width: w - l.dateW });
    } else {
      doc.text(r.text, box.x + PAD, y, { ...opts, width: w });
    }
    y += l.heights[i];
  }
  return [];
}

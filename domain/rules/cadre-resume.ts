// The 简历 of the 干部任免审批表 as lines of career steps (PILLARS.md §1, "JianLi"; RULES.md §7).
// Real files write one step per line, `YYYY.MM--YYYY.MM␠␠经历`, with any of eight separators, the
// current step ending in spaces or 至今, wrapped text on lines that do not start with a digit and
// （其间：…）/（其中：…） sub-items on lines of their own. A line that does not parse is never dropped:
// it is kept whole as a step without dates, so an officer sees it and nothing of the file is lost.
import type { TResumeLine } from '../schemas/cadre-sheet.js';

/** Where the text of a printed step starts: `YYYY.MM--YYYY.MM` and two spaces. */
const TEXT_COLUMN = 18;
const INDENT = ' '.repeat(TEXT_COLUMN);

const DATE = String.raw`(\d{4})\.(\d{1,2})(?:\.(\d{1,2}))?`;
// Longer separators first, so `——` is not read as `—` followed by text; `至今` alone closes a current step.
const SEPARATOR = String.raw`(?:--|——|—|-|～|－|~|至)`;
const STEP = new RegExp(String.raw`^${DATE}\s*(?:(至今)|${SEPARATOR}\s*(?:(至今)|${DATE})?)\s*(.*)$`);
const SUB_ITEM = /^[（(]\s*其[间中]\s*[:：]/;
const SUB_CLOSED = /[）)]$/;

function partialDate(y: string, m: string, d: string | undefined): string | null {
  const month = Number(m);
  if (month < 1 || month > 12) return null;
  const ym = `${y}-${String(month).padStart(2, '0')}`;
  if (d === undefined) return ym;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last ? `${ym}-${String(day).padStart(2, '0')}` : null;
}

/** One line read as a career step, or null when it is not one. */
function parseStep(line: string): TResumeLine | null {
  const m = STEP.exec(line);
  if (!m) return null;
  const [, fy, fm, fd, nowA, nowB, ty, tm, td, text] = m;
  const from = partialDate(fy!, fm!, fd);
  if (!from) return null;
  let to: string | null = null;
  if (!nowA && !nowB && ty !== undefined) {
    to = partialDate(ty, tm!, td);
    if (!to) return null;
  }
  return { from, to, text: (text ?? '').trim(), sub: [] };
}

/** Reads the 简历 text (CRLF or LF) into steps; blank lines carry nothing and are skipped. */
export function parseResume(text: string): TResumeLine[] {
  const lines: TResumeLine[] = [];
  // Whether the last thing read was a sub-item still waiting for its closing parenthesis.
  let openSub = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trimEnd();
    const body = line.trim();
    if (!body) continue;
    const step = parseStep(body);
    const last = lines.at(-1);
    if (step) {
      lines.push(step);
      openSub = false;
    } else if (!last || /^\d/.test(line)) {
      // Starts with a digit but is no step (or nothing precedes it): kept whole, never dropped.
      lines.push({ from: null, to: null, text: line, sub: [] });
      openSub = false;
    } else if (SUB_ITEM.test(body)) {
      last.sub.push(body);
      openSub = !SUB_CLOSED.test(body);
    } else if (openSub && last.sub.length > 0) {
      last.sub[last.sub.length - 1] += `\n${body}`;
      openSub = !SUB_CLOSED.test(body);
    } else {
      // A wrapped line continues the previous step; the line break of the source is kept.
      last.text = last.text ? `${last.text}\n${body}` : body;
    }
  }
  return lines;
}

function formatDate(d: string): string {
  return d.replaceAll('-', '.');
}

/** Writes steps in the standard line form: `YYYY.MM--YYYY.MM␠␠text`, continuations and sub-items indented. */
export function printResume(lines: TResumeLine[], eol = '\r\n'): string {
  const out: string[] = [];
  for (const l of lines) {
    const [first = '', ...rest] = l.text.split('\n');
    if (l.from) {
      const to = l.to ? formatDate(l.to) : ' '.repeat(7);
      out.push(`${formatDate(l.from)}--${to}  ${first}`.trimEnd());
    } else {
      out.push(first);
    }
    for (const part of rest) out.push(INDENT + part);
    for (const sub of l.sub) for (const part of sub.split('\n')) out.push(INDENT + part);
  }
  return out.join(eol);
}

// Formula injection (SECURITY.md 22): a cell that a spreadsheet would read as a formula gets a
// leading apostrophe-like guard, so `=HYPERLINK(...)` is shown as text, never run.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCell<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

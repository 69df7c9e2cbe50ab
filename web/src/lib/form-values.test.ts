// Submitting an incomplete form shows the field errors and nothing else: antd's validateFields
// rejects when a field is wrong, and a rejection awaited bare in an onOk handler escaped as an
// uncaught promise rejection (the new-applicant modal, submitted empty). Handlers read the values
// through validValues(), which answers null instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validValues } from './form-values';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : name.endsWith('.tsx') ? [p] : [];
  });
}

describe('reading a form’s values on submit', () => {
  it('answers null, without throwing, when a field is wrong, and the values when all are right', async () => {
    const failing = { validateFields: () => Promise.reject({ errorFields: [{ name: ['name'], errors: ['请填写姓名'] }] }) };
    await expect(validValues(failing)).resolves.toBeNull();
    await expect(validValues({ validateFields: () => Promise.resolve({ name: '王芳' }) })).resolves.toEqual({ name: '王芳' });
  });

  it('lets any other error through (a bug is not a validation message)', async () => {
    await expect(validValues({ validateFields: () => Promise.reject(new Error('boom')) })).rejects.toThrow('boom');
  });

  it('is how every page reads them: no bare await of validateFields()', () => {
    const bare = sources(join(import.meta.dirname, '..')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/await\s+\w+\.validateFields\(\)(?!\s*\.catch)/.test(line) ? [`${file}:${i + 1}`] : [])),
    );
    expect(bare).toEqual([]);
  });
});

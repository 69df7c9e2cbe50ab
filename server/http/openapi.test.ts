import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the OpenAPI document', () => {
  it('is generated from the zod schemas, with every API route in it', async () => {
    const res = await t.call(null, 'GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    expect(login.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    for (const r of t.app.deps.routes.filter((x) => x.url !== '/api/openapi.json' && x.url !== '/*')) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      // A prefix's '/' route is registered both with and without the trailing slash.
      const entry = doc.paths[path] ?? doc.paths[`${path}/`] ?? doc.paths[path.replace(/\/$/, '')];
      expect(entry?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
  });

  it('is browsable at /api/docs', async () => {
    const res = await t.call(null, 'GET', '/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

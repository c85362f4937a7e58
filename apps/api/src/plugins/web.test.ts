// The built web app is served at /, client-side routes fall back to index.html, and /api paths
// never do.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { createTestContext } from '../../test/test-context.ts';

const ctx = await createTestContext();
const dist = await mkdtemp(path.join(os.tmpdir(), 'concord-web-'));
await mkdir(path.join(dist, 'assets'));
await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Concord</title><div id="root"></div>');
await writeFile(path.join(dist, 'assets', 'app.js'), 'console.log("app")');
const app = await buildApp({ database: ctx.database, webDistDir: dist });

describe('web app serving', () => {
  it('serves index.html for client-side routes and assets as files', async () => {
    for (const url of ['/', '/projects', '/projects/123/members?tab=1']) {
      const page = await app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.body).toContain('<div id="root">');
    }
    const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.headers['content-type']).toContain('javascript');
  });

  it('answers a missing asset and unknown /api paths with 404 JSON, not the page', async () => {
    for (const url of ['/assets/missing.js', '/api/unknown', '/api', '/index.html']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().code).toBe('ROUTE_NOT_FOUND');
    }
  });
});

describe('security headers', () => {
  it('the web app is served with a Content-Security-Policy that forbids inline and foreign scripts', async () => {
    const page = await app.inject({ method: 'GET', url: '/projects' });
    const csp = page.headers['content-security-policy'] as string;
    const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src'));
    expect(scriptSrc?.trim()).toBe("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });
});

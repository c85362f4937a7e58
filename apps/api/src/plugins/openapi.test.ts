// The OpenAPI document covers every route, with its request schemas and every response status.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../test/test-context.ts';

const ctx = await createTestContext();

describe('OpenAPI at /api/docs', () => {
  it('serves the browsable page', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('documents every registered route with its error responses', async () => {
    const document = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    for (const route of ctx.app.apiRoutes) {
      const [method, url] = route.split(' ') as [string, string];
      const path = url.replace(/:(\w+)/g, '{$1}');
      const operation = document.paths[path]?.[method.toLowerCase()];
      expect(operation, route).toBeDefined();
      expect(Object.keys(operation.responses), route).toContain('400');
      expect(operation.summary, route).toBeTruthy();
    }
    const members = document.paths['/api/projects/{projectId}/members'].post;
    expect(Object.keys(members.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409']);
    expect(members.requestBody.content['application/json'].schema.properties.role).toBeDefined();
    expect(document.components.schemas.ErrorBody).toBeDefined();
  });
});

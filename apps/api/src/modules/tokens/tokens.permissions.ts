// Who may call the API token routes (walked by src/plugins/route-permissions.test.ts).
import { signedIn, type PermissionTable } from '../../../test/permissions.ts';

export const permissions: PermissionTable = {
  'GET /api/tokens': { expected: signedIn(200), request: () => ({ url: '/api/tokens' }) },
  'POST /api/tokens': { expected: signedIn(201), request: () => ({ url: '/api/tokens', payload: { name: 'script' } }) },
  'DELETE /api/tokens/:tokenId': {
    expected: signedIn(204),
    async request(ctx, _team, caller) {
      // Each caller revokes a token of their own; anonymous targets someone's real token.
      const owner = caller ?? (await ctx.createUser());
      const created = await ctx.request(owner, { method: 'POST', url: '/api/tokens', payload: { name: 't' } });
      return { url: `/api/tokens/${created.json().token.id}` };
    },
  },
};

// Who may call the sign-in and setup routes (walked by src/plugins/route-permissions.test.ts).
import { publicRoute, signedIn, type PermissionTable } from '../../../test/permissions.ts';

export const permissions: PermissionTable = {
  'POST /api/auth/login': {
    expected: publicRoute(401),
    request: (_ctx, team) => ({ url: '/api/auth/login', payload: { email: team.owner.email, password: 'not the password' } }),
  },
  'GET /api/auth/setup': { expected: publicRoute(200), request: () => ({ url: '/api/auth/setup' }) },
  'POST /api/auth/setup': {
    expected: publicRoute(409),
    request: () => ({ url: '/api/auth/setup', payload: { email: 'x@y.org', name: 'X', password: 'long enough password' } }),
  },
  'POST /api/auth/logout': { expected: signedIn(204), request: () => ({ url: '/api/auth/logout' }) },
  'GET /api/auth/me': { expected: signedIn(200), request: () => ({ url: '/api/auth/me' }) },
};

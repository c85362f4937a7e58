// Who may call the project routes (walked by src/plugins/route-permissions.test.ts).
import { anyMember, signedIn, type PermissionTable } from '../../../test/permissions.ts';

export const permissions: PermissionTable = {
  'GET /api/projects': { expected: signedIn(200), request: () => ({ url: '/api/projects' }) },
  'POST /api/projects': {
    expected: signedIn(201),
    request: () => ({ url: '/api/projects', payload: { name: `Study ${crypto.randomUUID()}` } }),
  },
  'GET /api/projects/:projectId': { expected: anyMember(200), request: (_c, team) => ({ url: `/api/projects/${team.projectId}` }) },
};

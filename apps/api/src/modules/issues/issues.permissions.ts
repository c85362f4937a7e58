// Who may call the issue routes (walked by src/plugins/route-permissions.test.ts).
import { anyMember, type PermissionTable } from '../../../test/permissions.ts';

export const permissions: PermissionTable = {
  'GET /api/projects/:projectId/issues': {
    expected: anyMember(200),
    request: (_c, team) => ({ url: `/api/projects/${team.projectId}/issues` }),
  },
  'GET /api/projects/:projectId/issues/facets': {
    expected: anyMember(200),
    request: (_c, team) => ({ url: `/api/projects/${team.projectId}/issues/facets` }),
  },
};

// Who may call the export routes (walked by src/plugins/route-permissions.test.ts). Every member
// may list formats and download the codings CSV (coders get their own); the lead-only formats
// are covered in exports.test.ts.
import { anyMember, type PermissionTable } from '../../../test/permissions.ts';

export const permissions: PermissionTable = {
  'GET /api/projects/:projectId/exports': {
    expected: anyMember(200),
    request: (_ctx, team) => ({ url: `/api/projects/${team.projectId}/exports` }),
  },
  'GET /api/projects/:projectId/exports/:format': {
    expected: anyMember(200),
    request: (_ctx, team) => ({ url: `/api/projects/${team.projectId}/exports/codings-csv` }),
  },
};

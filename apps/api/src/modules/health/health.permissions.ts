// Who may call the health routes (walked by src/plugins/route-permissions.test.ts).
import { publicRoute, type PermissionTable } from '../../../test/permissions.ts';

export const permissions: PermissionTable = {
  'GET /api/health': { expected: publicRoute(200), request: () => ({ url: '/api/health' }) },
};

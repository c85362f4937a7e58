// The codebook as a file: plain links, so the browser downloads them with the session cookie.
import type { CodebookFormat } from '@concord/contracts';
import { apiUrl } from '../../../lib/api-client.ts';
import { codebookPath } from './keys.ts';

export const codebookExportUrl = (projectId: string, stageId: string, format: CodebookFormat) =>
  apiUrl(`${codebookPath(projectId, stageId)}/export`, { format });

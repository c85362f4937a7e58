// Download addresses built from the API's format registry: the chosen stage fills `{stageId}` in
// the path or the query, and a stage query left empty (all stages) is dropped.
import { describe, expect, it } from 'vitest';
import type { ExportFormatInfo } from '@concord/contracts';
import { exportDownloadUrl } from './get-export-formats.ts';

const format = (path: string, query: Record<string, string>): ExportFormatInfo => ({
  name: 'f',
  label: 'F',
  description: '',
  extension: 'csv',
  mediaType: 'text/csv',
  stage: 'optional',
  ownCodingsOnly: false,
  path,
  query,
});

describe('exportDownloadUrl', () => {
  it('puts the chosen stage in the query of an export', () => {
    expect(exportDownloadUrl('p1', format('/exports/codings-csv', { stage: '{stageId}' }), 's1')).toBe(
      '/api/projects/p1/exports/codings-csv?stage=s1',
    );
  });

  it('leaves the stage out for all stages', () => {
    expect(exportDownloadUrl('p1', format('/exports/codings-csv', { stage: '{stageId}' }), null)).toBe(
      '/api/projects/p1/exports/codings-csv',
    );
  });

  it("fills a stage in the path of another module's route, keeping its fixed query", () => {
    expect(exportDownloadUrl('p1', format('/stages/{stageId}/analysis', { source: 'final', format: 'csv' }), 's 2')).toBe(
      '/api/projects/p1/stages/s%202/analysis?source=final&format=csv',
    );
  });
});

// What one export covers, settled before a byte is written: the project, the stage(s) with their
// codebooks, the round, and whose codings (a coder's own only). Also how a file says so: the
// `about` record every export carries and the file name.
import type { Writable } from 'node:stream';
import type pg from 'pg';
import type { Role } from '@concord/db';
import { CONCORD_VERSION } from '../../lib/concord-version.ts';
import type { AgreementService } from '../agreement/agreement.service.ts';
import type { AnalysisService } from '../analysis/analysis.service.ts';
import type { CodebooksService } from '../codebooks/codebooks.service.ts';

export interface ScopeCode {
  id: string;
  parentId: string | null;
  name: string;
  /** Names from the top-level theme down to this code. */
  path: string[];
  definition: string;
  includeCriteria: string;
  excludeCriteria: string;
  color: string | null;
  position: number;
  retired: boolean;
  /** Applied as is: a leaf, or any code in a stage whose parent codes are codable. */
  codable: boolean;
}

export interface ScopeStage {
  id: string;
  name: string;
  position: number;
  mode: 'single' | 'multi';
  parentCodesCodable: boolean;
  codebookVersion: number;
  /** Tree order: parents before children, siblings by position. */
  codes: ScopeCode[];
}

export interface ExportScope {
  format: string;
  project: { id: string; slug: string; name: string };
  /** The stages exported: the one asked for, or all of the project's in order. */
  stages: ScopeStage[];
  /** The stage filter, when one was given. */
  stage: ScopeStage | null;
  round: number | null;
  role: Role;
  /** Set for coders: only this user's codings go into the file. */
  ownCodingsOf: string | null;
  requestedBy: { id: string; name: string };
  exportedAt: Date;
}

/** The services whose files an export reuses. */
export interface WriterServices {
  agreement: AgreementService;
  analysis: AnalysisService;
  codebooks: CodebooksService;
}

/** A writer's view: the scope, a connection inside one read-only snapshot, and the services. */
export interface ExportContext extends ExportScope {
  db: pg.ClientBase;
  services: WriterServices;
}

export interface ExportProgress {
  /** What the writer is reading now, e.g. "codings". */
  phase: string;
  /** Rows (or records) written so far in this phase. */
  rows: number;
}

export type ExportProgressListener = (progress: ExportProgress) => void;

/** Writes one file into `output` (an HTTP response, a file, a job's file) without ending it. */
export type ExportWriter = (context: ExportContext, output: Writable, onProgress: ExportProgressListener) => Promise<void>;

/** What every export file states about itself (a comment line, the first JSONL record, a README). */
export function aboutExport(scope: ExportScope, contents: string) {
  return {
    format: scope.format,
    concordVersion: CONCORD_VERSION,
    project: scope.project,
    stage: scope.stage ? { id: scope.stage.id, name: scope.stage.name } : null,
    round: scope.round,
    contents,
    filters: [
      scope.stage ? `stage "${scope.stage.name}"` : 'all stages',
      scope.round === null ? 'all rounds' : `round ${scope.round}`,
      scope.ownCodingsOf ? `only the codings of ${scope.requestedBy.name} (coder)` : 'every coder',
    ],
    exportedAt: scope.exportedAt.toISOString(),
    exportedBy: scope.requestedBy,
  };
}
export type AboutExport = ReturnType<typeof aboutExport>;

/** The same, as one line of text. */
export function aboutLine(about: AboutExport): string {
  return (
    `Concord ${about.concordVersion} export "${about.format}" of project "${about.project.name}" (${about.project.slug}): ` +
    `${about.contents}; ${about.filters.join(', ')}; exported ${about.exportedAt} by ${about.exportedBy.name}`
  );
}

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'x';

export function exportFilename(scope: ExportScope, suffix: string, extension: string): string {
  const parts = [
    slugOf(scope.project.slug),
    scope.stage ? slugOf(scope.stage.name) : 'all-stages',
    ...(scope.round === null ? [] : [`round-${scope.round}`]),
    suffix,
    scope.exportedAt.toISOString().slice(0, 10),
  ];
  return `${parts.join('-')}.${extension}`;
}

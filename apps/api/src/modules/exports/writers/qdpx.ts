// REFI-QDA project (.qdpx, QDA-XML project 1.0): a zip with project.qde, each issue's text as
// sources/<issue id>.txt and a README.txt saying what the file holds. In project.qde: the coders
// (and an "adjudicated" user for final labels), one top-level code per stage with its codebook,
// the issues' GitHub metadata as variables, one PlainTextSelection over the whole text per coding
// (per final label) with a Coding per code, and coding memos and decision rationales as notes.
// The zip is streamed: the issues are read twice (text files, then project.qde), one batch at a time.
import { Readable, PassThrough, type Writable } from 'node:stream';
import yazl from 'yazl';
import { CONCORD_VERSION } from '../../../lib/concord-version.ts';
import { codeElements, escapeXml, QDA_PROJECT_NAMESPACE, xmlComment, type TreeCode } from '../../codebooks/codebook-exchange.ts';
import {
  aboutExport,
  aboutLine,
  type ExportContext,
  type ExportProgressListener,
  type ExportWriter,
  type ScopeCode,
} from '../export-scope.ts';
import { guidOf } from '../guid.ts';
import { OutputClosedError, writeChunk } from '../output.ts';
import { iso, rowsOf } from '../row-batches.ts';
import { codingConditions, issueConditions, SqlValues } from '../scope-sql.ts';

interface SourceComment {
  author: string | null;
  createdAt: string;
  body: string;
}

/** The text a coder read, as one plain-text source: title, body, then each comment under a rule. */
export function sourceText(title: string, body: string, comments: SourceComment[]): string {
  const parts = [`${title}\n\n${body}\n`];
  for (const comment of comments) parts.push(`\n--- ${comment.author ?? 'ghost'} commented on ${comment.createdAt} ---\n${comment.body}\n`);
  return parts.join('');
}

/** REFI-QDA positions count characters (Unicode code points), not UTF-16 units. */
const codePointLength = (text: string) => text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);

const attr = (value: string) => escapeXml(value, true);
const text = (value: string) => escapeXml(value, false);

function treeOf(codes: ScopeCode[]): TreeCode[] {
  const build = (parentId: string | null): TreeCode[] =>
    codes.filter((code) => code.parentId === parentId).map((code) => ({ ...code, shortcut: null, examples: [], children: build(code.id) }));
  return build(null);
}

const VARIABLES = [
  { name: 'repository', type: 'Text', element: 'TextValue' },
  { name: 'number', type: 'Integer', element: 'IntegerValue' },
  { name: 'state', type: 'Text', element: 'TextValue' },
  { name: 'url', type: 'Text', element: 'TextValue' },
  { name: 'created', type: 'DateTime', element: 'DateTimeValue' },
  { name: 'closed', type: 'DateTime', element: 'DateTimeValue' },
  { name: 'pull request', type: 'Boolean', element: 'BooleanValue' },
  { name: 'labels', type: 'Text', element: 'TextValue' },
] as const;

/** Issues in scope with their text; with `withCodings`, also their codings and final labels as JSON. */
function issuesQuery(context: ExportContext, withCodings: boolean) {
  const sql = new SqlValues();
  const issues = issueConditions(context, sql);
  const comments = `(SELECT json_agg(json_build_object('author', cm."authorLogin", 'createdAt', ${iso('cm."createdAt"')}, 'body', cm.body)
                     ORDER BY cm."createdAt", cm.id) FROM "Comment" cm WHERE cm."issueId" = i.id)`;
  const selections = withCodings
    ? `, (SELECT json_agg(json_build_object('id', c.id, 'stageId', c."stageId", 'userId', c."coderId", 'at', ${iso('COALESCE(c."submittedAt", c."createdAt")')},
                          'note', c.memo <> '', 'codeIds', (SELECT json_agg(cc."codeId" ORDER BY cc."codeId") FROM "CodingCode" cc WHERE cc."codingId" = c.id))
                          ORDER BY c."stageId", c."coderId")
          FROM "Coding" c JOIN "Round" r ON r.id = c."roundId" WHERE c."issueId" = i.id AND ${codingConditions(context, sql, { submittedOnly: true })})
       ${
         context.ownCodingsOf
           ? ''
           : `, (SELECT json_agg(json_build_object('id', f.id, 'stageId', f."stageId", 'at', ${iso('f."updatedAt"')},
                          'note', EXISTS (SELECT 1 FROM "FinalLabelRevision" rev WHERE rev."finalLabelId" = f.id AND rev.rationale <> ''),
                          'codeIds', (SELECT json_agg(fc."codeId" ORDER BY fc."codeId") FROM "FinalLabelCode" fc WHERE fc."finalLabelId" = f.id))
                          ORDER BY f."stageId")
                FROM "FinalLabel" f WHERE f."issueId" = i.id AND f."stageId" = ANY(${sql.add(
                  context.stages.map((stage) => stage.id),
                  '::uuid[]',
                )}))`
       }`
    : '';
  return {
    text: `SELECT i.id, i.title, i.body, ${comments}::text, repo.owner || '/' || repo.name, i.number::text, i.state, i.url,
                  ${iso('i."createdAt"')}, ${iso('i."closedAt"')}, i."isPullRequest"::text, array_to_string(i.labels, ', ') ${selections}
           FROM "Issue" i JOIN "Repository" repo ON repo.id = i."repositoryId"
           WHERE ${issues} ORDER BY repo.owner, repo.name, i.number, i.id`,
    values: sql.values,
  };
}

interface Selection {
  id: string;
  stageId: string;
  userId?: string;
  at: string;
  note: boolean;
  codeIds: string[] | null;
}

/** Memos of codings and rationales of final labels in scope, as notes. */
function notesQuery(context: ExportContext) {
  const sql = new SqlValues();
  const codings = `SELECT c.id, 'coding', c."coderId", ${iso('COALESCE(c."submittedAt", c."createdAt")')}, c.memo, u.name
                   FROM "Coding" c JOIN "Round" r ON r.id = c."roundId" JOIN "User" u ON u.id = c."coderId"
                   WHERE c.memo <> '' AND ${codingConditions(context, sql, { submittedOnly: true })}`;
  if (context.ownCodingsOf) return { text: `${codings} ORDER BY 1`, values: sql.values };
  const labels = `SELECT f.id, 'final label', NULL, ${iso('latest."createdAt"')}, latest.rationale, NULL
                  FROM "FinalLabel" f
                  JOIN LATERAL (SELECT rev.rationale, rev."createdAt" FROM "FinalLabelRevision" rev WHERE rev."finalLabelId" = f.id AND rev.rationale <> ''
                                ORDER BY rev.version DESC LIMIT 1) latest ON true
                  WHERE f."stageId" = ANY(${sql.add(
                    context.stages.map((stage) => stage.id),
                    '::uuid[]',
                  )})`;
  return { text: `${codings} UNION ALL ${labels} ORDER BY 1`, values: sql.values };
}

async function usersOf(context: ExportContext) {
  const sql = new SqlValues();
  const { rows } = await context.db.query<{ id: string; name: string }>(
    `SELECT DISTINCT u.id, u.name FROM "Coding" c JOIN "Round" r ON r.id = c."roundId" JOIN "User" u ON u.id = c."coderId"
     WHERE ${codingConditions(context, sql, { submittedOnly: true })} ORDER BY u.name, u.id`,
    sql.values,
  );
  return rows;
}

/** Resolves once `stream` has been read to its end; rejects if it is destroyed first. */
function consumed(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('end', resolve).once('error', reject);
    stream.once('close', () => reject(new OutputClosedError()));
  });
}

async function writeSources(context: ExportContext, zip: yazl.ZipFile, entries: Set<Readable>, onProgress: ExportProgressListener) {
  const query = issuesQuery(context, false);
  let rows = 0;
  for await (const [id, title, body, comments] of rowsOf(context.db, query.text, query.values)) {
    const content = Readable.from([Buffer.from(sourceText(title!, body!, JSON.parse(comments ?? '[]') as SourceComment[]))]);
    entries.add(content);
    zip.addReadStream(content, `sources/${id}.txt`);
    // The zip takes entries in order: waiting until this one is read keeps one issue in memory.
    await consumed(content);
    entries.delete(content);
    onProgress({ phase: 'source texts', rows: ++rows });
  }
}

async function writeProject(context: ExportContext, qde: Writable, about: string, onProgress: ExportProgressListener) {
  const adjudicated = context.ownCodingsOf ? null : guidOf(context.project.id, 'adjudicated');
  const users = await usersOf(context);
  const head = [
    '<?xml version="1.0" encoding="utf-8"?>',
    xmlComment(about),
    `<Project xmlns="${QDA_PROJECT_NAMESPACE}" name="${attr(context.project.name)}" origin="Concord ${attr(CONCORD_VERSION)}" creationDateTime="${context.exportedAt.toISOString()}">`,
  ];
  if (users.length > 0 || adjudicated) {
    head.push('  <Users>');
    for (const user of users) head.push(`    <User guid="${user.id}" name="${attr(user.name)}"/>`);
    if (adjudicated) head.push(`    <User guid="${adjudicated}" name="adjudicated (final labels)"/>`);
    head.push('  </Users>');
  }
  if (context.stages.length > 0) {
    head.push('  <CodeBook>', '    <Codes>');
    for (const stage of context.stages) {
      // One top-level code per stage, so the codebooks of several stages sit side by side.
      head.push(`      <Code guid="${stage.id}" name="${attr(`Stage: ${stage.name}`)}" isCodable="false">`);
      head.push(
        `        <Description>${text(`The codebook of the stage "${stage.name}" (version ${stage.codebookVersion}, ${stage.mode === 'multi' ? 'multi-label' : 'single choice'}).`)}</Description>`,
      );
      head.push(...codeElements(treeOf(stage.codes), { parentCodesCodable: stage.parentCodesCodable, depth: 4, includeRetired: true }));
      head.push('      </Code>');
    }
    head.push('    </Codes>', '  </CodeBook>');
  }
  head.push('  <Variables>');
  for (const variable of VARIABLES) {
    head.push(
      `    <Variable guid="${guidOf(context.project.id, 'variable', variable.name)}" name="${variable.name}" typeOfVariable="${variable.type}"/>`,
    );
  }
  head.push('  </Variables>');
  await writeChunk(qde, `${head.join('\n')}\n`);

  const userNames = new Map(users.map((user) => [user.id, user.name]));
  const stageNames = new Map(context.stages.map((stage) => [stage.id, stage.name]));
  const query = issuesQuery(context, true);
  let rows = 0;
  let chunk = '';
  for await (const row of rowsOf(context.db, query.text, query.values)) {
    const [id, title, body, comments, repository, number, state, url, created, closed, pullRequest, labels, codings, finalLabels] = row;
    const length = codePointLength(sourceText(title!, body!, JSON.parse(comments ?? '[]') as SourceComment[]));
    const lines = [
      ...(rows === 0 ? ['  <Sources>'] : []),
      `    <TextSource guid="${id}" name="${attr(`${repository}#${number}: ${title}`)}" plainTextPath="internal://${id}.txt" creationDateTime="${created}">`,
    ];
    const selection = (item: Selection, userGuid: string, who: string) => {
      const guid = guidOf(item.id, 'selection');
      lines.push(
        `      <PlainTextSelection guid="${guid}" name="${attr(`${who}, ${stageNames.get(item.stageId) ?? 'stage'}`)}" startPosition="0" endPosition="${length}" creatingUser="${userGuid}" creationDateTime="${item.at}">`,
      );
      if (!item.codeIds) lines.push('        <Description>Coded: no code applies.</Description>');
      for (const codeId of item.codeIds ?? []) {
        lines.push(
          `        <Coding guid="${guidOf(item.id, 'coding', codeId)}" creatingUser="${userGuid}" creationDateTime="${item.at}"><CodeRef targetGUID="${codeId}"/></Coding>`,
        );
      }
      if (item.note) lines.push(`        <NoteRef targetGUID="${guidOf(item.id, 'note')}"/>`);
      lines.push('      </PlainTextSelection>');
    };
    for (const coding of JSON.parse(codings ?? '[]') as Selection[])
      selection(coding, coding.userId!, userNames.get(coding.userId!) ?? 'coder');
    if (adjudicated) for (const label of JSON.parse(finalLabels ?? '[]') as Selection[]) selection(label, adjudicated, 'final label');
    const values: Record<(typeof VARIABLES)[number]['name'], string | null> = {
      repository: repository ?? null,
      number: number ?? null,
      state: state ?? null,
      url: url ?? null,
      created: created ?? null,
      closed: closed ?? null,
      'pull request': pullRequest ?? null,
      labels: labels || null,
    };
    for (const variable of VARIABLES) {
      const value = values[variable.name];
      if (value === null) continue;
      lines.push(
        `      <VariableValue><VariableRef targetGUID="${guidOf(context.project.id, 'variable', variable.name)}"/><${variable.element}>${text(value)}</${variable.element}></VariableValue>`,
      );
    }
    lines.push('    </TextSource>');
    chunk += `${lines.join('\n')}\n`;
    rows++;
    if (chunk.length > 64 * 1024) {
      await writeChunk(qde, chunk);
      chunk = '';
      onProgress({ phase: 'project.qde', rows });
    }
  }
  if (rows > 0) chunk += '  </Sources>\n';
  await writeChunk(qde, chunk);

  const notes = notesQuery(context);
  let noteCount = 0;
  chunk = '';
  for await (const [id, kind, userId, at, content, author] of rowsOf(context.db, notes.text, notes.values)) {
    if (noteCount === 0) chunk += '  <Notes>\n';
    const creator = userId ?? adjudicated!;
    const name = kind === 'coding' ? `Memo of ${author}` : 'Rationale of the final label';
    chunk += `    <Note guid="${guidOf(id!, 'note')}" name="${attr(name)}" creatingUser="${creator}" creationDateTime="${at}"><PlainTextContent>${text(content!)}</PlainTextContent></Note>\n`;
    noteCount++;
    if (chunk.length > 64 * 1024) {
      await writeChunk(qde, chunk);
      chunk = '';
    }
  }
  if (noteCount > 0) chunk += '  </Notes>\n';
  await writeChunk(qde, `${chunk}  <Description>${text(about)}</Description>\n</Project>\n`);
}

function readme(about: string): string {
  return [
    about,
    '',
    'A REFI-QDA project (QDA-XML project 1.0, urn:QDA-XML:project:1.0), for NVivo, ATLAS.ti, MAXQDA and other QDA tools.',
    '- project.qde: users (each coder, and "adjudicated (final labels)"), the codebook (one top-level code per stage),',
    '  variables (repository, number, state, url, created, closed, pull request, labels), one text source per issue,',
    "  and per coding (and final label) a selection over the issue's whole text with one coding per code; memos and",
    '  rationales are notes.',
    '- sources/<issue id>.txt: the issue as coders read it (title, body, comments), UTF-8.',
    '',
  ].join('\r\n');
}

export const writeQdpx: ExportWriter = async (context, output, onProgress) => {
  const about = aboutLine(
    aboutExport(
      context,
      context.ownCodingsOf
        ? 'issues as text sources with your submitted codings'
        : 'issues as text sources with submitted codings and final labels',
    ),
  );
  const zip = new yazl.ZipFile();
  // Entry streams the zip is reading; destroyed if the output goes away, so no wait hangs.
  const entries = new Set<Readable>();
  const copied = (async () => {
    for await (const chunk of zip.outputStream as Readable) await writeChunk(output, chunk as Buffer);
  })();
  copied.catch(() => {
    for (const entry of entries) entry.destroy();
  });
  const produced = (async () => {
    zip.addBuffer(Buffer.from(readme(about)), 'README.txt');
    await writeSources(context, zip, entries, onProgress);
    const qde = new PassThrough();
    entries.add(qde);
    zip.addReadStream(qde, 'project.qde');
    await writeProject(context, qde, about, onProgress);
    qde.end();
    zip.end();
  })();
  try {
    await Promise.all([produced, copied]);
  } catch (error) {
    (zip.outputStream as Readable).destroy();
    for (const entry of entries) entry.destroy();
    await Promise.allSettled([produced, copied]);
    throw error;
  }
};

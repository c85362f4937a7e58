// The REFI-QDA project export: project.qde validates against QDA-XML's Project.xsd (a copy of
// ../shared/refi-qda/Project.xsd in test/fixtures), every text source has its file in sources/,
// selections span each whole text, coders and the adjudicated user code what they coded, memos
// and rationales are notes, and GUIDs do not change between two exports.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { validateXML } from 'xmllint-wasm';
import { XMLParser } from 'fast-xml-parser';
import { createTestContext, type Team, type TestUser } from '../../../test/test-context.ts';
import { createExportData, type ExportData } from '../../../test/export-data.ts';
import { sourceText } from './writers/qdpx.ts';

const PROJECT_XSD = readFileSync(new URL('../../../test/fixtures/refi-qda/Project.xsd', import.meta.url), 'utf8');

const ctx = await createTestContext();
let team: Team;
let data: ExportData;

beforeAll(async () => {
  team = await ctx.createTeam();
  data = await createExportData(ctx.prisma, team, await ctx.createUser('second'));
});

/** Every entry of a zip, by name. */
function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function exportQdpx(user: TestUser, query = '') {
  const response = await ctx.request(user, { method: 'GET', url: `/api/projects/${team.projectId}/exports/qdpx${query}` });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/zip');
  return unzip(response.rawPayload);
}

// Attributes as strings, every element as an array (text content too).
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});
type Node = Record<string, Node[] | string>;
const textOf = (node: Node, element: string) => (node[element] as unknown as string[])[0];
const all = (node: Node, name: string): Node[] => {
  const found: Node[] = [];
  const visit = (current: Node) => {
    for (const [key, value] of Object.entries(current)) {
      if (!Array.isArray(value)) continue;
      for (const child of value) {
        if (typeof child !== 'object') continue;
        if (key === name) found.push(child);
        visit(child);
      }
    }
  };
  visit(node);
  return found;
};

describe('REFI-QDA project (.qdpx)', () => {
  it('validates against Project.xsd and holds sources, codings, users, variables and notes', async () => {
    const entries = await exportQdpx(team.lead);
    expect([...entries.keys()].sort()).toEqual(
      ['README.txt', 'project.qde', ...data.issues.map((id) => `sources/${id}.txt`).sort()].sort(),
    );
    const qde = entries.get('project.qde')!.toString('utf8');
    const validation = await validateXML({
      xml: [{ fileName: 'project.qde', contents: qde }],
      schema: [{ fileName: 'Project.xsd', contents: PROJECT_XSD }],
    });
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(entries.get('README.txt')!.toString()).toMatch(/^Concord .* export "qdpx" of project "Test project"/);

    const project = parser.parse(qde) as Node;
    const users = all(project, 'User').map((user) => user.name);
    expect(users).toEqual(['coder', 'second', 'adjudicated (final labels)']);
    const sources = all(project, 'TextSource');
    expect(sources).toHaveLength(6);
    const first = sources.find((source) => source.guid === data.issues[0])!;
    expect(first.plainTextPath).toBe(`internal://${data.issues[0]}.txt`);
    const text = entries.get(`sources/${data.issues[0]}.txt`)!.toString('utf8');
    expect(text.startsWith(`${data.issueTitle}\n\n${data.issueBody}\n`)).toBe(true);
    expect(text).toContain(data.commentBody);
    // Positions count characters: the emoji are one each, not two UTF-16 units.
    const selections = all(first, 'PlainTextSelection');
    expect(selections.every((selection) => selection.startPosition === '0' && selection.endPosition === String([...text].length))).toBe(
      true,
    );
    // Issue 1: coder and second in two stages, the open-only stage's coding, and two final labels.
    expect(selections).toHaveLength(2 + 2 + 1 + 2);
    const codeRefs = (user: string) =>
      selections
        .filter((selection) => selection.creatingUser === user)
        .flatMap((selection) => all(selection, 'CodeRef').map((ref) => ref.targetGUID));
    const { Relevant, A1, B1 } = { ...data.relevance.codeIds, ...data.challenges.codeIds };
    const adjudicated = all(project, 'User').find((user) => user.name === 'adjudicated (final labels)')!.guid as string;
    expect(codeRefs(adjudicated).sort()).toEqual([Relevant, A1, B1].sort());
    expect(codeRefs(team.coder.id).sort()).toEqual([Relevant, A1, B1, data.openOnly.codeIds.X].sort());
    const variables = Object.fromEntries(all(project, 'Variable').map((variable) => [variable.guid, variable.name]));
    const values = Object.fromEntries(
      all(first, 'VariableValue').map((value) => {
        const [element, content] = Object.entries(value).find(([key]) => key !== 'VariableRef')!;
        return [
          variables[all(value, 'VariableRef')[0]!.targetGUID as string],
          `${element}:${String((content as unknown as unknown[])[0])}`,
        ];
      }),
    );
    expect(values).toMatchObject({
      number: 'IntegerValue:1',
      state: 'TextValue:CLOSED',
      labels: 'TextValue:bug, tokenizer',
      'pull request': 'BooleanValue:false',
    });
    expect(values.closed).toMatch(/^DateTimeValue:\d{4}-.*Z$/);
    // Every code the codings point at is in the codebook, under its stage.
    const codeGuids = new Set(all(project, 'Code').map((code) => code.guid));
    expect(all(project, 'CodeRef').every((ref) => codeGuids.has(ref.targetGUID as string))).toBe(true);
    expect(all(project, 'Code').filter((code) => code.name === `Stage: ${data.challenges.name}`)).toHaveLength(1);
    // The memo and the rationale are notes, referenced from their selections.
    const notes = all(project, 'Note');
    expect(notes.map((note) => textOf(note, 'PlainTextContent')).sort()).toEqual([data.memo, data.rationale].sort());
    const noteGuids = new Set(notes.map((note) => note.guid));
    const noteRefs = all(project, 'NoteRef').map((ref) => ref.targetGUID);
    expect(noteRefs).toHaveLength(2);
    expect(noteRefs.every((guid) => noteGuids.has(guid as string))).toBe(true);
  });

  it('gives a coder their own codings only, with no adjudicated user, and still validates', async () => {
    const entries = await exportQdpx(team.coder, `?stage=${data.relevance.stageId}`);
    const qde = entries.get('project.qde')!.toString('utf8');
    const validation = await validateXML({
      xml: [{ fileName: 'project.qde', contents: qde }],
      schema: [{ fileName: 'Project.xsd', contents: PROJECT_XSD }],
    });
    expect(validation.errors).toEqual([]);
    const project = parser.parse(qde) as Node;
    expect(all(project, 'User').map((user) => user.guid)).toEqual([team.coder.id]);
    expect(new Set(all(project, 'PlainTextSelection').map((selection) => selection.creatingUser))).toEqual(new Set([team.coder.id]));
    expect(all(project, 'Note').map((note) => textOf(note, 'PlainTextContent'))).toEqual([data.memo]);
  });

  it('names every element with the same GUID in two exports', async () => {
    const guids = async () => {
      const qde = (await exportQdpx(team.lead)).get('project.qde')!.toString('utf8');
      return [...qde.matchAll(/(?:guid|targetGUID|creatingUser)="([^"]+)"/g)].map((match) => match[1]);
    };
    const [one, two] = [await guids(), await guids()];
    expect(one.length).toBeGreaterThan(30);
    expect(two).toEqual(one);
  });

  it('writes the text of an issue as a coder reads it', () => {
    expect(sourceText('T', 'B', [{ author: null, createdAt: '2024-01-02T03:04:05.000Z', body: 'C' }])).toBe(
      'T\n\nB\n\n--- ghost commented on 2024-01-02T03:04:05.000Z ---\nC\n',
    );
  });
});

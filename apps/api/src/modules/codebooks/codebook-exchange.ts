// Codebook files without I/O: the Concord JSON document and the REFI-QDA codebook (.qdc, the
// CodeBook part of QDA-XML 1.0) both ways, and the checks an imported tree must pass. Problems
// are collected, never thrown one at a time, so a refused import lists all of them.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CodebookDocument, ExchangeCode, ImportProblem, StageMode } from '@concord/contracts';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
export const QDA_PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const MAX_IMPORT_CODES = 5000;
export const MAX_IMPORT_DEPTH = 20;
const MAX_NAME = 200;
const MAX_TEXT = 20_000;
const COLOR = /^#[0-9A-Fa-f]{6}$/;
const SHORT_COLOR = /^#[0-9A-Fa-f]{3}$/;
const SHORTCUT = /^\S{1,16}$/;

/** A code with its sub-codes, as exported. */
export interface TreeCode {
  id: string;
  name: string;
  definition: string;
  includeCriteria: string;
  excludeCriteria: string;
  color: string | null;
  shortcut: string | null;
  retired: boolean;
  examples: { repository: string; number: number; note: string }[];
  children: TreeCode[];
}

export function toJsonDocument(
  stage: { name: string; mode: StageMode; parentCodesCodable: boolean },
  version: number,
  codes: TreeCode[],
): CodebookDocument {
  const toExchange = (code: TreeCode): ExchangeCode => ({
    id: code.id,
    name: code.name,
    definition: code.definition,
    includeCriteria: code.includeCriteria,
    excludeCriteria: code.excludeCriteria,
    color: code.color,
    shortcut: code.shortcut,
    ...(code.retired ? { retired: true } : {}),
    examples: code.examples,
    children: code.children.map(toExchange),
  });
  return {
    format: 'concord-codebook',
    formatVersion: 1,
    stage,
    version,
    exportedAt: new Date().toISOString(),
    codes: codes.map(toExchange),
  };
}

// ---------------------------------------------------------------------------------------------
// REFI-QDA .qdc

const INCLUDE_HEADING = 'Include:';
const EXCLUDE_HEADING = 'Exclude:';

/**
 * QDA tools have one Description per code; definition and criteria go into it as paragraphs
 * headed "Include:" and "Exclude:", which `splitDescription` reads back.
 */
export function joinDescription(code: { definition: string; includeCriteria: string; excludeCriteria: string }): string {
  const parts = [code.definition.trim()];
  if (code.includeCriteria.trim()) parts.push(`${INCLUDE_HEADING} ${code.includeCriteria.trim()}`);
  if (code.excludeCriteria.trim()) parts.push(`${EXCLUDE_HEADING} ${code.excludeCriteria.trim()}`);
  return parts.filter(Boolean).join('\n\n');
}

export function splitDescription(description: string): { definition: string; includeCriteria: string; excludeCriteria: string } {
  const text = description.replace(/\r\n?/g, '\n').trim();
  const paragraphs = text.split(/\n{2,}(?=(?:Include|Exclude):)/);
  let definition = '';
  let includeCriteria = '';
  let excludeCriteria = '';
  for (const [index, paragraph] of paragraphs.entries()) {
    if (index > 0 && paragraph.startsWith(INCLUDE_HEADING)) includeCriteria = paragraph.slice(INCLUDE_HEADING.length).trim();
    else if (index > 0 && paragraph.startsWith(EXCLUDE_HEADING)) excludeCriteria = paragraph.slice(EXCLUDE_HEADING.length).trim();
    else if (index === 0 && paragraph.startsWith(INCLUDE_HEADING)) includeCriteria = paragraph.slice(INCLUDE_HEADING.length).trim();
    else if (index === 0 && paragraph.startsWith(EXCLUDE_HEADING)) excludeCriteria = paragraph.slice(EXCLUDE_HEADING.length).trim();
    else definition = definition ? `${definition}\n\n${paragraph}` : paragraph;
  }
  return { definition: definition.trim(), includeCriteria, excludeCriteria };
}

// XML 1.0 cannot carry most control characters, not even escaped.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(value: string, attribute: boolean): string {
  const escaped = value.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? escaped.replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;') : escaped;
}

/**
 * The <Code> elements of a tree, as lines indented `depth` levels: the body of a REFI-QDA
 * <Codes> element, in a .qdc codebook or a .qdpx project. A code is codable unless it has
 * sub-codes in a stage where only leaves are applied; the code's id is its guid. Retired codes are
 * left out unless `includeRetired` (a project file keeps them for the codings that used them).
 */
export function codeElements(
  codes: TreeCode[],
  { parentCodesCodable, depth, includeRetired = false }: { parentCodesCodable: boolean; depth: number; includeRetired?: boolean },
): string[] {
  const lines: string[] = [];
  const kept = (list: TreeCode[]) => (includeRetired ? list : list.filter((code) => !code.retired));
  const write = (code: TreeCode, level: number) => {
    const indent = '  '.repeat(level);
    const children = kept(code.children);
    const attributes = [
      `guid="${code.id}"`,
      `name="${escapeXml(code.name, true)}"`,
      `isCodable="${parentCodesCodable || children.length === 0}"`,
      ...(code.color && COLOR.test(code.color) ? [`color="${code.color.toUpperCase()}"`] : []),
    ].join(' ');
    const description = joinDescription(code);
    if (!description && children.length === 0) {
      lines.push(`${indent}<Code ${attributes}/>`);
      return;
    }
    lines.push(`${indent}<Code ${attributes}>`);
    if (description) lines.push(`${indent}  <Description>${escapeXml(description, false)}</Description>`);
    for (const child of children) write(child, level + 1);
    lines.push(`${indent}</Code>`);
  };
  for (const code of kept(codes)) write(code, depth);
  return lines;
}

/** The active codes as a REFI-QDA codebook; `comment` (e.g. what exported it) goes after the declaration. */
export function toQdc(codes: TreeCode[], parentCodesCodable: boolean, comment?: string): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    ...(comment ? [xmlComment(comment)] : []),
    `<CodeBook xmlns="${QDC_NAMESPACE}" origin="Concord">`,
    '  <Codes>',
    ...codeElements(codes, { parentCodesCodable, depth: 2 }),
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n');
}

/** An XML comment; "--" cannot appear inside one. */
export const xmlComment = (text: string): string => `<!-- ${text.replace(XML_INVALID, '').replace(/-{2,}/g, '-').replace(/-$/, '- ')} -->`;

type XmlNode = Record<string, unknown>;

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return textOf((value as XmlNode)['#text']);
  return '';
}

/** Reads a .qdc (or the CodeBook of a QDA-XML project file) into exchange codes. */
export function parseQdc(xml: string): { codes: ExchangeCode[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  // Entity declarations are how XML bombs work, and a codebook never needs one.
  if (/<!DOCTYPE/i.test(xml)) return { codes: [], problems: [{ path: 'file', message: 'DOCTYPE declarations are not accepted.' }] };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { codes: [], problems: [{ path: `line ${valid.err.line}`, message: `Not well-formed XML: ${valid.err.msg}` }] };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => name === 'Code' || name.endsWith(':Code'),
  });
  let document: XmlNode;
  try {
    document = parser.parse(xml) as XmlNode;
  } catch (error) {
    return { codes: [], problems: [{ path: 'file', message: `Not readable as XML: ${(error as Error).message}` }] };
  }

  const rootName = Object.keys(document).find((key) => !key.startsWith('?') && !key.startsWith('#'));
  const localName = rootName?.split(':').pop();
  if (!rootName || (localName !== 'CodeBook' && localName !== 'Project')) {
    return { codes: [], problems: [{ path: rootName ?? 'file', message: 'The root element must be <CodeBook> (a .qdc file).' }] };
  }
  const prefix = rootName.includes(':') ? `${rootName.split(':')[0]}:` : '';
  const root = (document[rootName] ?? {}) as XmlNode;
  const namespace = textOf(root[prefix ? `@_xmlns:${prefix.slice(0, -1)}` : '@_xmlns']);
  const expected = localName === 'CodeBook' ? QDC_NAMESPACE : QDA_PROJECT_NAMESPACE;
  if (namespace !== expected) {
    problems.push({ path: rootName, message: `The namespace must be ${expected}, not ${namespace ? `"${namespace}"` : 'missing'}.` });
  }
  const codeBook = (localName === 'Project' ? root[`${prefix}CodeBook`] : root) as XmlNode | undefined;
  const codesElement = codeBook && typeof codeBook === 'object' ? (codeBook[`${prefix}Codes`] as XmlNode | string | undefined) : undefined;
  if (codesElement === undefined) {
    problems.push({ path: `${rootName}`, message: 'There is no <Codes> element.' });
    return { codes: [], problems };
  }

  const readCodes = (parent: XmlNode | string, path: string, depth: number): ExchangeCode[] => {
    if (typeof parent !== 'object' || parent === null) return [];
    const elements = (parent[`${prefix}Code`] as XmlNode[] | undefined) ?? [];
    return elements.map((element, index) => {
      const here = `${path}/Code[${index + 1}]`;
      const node = (typeof element === 'object' && element !== null ? element : {}) as XmlNode;
      // A missing name is reported by checkExchangeTree, with the other rules.
      const name = textOf(node['@_name']).trim();
      const codable = node['@_isCodable'];
      if (codable !== undefined && codable !== 'true' && codable !== 'false' && codable !== '1' && codable !== '0') {
        problems.push({ path: here, message: `isCodable must be true or false, not "${textOf(codable)}".` });
      }
      const rawColor = node['@_color'] === undefined ? null : textOf(node['@_color']).trim();
      let color: string | null = null;
      if (rawColor !== null) {
        if (COLOR.test(rawColor)) color = rawColor.toUpperCase();
        else if (SHORT_COLOR.test(rawColor))
          color = `#${[...rawColor.slice(1)]
            .map((c) => c + c)
            .join('')
            .toUpperCase()}`;
        else problems.push({ path: here, message: `The colour "${rawColor}" is not #RRGGBB.` });
      }
      const description = splitDescription(textOf(node[`${prefix}Description`]));
      const nested = node[`${prefix}Code`] !== undefined;
      if (nested && depth >= MAX_IMPORT_DEPTH) problems.push({ path: here, message: `Codes nest at most ${MAX_IMPORT_DEPTH} deep.` });
      return { name, ...description, color, children: nested && depth < MAX_IMPORT_DEPTH ? readCodes(node, here, depth + 1) : [] };
    });
  };
  const codes = readCodes(codesElement, `${rootName}/Codes`, 1);
  if (codes.length === 0) problems.push({ path: `${rootName}/Codes`, message: 'The codebook has no codes.' });
  return { codes, problems };
}

// ---------------------------------------------------------------------------------------------
// Concord JSON

/** Reads a Concord JSON codebook (or a bare array of codes) into exchange codes, checking types. */
export function parseJsonCodebook(text: string): { codes: ExchangeCode[]; problems: ImportProblem[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { codes: [], problems: [{ path: 'file', message: `Not valid JSON: ${(error as Error).message}` }] };
  }
  const problems: ImportProblem[] = [];
  let list: unknown;
  if (Array.isArray(value)) list = value;
  else if (value && typeof value === 'object') {
    const document = value as Record<string, unknown>;
    if (document.format !== undefined && document.format !== 'concord-codebook') {
      problems.push({ path: 'format', message: `Expected "concord-codebook", not ${JSON.stringify(document.format)}.` });
    }
    list = document.codes;
  }
  if (!Array.isArray(list)) return { codes: [], problems: [...problems, { path: 'codes', message: 'There is no "codes" array.' }] };

  const readString = (node: Record<string, unknown>, key: string, path: string): string | undefined => {
    const field = node[key];
    if (field === undefined || field === null) return undefined;
    if (typeof field !== 'string') {
      problems.push({ path: `${path}.${key}`, message: 'Must be a string.' });
      return undefined;
    }
    return field;
  };

  const readCodes = (items: unknown[], path: string, depth: number): ExchangeCode[] =>
    items.map((item, index) => {
      const here = `${path}[${index}]`;
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        problems.push({ path: here, message: 'A code must be an object.' });
        return { name: '' };
      }
      const node = item as Record<string, unknown>;
      const code: ExchangeCode = { name: readString(node, 'name', here) ?? '' };
      for (const key of ['definition', 'includeCriteria', 'excludeCriteria'] as const) {
        const field = readString(node, key, here);
        if (field !== undefined) code[key] = field;
      }
      const color = readString(node, 'color', here);
      if (color !== undefined) code.color = color;
      const shortcut = readString(node, 'shortcut', here);
      if (shortcut !== undefined) code.shortcut = shortcut;
      if (node.retired !== undefined) {
        if (typeof node.retired !== 'boolean') problems.push({ path: `${here}.retired`, message: 'Must be true or false.' });
        else code.retired = node.retired;
      }
      if (node.examples !== undefined) {
        if (!Array.isArray(node.examples)) problems.push({ path: `${here}.examples`, message: 'Must be an array.' });
        else {
          code.examples = [];
          for (const [e, example] of node.examples.entries()) {
            const at = `${here}.examples[${e}]`;
            const entry = (example ?? {}) as Record<string, unknown>;
            if (typeof entry.repository !== 'string' || !Number.isInteger(entry.number) || (entry.number as number) < 1) {
              problems.push({ path: at, message: 'An example needs a repository ("owner/name") and an issue number.' });
              continue;
            }
            code.examples.push({
              repository: entry.repository,
              number: entry.number as number,
              note: typeof entry.note === 'string' ? entry.note : '',
            });
          }
        }
      }
      if (node.children !== undefined) {
        if (!Array.isArray(node.children)) problems.push({ path: `${here}.children`, message: 'Must be an array.' });
        else if (depth >= MAX_IMPORT_DEPTH)
          problems.push({ path: `${here}.children`, message: `Codes nest at most ${MAX_IMPORT_DEPTH} deep.` });
        else code.children = readCodes(node.children, `${here}.children`, depth + 1);
      }
      return code;
    });

  const codes = readCodes(list, 'codes', 1);
  if (codes.length === 0) problems.push({ path: 'codes', message: 'The codebook has no codes.' });
  return { codes, problems };
}

// ---------------------------------------------------------------------------------------------
// Checks shared by every import

export const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');

/**
 * The rules an imported tree must follow, whatever its format: names, lengths, colours,
 * shortcuts unique among the active codes, sibling names unique, size and depth limits.
 * `takenShortcuts` and `siblingNames` are those of the codes already in the target codebook.
 */
export function checkExchangeTree(
  codes: ExchangeCode[],
  {
    takenShortcuts,
    siblingNames,
    pathOf,
  }: { takenShortcuts: Map<string, string>; siblingNames: string[]; pathOf: (path: number[]) => string },
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const shortcuts = new Map(takenShortcuts);
  let count = 0;
  const visit = (list: ExchangeCode[], indices: number[], existingNames: string[], depth: number) => {
    const names: string[] = [...existingNames];
    for (const [index, code] of list.entries()) {
      const path = [...indices, index];
      const at = pathOf(path);
      count++;
      const name = code.name.trim();
      if (!name) problems.push({ path: at, message: 'A code needs a name.' });
      else if (name.length > MAX_NAME) problems.push({ path: at, message: `The name "${name.slice(0, 40)}…" is longer than ${MAX_NAME}.` });
      for (const key of ['definition', 'includeCriteria', 'excludeCriteria'] as const) {
        if ((code[key]?.length ?? 0) > MAX_TEXT) problems.push({ path: at, message: `${key} is longer than ${MAX_TEXT} characters.` });
      }
      if (code.color !== undefined && code.color !== null && !COLOR.test(code.color)) {
        problems.push({ path: at, message: `The colour "${code.color}" of "${name}" is not #RRGGBB.` });
      }
      if (!code.retired && name) {
        if (names.some((other) => sameName(other, name)))
          problems.push({ path: at, message: `"${name}" appears twice among the same siblings.` });
        names.push(name);
      }
      if (code.shortcut !== undefined && code.shortcut !== null && !code.retired) {
        if (!SHORTCUT.test(code.shortcut))
          problems.push({ path: at, message: `The shortcut "${code.shortcut}" of "${name}" is not valid.` });
        const holder = shortcuts.get(code.shortcut);
        if (holder !== undefined)
          problems.push({ path: at, message: `The shortcut "${code.shortcut}" of "${name}" is already used by "${holder}".` });
        else shortcuts.set(code.shortcut, name);
      }
      if (depth > MAX_IMPORT_DEPTH) problems.push({ path: at, message: `Codes nest at most ${MAX_IMPORT_DEPTH} deep.` });
      else visit(code.children ?? [], path, [], depth + 1);
    }
  };
  visit(codes, [], siblingNames, 1);
  if (count > MAX_IMPORT_CODES)
    problems.push({ path: 'file', message: `At most ${MAX_IMPORT_CODES} codes per import; this file has ${count}.` });
  return problems;
}

export const countCodes = (codes: ExchangeCode[]): number => codes.reduce((sum, code) => sum + 1 + countCodes(code.children ?? []), 0);

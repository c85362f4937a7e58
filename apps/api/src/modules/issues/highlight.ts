// ts_headline marks matches with two control characters that issue text cannot carry (they are
// stripped from it first); this splits its output into plain-text segments, so the browser
// renders matches as <mark> elements and never parses issue text as HTML.
import type { TextSegment } from '@concord/contracts';

export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** SQL: the text with our markers removed, so only ts_headline can put them there. */
export function withoutMarkers(sql: string): string {
  return `translate(${sql}, chr(2) || chr(3), '')`;
}

export function headlineOptions(extra = ''): string {
  return `'StartSel=' || chr(2) || ', StopSel=' || chr(3) || '${extra ? `, ${extra}` : ''}'`;
}

export function toSegments(marked: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let match = false;
  for (const part of marked.split(/([\u0002\u0003])/)) {
    if (part === MATCH_START) match = true;
    else if (part === MATCH_END) match = false;
    else if (part) {
      const last = segments[segments.length - 1];
      if (last && last.match === match) last.text += part;
      else segments.push({ text: part, match });
    }
  }
  return segments;
}

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
  let text = '';
  const flush = () => {
    if (text) segments.push({ text, match });
    text = '';
  };
  for (const char of marked) {
    if (char === MATCH_START || char === MATCH_END) {
      flush();
      match = char === MATCH_START;
    } else text += char;
  }
  flush();
  // ts_headline marks each matching word; neighbours of the same kind read better as one.
  return segments.reduce<TextSegment[]>((merged, segment) => {
    const last = merged[merged.length - 1];
    if (last && last.match === segment.match) last.text += segment.text;
    else merged.push({ ...segment });
    return merged;
  }, []);
}

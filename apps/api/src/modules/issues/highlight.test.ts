// Highlight markers become plain-text segments; issue text that looks like HTML stays text.
import { describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START, toSegments } from './highlight.ts';

describe('toSegments', () => {
  it('splits at the markers and keeps everything else as text', () => {
    expect(toSegments(`a <b>${MATCH_START}crash${MATCH_END} in ${MATCH_START}x${MATCH_END}`)).toEqual([
      { text: 'a <b>', match: false },
      { text: 'crash', match: true },
      { text: ' in ', match: false },
      { text: 'x', match: true },
    ]);
  });

  it('gives one plain segment without markers, none for empty text', () => {
    expect(toSegments('plain')).toEqual([{ text: 'plain', match: false }]);
    expect(toSegments('')).toEqual([]);
  });
});

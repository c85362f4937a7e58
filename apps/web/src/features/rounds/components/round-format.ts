// How a round's design reads everywhere: its overlap in words ("every issue to all 2 coders",
// "2 coders per issue", "20% double-coded") and the colour of each status.
import type { Overlap, Round } from '@concord/contracts';

export type RoundStatus = Round['status'];

export const STATUS_COLOR: Record<RoundStatus, string> = { draft: 'gray', open: 'blue', closed: 'teal' };

/** A share (0..1) as a whole percentage, or with one decimal when it is not whole: "20%", "12.5%". */
export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

/** The overlap of a round with this many coders, in words. */
export function describeOverlap(overlap: Overlap, coders: number): string {
  switch (overlap.mode) {
    case 'all':
      return coders === 1 ? 'every issue to the one coder' : `every issue to all ${coders} coders`;
    case 'k':
      return overlap.k === 1 ? '1 coder per issue' : `${overlap.k} coders per issue`;
    case 'share':
      return `${formatShare(overlap.share)} double-coded`;
  }
}

// Search matches as <mark> elements around plain text: the segments come from the API already
// split, so issue text is never parsed as HTML.
import type { TextSegment } from '@concord/contracts';

export function HighlightedText({ segments }: { segments: TextSegment[] }) {
  return <>{segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}</>;
}

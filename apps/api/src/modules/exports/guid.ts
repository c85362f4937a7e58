// Deterministic GUIDs for REFI-QDA files: a name-based UUID (RFC 9562 version 5, SHA-1) of a
// Concord id and what the element stands for, so two exports of the same data name the same
// selections, codings and notes, and QDA tools can match them.
import { createHash } from 'node:crypto';

// Concord's namespace: random bytes chosen once. Changing them would rename every exported element.
const CONCORD_NAMESPACE = Buffer.from('3b1c8d7e5a0f5c42a4c1d0e6f9b2a817', 'hex');

export function guidOf(...parts: string[]): string {
  const hash = createHash('sha1').update(CONCORD_NAMESPACE).update(parts.join(':')).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

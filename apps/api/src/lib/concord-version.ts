// The version of Concord as the root package.json states it, for files and reports that must say
// which release produced them.
import { readFileSync } from 'node:fs';

export const CONCORD_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

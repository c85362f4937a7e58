// Concord's version, the root package.json's, read once: exports and the OpenAPI document state
// which release produced them.
import { readFileSync } from 'node:fs';

const rootPackage = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string };

export const CONCORD_VERSION: string = rootPackage.version;

// Sealed secrets: round trip, no plaintext at rest, tamper and wrong-key detection, key file.
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, loadSecretKey } from './secret-box.ts';

describe('secret box', () => {
  const box = createSecretBox(randomBytes(32));

  it('opens what it sealed and stores no plaintext', () => {
    const sealed = box.seal('ghp_secret_token');
    expect(sealed).not.toContain('ghp_secret_token');
    expect(box.seal('ghp_secret_token')).not.toEqual(sealed);
    expect(box.open(sealed)).toBe('ghp_secret_token');
  });

  it('refuses altered values and other keys', () => {
    const sealed = box.seal('token');
    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    expect(() => box.open(altered)).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it('creates a private key file once, or takes CONCORD_SECRET_KEY', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'concord-key-'));
    const key = loadSecretKey({ secretKey: undefined, dataDir });
    expect(loadSecretKey({ secretKey: undefined, dataDir })).toEqual(key);
    expect(statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ secretKey: key.toString('hex'), dataDir: '/nonexistent' })).toEqual(key);
    expect(() => loadSecretKey({ secretKey: 'short', dataDir })).toThrow(/32 bytes/);
  });
});

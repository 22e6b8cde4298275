import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { SecretStore } from '../core/api/handlers';
import { writeFileAtomic } from '../core/export/write-atomic';
import { WellspringError } from '../core/util/errors';

/**
 * Team workspace passwords in the OS keychain's care (issue 13): Electron `safeStorage` encrypts each with a key
 * the operating system keeps (Keychain on macOS, DPAPI on Windows, the Secret Service / kwallet on Linux), and
 * only the ciphertext is written, as base64, to `file` (`<userData>/team-secrets.json`, keyed by the address
 * without its password). Where no keychain is available, nothing is kept: `save` throws and the password is
 * asked for again at the next start.
 */
export function safeStorageSecrets(file: string): SecretStore {
  const read = (): Record<string, string> => {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  return {
    save(key, secret) {
      if (!safeStorage.isEncryptionAvailable())
        throw new WellspringError('unsupported', 'No OS keychain is available to keep the password.', [], {
          key: 'errors.keychainUnavailable',
        });
      const all = read();
      all[key] = safeStorage.encryptString(secret).toString('base64');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeFileAtomic(file, JSON.stringify(all, null, 2), 'export');
    },
    load(key) {
      const kept = read()[key];
      if (typeof kept !== 'string' || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(kept, 'base64'));
      } catch {
        return null; // another user's or machine's ciphertext
      }
    },
  };
}

/**
 * The code of a 代表证 (delegate card). It names a seat for check-in at the door and nothing else:
 * it is not a log-in credential, so whoever photographs a card can neither log in nor vote with
 * it. The api keeps only its SHA-256; the card prints it grouped (`7KQ2M-9XF4T`) under a QR code
 * of `congress-card:<code>`, which the door page scans.
 */
import { createHash, randomInt } from 'node:crypto';

/** Crockford base32, as the log-in codes: no I, L, O or U. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CARD_CODE_LENGTH = 10; // 50 bits
export const CARD_QR_PREFIX = 'congress-card:';

export function generateCardCode(): string {
  let code = '';
  for (let i = 0; i < CARD_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/**
 * What was scanned or typed, back to the canonical code: the QR's prefix, case, dashes, spaces and
 * look-alike letters forgiven. Anything else (wrong length, other characters) gives null.
 */
export function normalizeCardCode(input: string): string | null {
  let text = input.trim();
  if (text.toLowerCase().startsWith(CARD_QR_PREFIX)) text = text.slice(CARD_QR_PREFIX.length);
  const code = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/U/g, 'V');
  if (code.length !== CARD_CODE_LENGTH) return null;
  for (const c of code) if (!ALPHABET.includes(c)) return null;
  return code;
}

/** `7KQ2M9XF4T` → `7KQ2M-9XF4T`. */
export function formatCardCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export const cardQrText = (code: string) => `${CARD_QR_PREFIX}${code}`;

/** What is stored: hex SHA-256 of the canonical code (50 random bits; only staff can try one). */
export const hashCardCode = (code: string) =>
  createHash('sha256').update(code, 'utf8').digest('hex');

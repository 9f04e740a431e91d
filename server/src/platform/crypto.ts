/**
 * The crypto provider: hashing, signatures and random tokens behind one interface, so a certified 国密 device or KMS
 * can replace the software implementation (密评 GB/T 39786). Node's OpenSSL provides SHA-256, SM3 and Ed25519.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  timingSafeEqual,
  verify,
} from 'node:crypto';

export type HashAlgorithm = 'sha256' | 'sm3';

/**
 * Signature algorithms. Ed25519 today; SM2 (with SM3) is the one to add where 国密 is required — callers name the
 * algorithm and hold keys as PEM text, so adding it changes only this file.
 */
export type SignatureAlgorithm = 'ed25519';

export interface SigningKeyPair {
  /** PKCS#8 PEM; keep it where the database and its administrators cannot read it. */
  privateKeyPem: string;
  /** SPKI PEM; anyone may hold it to check signatures. */
  publicKeyPem: string;
}

export function generateSigningKeyPair(alg: SignatureAlgorithm): SigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync(alg, {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** The public half of a private key (when only the private key file is at hand). */
export function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
}

/** Signs UTF-8 text; base64 signature. Ed25519 hashes internally, so no digest is named. */
export function signText(alg: SignatureAlgorithm, privateKeyPem: string, data: string): string {
  if (alg !== 'ed25519') throw new Error(`unsupported signature algorithm ${String(alg)}`);
  return sign(null, Buffer.from(data, 'utf8'), privateKeyPem).toString('base64');
}

/** False (never throws) for a wrong, malformed or foreign signature. */
export function verifyText(alg: SignatureAlgorithm, publicKeyPem: string, data: string, signature: string): boolean {
  if (alg !== 'ed25519') return false;
  try {
    return verify(null, Buffer.from(data, 'utf8'), publicKeyPem, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function digestHex(alg: HashAlgorithm, data: string): string {
  return createHash(alg).update(data, 'utf8').digest('hex');
}

/** 256 bits from the CSPRNG, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * JSON with object keys sorted at every depth, so a value hashes the same after a round trip through jsonb
 * (which reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

import { randomBytes, createHash } from 'node:crypto';

/** A URL-safe random token with `bytes` bytes of entropy. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Tokens and API keys are high-entropy, so a fast hash is enough to store them. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

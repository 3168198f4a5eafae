// Each order gets two secrets: one in its success link, one in its cancel link. A customer who cancels
// sees only the cancel secret, so cannot forge a success. Only their SHA-256 is stored, so a copy of the
// database is not a way to mark orders paid either.
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes: 256 bits, base64url, 43 characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newReturnToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const successPath = (token: string) => `/r/${token}`;
export const cancelPath = (token: string) => `/c/${token}`;

/**
 * @module Signed, expiring links to the XLA dashboard, for servers that know people only by their Slack user id.
 * A token is `{user}.{expiry}.{signature}`: the user id (base64url), the expiry in Unix seconds, and base64url
 * HMAC-SHA256 over both with the dashboard link key (derived from the master secret for this purpose only, see
 * delivery/signing.ts). It proves who the link was made for and until when; whether that person is still a manager is
 * checked on every request by whoever serves the dashboard.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Sposa } from '../compose.js';

/** How long a link works: a working day, so a manager's Home tab keeps a usable button; reopening Home makes a new one. */
export const DASHBOARD_LINK_TTL_MS = 12 * 60 * 60 * 1000;

/** Far above any real token; longer ones are refused before any work. */
const MAX_TOKEN_LENGTH = 512;

const mac = (key: string, user: string, expiry: number) => createHmac('sha256', key).update(`dashboard:v1:${user}:${expiry}`).digest('base64url');

export function signDashboardToken(key: string, userId: string, expiresAt: Date): string {
  const user = Buffer.from(userId, 'utf8').toString('base64url');
  const expiry = Math.floor(expiresAt.getTime() / 1000);
  return `${user}.${expiry}.${mac(key, user, expiry)}`;
}

export type DashboardTokenCheck = { ok: true; userId: string; expiresAt: Date } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

/** Checks a token's signature in constant time, then its expiry; a token that is not exactly one SPOSA made is invalid. */
export function verifyDashboardToken(key: string, token: string | null | undefined, now: Date): DashboardTokenCheck {
  if (!token) return { ok: false, reason: 'missing' };
  const parts = token.length <= MAX_TOKEN_LENGTH ? token.split('.') : [];
  const [user = '', expiryText = '', signature = ''] = parts;
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]+$/.test(user) || !/^\d{1,12}$/.test(expiryText)) return { ok: false, reason: 'invalid' };
  const expiry = Number(expiryText);
  const expected = Buffer.from(mac(key, user, expiry));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  if (expiry * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, userId: Buffer.from(user, 'base64url').toString('utf8'), expiresAt: new Date(expiry * 1000) };
}

/** Links for SPOSA's configured public URL, signed and checked against SPOSA's clock. */
export function dashboardLinks(sposa: Pick<Sposa, 'clock' | 'config' | 'dashboardLinkKey'>) {
  const base = sposa.config.delivery.publicUrl.replace(/\/+$/, '');
  return {
    /** `${SPOSA_PUBLIC_URL}/dashboard?token=…` for this user, valid for {@link DASHBOARD_LINK_TTL_MS}. */
    async url(userId: string): Promise<string> {
      const token = signDashboardToken(await sposa.dashboardLinkKey(), userId, new Date(sposa.clock().getTime() + DASHBOARD_LINK_TTL_MS));
      return `${base}/dashboard?token=${token}`;
    },
    check: async (token: string | null | undefined) => verifyDashboardToken(await sposa.dashboardLinkKey(), token, sposa.clock()),
  };
}

import { describe, expect, it } from 'vitest';
import { dashboardLinkKey, supplierKey } from '../../../src/delivery/index.js';
import { DASHBOARD_LINK_TTL_MS, signDashboardToken, verifyDashboardToken } from '../../../src/http/dashboard-link.js';

const MASTER = 'a-master-secret-of-at-least-thirty-two-characters';
const KEY = dashboardLinkKey(MASTER);
const NOW = new Date('2026-06-10T12:00:00Z');
const LATER = new Date(NOW.getTime() + DASHBOARD_LINK_TTL_MS);

describe('signed dashboard links', () => {
  it('takes a key of its own from the master secret: no supplier key, whatever the supplier is called', () => {
    expect(KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(dashboardLinkKey(MASTER)).toBe(KEY);
    for (const supplier of ['Nimbus Workspace B.V.', 'dashboard-link:v1', 'dashboard-link', '']) expect(supplierKey(MASTER, supplier)).not.toBe(KEY);
    expect(dashboardLinkKey(`${MASTER}x`)).not.toBe(KEY);
  });

  it('accepts its own token until it expires, and names the user it was made for', () => {
    const token = signDashboardToken(KEY, 'UMANAGER', LATER);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyDashboardToken(KEY, token, NOW)).toEqual({ ok: true, userId: 'UMANAGER', expiresAt: LATER });
    expect(verifyDashboardToken(KEY, token, new Date(LATER.getTime() - 1000))).toMatchObject({ ok: true });
    expect(verifyDashboardToken(KEY, token, LATER)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token changed in any part, signed with another key, or malformed', () => {
    const token = signDashboardToken(KEY, 'UEMPLOYEE', LATER);
    const [user, expiry, signature] = token.split('.') as [string, string, string];
    const other = Buffer.from('UMANAGER').toString('base64url');
    const forged = [
      `${other}.${expiry}.${signature}`, // another user
      `${user}.${Number(expiry) + 86_400}.${signature}`, // a longer life
      `${user}.${expiry}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`, // one character of the signature
      `${user}.${expiry}.${signature}=`, // base64 padding that decodes to the same bytes
      signDashboardToken(supplierKey(MASTER, 'Nimbus Workspace B.V.'), 'UEMPLOYEE', LATER), // a supplier's key
      'not-a-token', `${user}.${expiry}`, `${user}..${signature}`, `${user}.-1.${signature}`, `a.b.c.d`, `${'x'.repeat(600)}.1.${signature}`,
    ];
    for (const candidate of forged) expect(verifyDashboardToken(KEY, candidate, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyDashboardToken(KEY, '', NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyDashboardToken(KEY, null, NOW)).toEqual({ ok: false, reason: 'missing' });
  });

  it('checks the signature before the expiry: an expired forgery is invalid, not expired', () => {
    const [user, , signature] = signDashboardToken(KEY, 'U1', LATER).split('.') as [string, string, string];
    expect(verifyDashboardToken(KEY, `${user}.1000.${signature}`, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });
});

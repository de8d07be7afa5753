/** Builds signed requests exactly as Slack sends them to an app's HTTP endpoint. */
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-123';

/** Slack's v0 signature: HMAC-SHA256 over `v0:{timestamp}:{body}`. */
export function signedHeaders(body: string, contentType: string, timestamp = Math.floor(Date.now() / 1000), secret = SIGNING_SECRET): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

let eventCounter = 0;

/** An Events API envelope around an event. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${Date.now()}${(eventCounter += 1)}`) {
  return {
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event: { event_ts: String(Date.now() / 1000), ...event },
  };
}

/** Posts to the app; returns status and body. */
export async function post(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: await response.text() };
}

/** Posts an event signed now, or at `timestamp` (Slack signs each delivery, a retry too, when it sends it). */
export function postEvent(url: string, envelope: object, extraHeaders: Record<string, string> = {}, timestamp?: number) {
  const body = JSON.stringify(envelope);
  return post(url, body, { ...signedHeaders(body, 'application/json', timestamp), ...extraHeaders });
}

export function postForm(url: string, fields: Record<string, string>) {
  const body = new URLSearchParams(fields).toString();
  return post(url, body, signedHeaders(body, 'application/x-www-form-urlencoded'));
}

export function postInteraction(url: string, payload: object) {
  return postForm(url, { payload: JSON.stringify(payload) });
}

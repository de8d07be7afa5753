/**
 * A local Socket Mode server: what Slack's WebSocket endpoint does for an app in Socket Mode. It greets with
 * `hello`, sends envelopes (events, interactions, slash commands) and records the acknowledgements the app sends back.
 * @see https://docs.slack.dev/apis/events-api/using-socket-mode
 */
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface SocketModeServer {
  url: string;
  /** Resolves once an app has connected and been greeted. */
  connected(): Promise<void>;
  /** Sends an envelope; resolves with the acknowledgement (its envelope_id and any payload) or rejects after a timeout. */
  send(type: 'events_api' | 'interactive' | 'slash_commands', payload: object, timeoutMs?: number): Promise<{ envelope_id: string; payload?: unknown }>;
  close(): Promise<void>;
}

export async function startSocketModeServer(): Promise<SocketModeServer> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  let socket: WebSocket | undefined;
  let greeted: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    greeted = resolve;
  });
  const waiting = new Map<string, (ack: { envelope_id: string; payload?: unknown }) => void>();
  let counter = 0;

  server.on('connection', (connection) => {
    socket = connection;
    connection.on('message', (data) => {
      const ack = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      if (ack.envelope_id) waiting.get(ack.envelope_id)?.({ envelope_id: ack.envelope_id, payload: ack.payload });
    });
    connection.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: { host: 'local', approximate_connection_time: 3600 } }));
    greeted();
  });

  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`,
    connected: () => ready,
    send(type, payload, timeoutMs = 3_000) {
      const envelopeId = `env-${(counter += 1)}`;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no acknowledgement for ${envelopeId} within ${timeoutMs} ms`)), timeoutMs);
        waiting.set(envelopeId, (ack) => {
          clearTimeout(timer);
          resolve(ack);
        });
        socket?.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
      });
    },
    close: () =>
      new Promise((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

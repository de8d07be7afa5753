/** A supplier's side, locally: a webhook receiver that verifies SPOSA's signatures, and an SMTP server that keeps mail. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DELIVERY_HEADER, SIGNATURE_HEADER, SUPPLIER_HEADER, TIMESTAMP_HEADER, verify } from '../../src/delivery/index.js';

export interface ReceivedHook {
  supplier: string;
  delivery: string;
  body: Record<string, unknown>;
  /** Whether the signature verified with the supplier's key at the receiver's clock. */
  verified: boolean;
}

/** A request as it arrived, whatever the receiver then did with it. */
export interface ArrivedHook {
  delivery: string;
  body: Record<string, unknown>;
  /** The receiver's mode when it arrived. */
  mode: WebhookReceiver['mode'];
}

export interface WebhookReceiver {
  url: string;
  /** What the receiver accepted (answered 200 or, for a bad signature, 401). */
  received: ReceivedHook[];
  /** Every request that reached the receiver, accepted or not, in arrival order. */
  arrived: ArrivedHook[];
  /** How the receiver answers: accept, be down (503), refuse the payload (400), or hang (never answer). */
  mode: 'up' | 'down' | 'refuse' | 'hang';
  close(): Promise<void>;
}

const readAll = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const parseObject = (text: string): Record<string, unknown> => {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
};

export async function startWebhookReceiver(keyFor: (supplier: string) => Promise<string>, now: () => Date): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = { url: '', received: [], arrived: [], mode: 'up', close: async () => undefined };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readAll(request);
      const mode = receiver.mode;
      receiver.arrived.push({ delivery: String(request.headers[DELIVERY_HEADER]), body: parseObject(body), mode });
      if (mode === 'hang') return;
      if (mode !== 'up') {
        response.writeHead(mode === 'down' ? 503 : 400).end();
        return;
      }
      const supplier = String(request.headers[SUPPLIER_HEADER]);
      const check = verify(await keyFor(supplier), { timestamp: request.headers[TIMESTAMP_HEADER] as string, signature: request.headers[SIGNATURE_HEADER] as string }, body, now());
      receiver.received.push({ supplier, delivery: String(request.headers[DELIVERY_HEADER]), body: JSON.parse(body), verified: check.ok });
      response.writeHead(check.ok ? 200 : 401).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return receiver;
}

export interface MailServer {
  url: string;
  mails: { to: string[]; raw: string }[];
  close(): Promise<void>;
}

export async function startMailServer(): Promise<MailServer> {
  const mails: MailServer['mails'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

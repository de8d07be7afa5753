/** @module Small JSON-over-HTTP helpers for node:http servers: bounded body reading and one error format. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { ErrorCode, InvalidInputError, SposaError } from '../errors.js';

/** Request bodies above this are refused: nothing SPOSA accepts is that large. */
const MAX_BODY_BYTES = 256 * 1024;

/** The raw body as text, bounded; signed requests are verified over exactly these bytes. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new InvalidInputError(`request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson<T extends z.ZodType>(request: IncomingMessage, schema: T): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    raw = JSON.parse((await readBody(request)) || '{}');
  } catch {
    throw new InvalidInputError('request body is not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return parsed.data;
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.InvalidInput]: 400,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.Unauthorized]: 401,
  [ErrorCode.Conflict]: 409,
};

/** The one place HTTP adapters turn errors into responses: {error_code, detail}; unknown errors say nothing inside. */
export function sendError(response: ServerResponse, error: unknown, reference: string): void {
  if (error instanceof SposaError && STATUS_BY_CODE[error.code]) {
    sendJson(response, STATUS_BY_CODE[error.code] as number, { error_code: error.code, detail: error.message });
    return;
  }
  sendJson(response, 500, { error_code: ErrorCode.Unknown, detail: `Something went wrong on our side (reference ${reference}).` });
}

/** @module E-mail delivery over SMTP (nodemailer), for suppliers whose contract names an address. */
import nodemailer from 'nodemailer';
import { PermanentJobError } from '../jobs/index.js';
import { headline, messageText } from './message.js';
import { DELIVERY_HEADER } from './signing.js';
import type { Transport } from './transports.js';

export interface EmailOptions {
  smtpUrl: string;
  from: string;
}

/** SMTP 5xx replies are final (unknown mailbox, refused); 4xx and connection trouble are worth retrying. */
const isPermanent = (error: unknown) => typeof error === 'object' && error !== null && Number((error as { responseCode?: number }).responseCode) >= 500;

export function emailTransport({ smtpUrl, from }: EmailOptions): Transport & { close(): void } {
  const mailer = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'email',
    reaches: (contact) => Boolean(contact.email),
    async deliver(message, { contact, language }) {
      try {
        const info = await mailer.sendMail({
          from,
          to: contact.email,
          subject: `[${message.ticket.id}] ${headline(message.event, language)}: ${message.ticket.service} (${message.ticket.priority})`,
          text: messageText(message, language),
          headers: { [DELIVERY_HEADER]: message.delivery },
        });
        return { to: contact.email as string, messageId: info.messageId };
      } catch (error) {
        if (isPermanent(error)) throw new PermanentJobError(`mail to ${contact.email} refused: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
    },
    close: () => mailer.close(),
  };
}

/** @module Delivery: tickets and their events carried to suppliers, reporters and managers through the outbox. */
export { emailTransport } from './email.js';
export { type DeliveryDeps, deliveryHandlers, type PeopleNotifier } from './handlers.js';
export { headline, messageText, type SupplierMessage, supplierMessage } from './message.js';
export * from './signing.js';
export * from './transports.js';
export { webhookTransport } from './webhook.js';

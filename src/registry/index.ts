/** @module Registry: suppliers, services and the contracts that make a supplier accountable for a service. */
export { findAccountable, isInForce } from './accountability.js';
export { describeContact, describeContract, describeSupportHours } from './describe.js';
export { matchServices, normalize, type ServiceMatch, type ServiceNames } from './match-service.js';
export * from './types.js';

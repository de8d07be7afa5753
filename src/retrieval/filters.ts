/** @module Retrieval filters as a predicate over clause records. */
import type { ClauseRecord, RetrievalFilters } from './types.js';

/**
 * Builds the predicate once per query; it runs inside both indexes' inner loops. Undefined when the filters let
 * every clause through: the indexes then search without a callback, which hnswlib does several times faster.
 */
export function clausePredicate(filters: RetrievalFilters = {}): ((clause: ClauseRecord) => boolean) | undefined {
  if (!filters.services && !filters.suppliers && !filters.contractTypes && !filters.contractIds && !filters.validOn && filters.includeRestricted) return undefined;
  const services = filters.services && new Set(filters.services);
  const suppliers = filters.suppliers && new Set(filters.suppliers);
  const types = filters.contractTypes && new Set(filters.contractTypes);
  const ids = filters.contractIds && new Set(filters.contractIds);
  const { validOn, includeRestricted = false } = filters;
  return (clause) =>
    (includeRestricted || !clause.restricted) &&
    (!services || clause.services.some((service) => services.has(service))) &&
    (!suppliers || suppliers.has(clause.supplier)) &&
    (!types || types.has(clause.contractType)) &&
    (!ids || ids.has(clause.contractId)) &&
    (!validOn || ((!clause.validFrom || clause.validFrom <= validOn) && (!clause.validTo || validOn <= clause.validTo)));
}

/** @module Registry types: who delivers which service under which contract. */
import type {
  ContractType, Language, Priority, SupplierContact, SupportHours, Target, XlaTargets,
} from '../contracts/index.js';
import type { ServiceMatch, ServiceNames } from './match-service.js';

/** An active contract as the registry sees it. */
export interface RegisteredContract {
  id: string;
  type: ContractType;
  supplier: string;
  title?: string;
  language: Language;
  customer?: string;
  underpins: string[];
  validFrom?: string;
  validTo?: string;
  services: string[];
  supportHours?: SupportHours;
  targets: Partial<Record<Priority, Target>>;
  contact: SupplierContact;
  availability?: number;
  xla?: XlaTargets;
}

/** Everything the registry knows, read in one go; small enough to match against in memory. */
export interface RegistrySnapshot {
  services: ServiceNames[];
  contracts: RegisteredContract[];
}

/** The port the registry reads through; implemented in store/. */
export interface RegistryStore {
  snapshot(): Promise<RegistrySnapshot>;
}

/**
 * How a party is accountable: `accountable` holds the SLA with the business; `internal` an OLA inside the
 * organisation; `underpinning` a UC behind another party's contract.
 */
export type AccountabilityRole = 'accountable' | 'internal' | 'underpinning';

export interface AccountableParty {
  role: AccountabilityRole;
  supplier: string;
  contract: RegisteredContract;
}

/** The answer to "who is responsible for X". */
export interface Accountability {
  /** What was asked, as typed. */
  query: string;
  service: string;
  match: ServiceMatch;
  /** Current parties, the accountable SLA holder first. */
  parties: AccountableParty[];
  /** Contracts for the service that are not valid on the date asked about (expired or not yet started). */
  outOfTerm: RegisteredContract[];
  /** Other services the term could also mean, when the match was not exact. */
  alternatives: ServiceMatch[];
}

/** @module Clause repository: what retrieval reads — clauses with contract facts, lexemes, and a change marker. */
import type { ClauseSource, ClauseWithLexemes, Lexemes } from '../../retrieval/index.js';
import type { Db } from '../db.js';

type Row = Omit<ClauseWithLexemes, 'number' | 'heading' | 'validFrom' | 'validTo'> & {
  number: string | null;
  heading: string | null;
  validFrom: string | null;
  validTo: string | null;
};

/** Postgres prints a tsvector as `'word':1A 'other':2`; the lexemes are the quoted parts. */
const lexemesOf = (tsv: string) => [...tsv.matchAll(/'((?:[^']|'')+)'/g)].map((match) => (match[1] ?? '').replace(/''/g, "'"));

/** A ClauseSource over any SPOSA database. */
export function clauseSource(db: Db): ClauseSource {
  return {
    async version() {
      // Re-ingesting replaces clause rows, which always moves max(id); count catches retirements.
      const [row] = await db.query<{ version: string }>(
        `select count(*)::text || ':' || coalesce(max(id), 0)::text || ':' || coalesce(sum(id), 0)::text as version from clauses`,
      );
      return row?.version ?? '0';
    },

    async loadClauses() {
      const rows = await db.query<Row>(
        `select cl.id::int as id, cl.contract_id as "contractId", c.type as "contractType", s.name as supplier,
                coalesce(array(select sv.name from contract_services cs join services sv on sv.id = cs.service_id
                               where cs.contract_id = c.id order by sv.name), '{}') as services,
                cl.number, cl.heading, cl.heading_path as "headingPath", cl.body as text, cl.language,
                cl.restricted, c.valid_from::text as "validFrom", c.valid_to::text as "validTo", cl.line,
                cl.tsv::text as tsv
         from clauses cl
         join contracts c on c.id = cl.contract_id and c.status = 'active'
         join suppliers s on s.id = c.supplier_id
         order by cl.id`,
      );
      return rows.map((row) => ({
        ...row,
        number: row.number ?? undefined,
        heading: row.heading ?? undefined,
        validFrom: row.validFrom ?? undefined,
        validTo: row.validTo ?? undefined,
      }));
    },

    async analyze(texts) {
      if (texts.length === 0) return [];
      const rows = await db.query<{ nl: string; en: string }>(
        `select to_tsvector('dutch', t)::text as nl, to_tsvector('english', t)::text as en
         from unnest($1::text[]) with ordinality as x(t, n) order by n`,
        [texts],
      );
      return rows.map((row): Lexemes => ({ nl: lexemesOf(row.nl), en: lexemesOf(row.en) }));
    },
  };
}

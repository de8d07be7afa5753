/** @module Contract clauses for tickets: the readable clauses of one contract, so a routing explanation can cite one. */
import type { ContractClause, ContractClauses } from '../../tickets/index.js';
import type { Db } from '../db.js';

type Row = { number: string | null; heading: string | null; headingPath: string[]; text: string };

/** ContractClauses over any SPOSA database; a long clause's chunks are joined back into one text. */
export function contractClauses(db: Db): ContractClauses {
  return {
    async clausesOf(contractId) {
      const rows = await db.query<Row>(
        `select cl.number, cl.heading, cl.heading_path as "headingPath", string_agg(cl.body, ' ' order by cl.chunk) as text
         from clauses cl join contracts c on c.id = cl.contract_id and c.status = 'active'
         where cl.contract_id = $1 and not cl.restricted
         group by cl.ordinal, cl.number, cl.heading, cl.heading_path
         order by cl.ordinal`,
        [contractId],
      );
      return rows.map((row): ContractClause => ({
        ...(row.number === null ? {} : { number: row.number }),
        ...(row.heading === null ? {} : { heading: row.heading }),
        headingPath: row.headingPath,
        text: row.text,
      }));
    },
  };
}

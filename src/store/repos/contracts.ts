/** @module Contract repository: writes ingested contracts, their clauses, services and aliases. */
import type { ContractStore, ContractWriter, IngestedContract, ParsedContract } from '../../contracts/index.js';
import type { Db, Queryable } from '../db.js';

async function idFor(tx: Queryable, table: 'suppliers' | 'services', name: string): Promise<number> {
  // "do update" (a no-op) makes the row come back from RETURNING when it already exists.
  const [row] = await tx.query<{ id: number }>(
    `insert into ${table} (name) values ($1) on conflict (name) do update set name = excluded.name returning id`,
    [name],
  );
  if (!row) throw new Error(`could not register ${name} in ${table}`);
  return row.id;
}

function writer(tx: Queryable): ContractWriter {
  return {
    async listIngested() {
      return tx.query<IngestedContract>(
        'select id, source_path as "sourcePath", source_hash as "sourceHash", status from contracts',
      );
    },

    async saveContract({ meta, clauses, sourcePath, sourceHash }: ParsedContract) {
      const supplierId = await idFor(tx, 'suppliers', meta.supplier);
      const values = [
        meta.id, meta.type, supplierId, meta.title ?? null, meta.language, meta.customer ?? null, meta.underpins,
        meta.validFrom ?? null, meta.validTo ?? null, JSON.stringify(meta.supportHours ?? null),
        JSON.stringify(meta.targets), meta.availability ?? null, JSON.stringify(meta.xla ?? null),
        JSON.stringify(meta.contact), JSON.stringify({ ...meta.metadata, restricted: meta.restricted }), sourcePath, sourceHash,
      ];
      await tx.query(
        `insert into contracts (id, type, supplier_id, title, language, customer, underpins, valid_from, valid_to,
           support_hours, targets, availability, xla, contact, metadata, source_path, source_hash)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         on conflict (id) do update set type = excluded.type, supplier_id = excluded.supplier_id,
           title = excluded.title, language = excluded.language, customer = excluded.customer,
           underpins = excluded.underpins, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
           support_hours = excluded.support_hours, targets = excluded.targets, availability = excluded.availability,
           xla = excluded.xla, contact = excluded.contact, metadata = excluded.metadata,
           source_path = excluded.source_path, source_hash = excluded.source_hash,
           status = 'active', ingested_at = now(), retired_at = null`,
        values,
      );
      await tx.query('delete from clauses where contract_id = $1', [meta.id]);
      await tx.query('delete from contract_services where contract_id = $1', [meta.id]);
      await tx.query('delete from service_aliases where contract_id = $1', [meta.id]);
      for (const service of meta.services) {
        const serviceId = await idFor(tx, 'services', service);
        await tx.query('insert into contract_services (contract_id, service_id) values ($1, $2)', [meta.id, serviceId]);
        for (const alias of new Set(meta.serviceAliases[service] ?? [])) {
          await tx.query('insert into service_aliases (contract_id, service_id, alias) values ($1, $2, $3)', [
            meta.id, serviceId, alias,
          ]);
        }
      }
      // One multi-row insert per contract: ingestion speed is dominated by round trips, not by rows.
      if (clauses.length) {
        await tx.query(
          `insert into clauses (contract_id, ordinal, chunk, number, heading, heading_path, heading_text, body, line,
                                language, restricted)
           select $1, c.ordinal, c.chunk, c.number, c.heading, array(select jsonb_array_elements_text(c.heading_path)),
                  c.heading_text, c.body, c.line, $2, c.restricted
           from jsonb_to_recordset($3::jsonb) as c(ordinal int, chunk int, number text, heading text,
                heading_path jsonb, heading_text text, body text, line int, restricted boolean)`,
          [
            meta.id,
            meta.language,
            JSON.stringify(
              clauses.map((clause) => ({
                ordinal: clause.ordinal, chunk: clause.chunk, number: clause.number ?? null,
                heading: clause.heading ?? null, heading_path: clause.headingPath,
                heading_text: [clause.number, ...clause.headingPath, clause.heading].filter(Boolean).join(' '), body: clause.text,
                line: clause.line, restricted: clause.restricted,
              })),
            ),
          ],
        );
      }
    },

    async retireContract(id) {
      await tx.query(`update contracts set status = 'retired', retired_at = now() where id = $1`, [id]);
      // Retired text must not be retrieved or cited any more; the contract row stays for tickets that refer to it.
      await tx.query('delete from clauses where contract_id = $1', [id]);
    },
  };
}

/** A ContractStore over any SPOSA database. */
export function contractStore(db: Db): ContractStore {
  return { transaction: (work) => db.transaction((tx) => work(writer(tx))) };
}

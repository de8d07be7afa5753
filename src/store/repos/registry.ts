/** @module Registry repository: reads the active contracts, services and aliases in one snapshot. */
import type { RegisteredContract, RegistrySnapshot, RegistryStore } from '../../registry/index.js';
import type { Db } from '../db.js';

type ContractRow = Omit<RegisteredContract, 'validFrom' | 'validTo' | 'supportHours' | 'availability' | 'xla' | 'title' | 'customer'> & {
  validFrom: string | null;
  validTo: string | null;
  supportHours: RegisteredContract['supportHours'] | null;
  availability: number | null;
  xla: RegisteredContract['xla'] | null;
  title: string | null;
  customer: string | null;
};

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** A RegistryStore over any SPOSA database. */
export function registryStore(db: Db): RegistryStore {
  return {
    async snapshot(): Promise<RegistrySnapshot> {
      const [contracts, services] = await Promise.all([
        db.query<ContractRow>(
          `select c.id, c.type, s.name as supplier, c.title, c.language, c.customer, c.underpins,
                  c.valid_from::text as "validFrom", c.valid_to::text as "validTo",
                  coalesce(array(select sv.name from contract_services cs join services sv on sv.id = cs.service_id
                                 where cs.contract_id = c.id order by sv.name), '{}') as services,
                  c.support_hours as "supportHours", c.targets, c.contact, c.availability, c.xla
           from contracts c join suppliers s on s.id = c.supplier_id
           where c.status = 'active' order by c.id`,
        ),
        db.query<{ name: string; aliases: string[] }>(
          `select sv.name, coalesce(array_agg(distinct a.alias) filter (where a.alias is not null), '{}') as aliases
           from services sv
           join contract_services cs on cs.service_id = sv.id
           join contracts c on c.id = cs.contract_id and c.status = 'active'
           left join service_aliases a on a.service_id = sv.id and a.contract_id = c.id
           group by sv.name order by sv.name`,
        ),
      ]);
      return {
        services,
        contracts: contracts.map((row) => ({
          ...row,
          title: orUndefined(row.title),
          customer: orUndefined(row.customer),
          validFrom: orUndefined(row.validFrom),
          validTo: orUndefined(row.validTo),
          supportHours: orUndefined(row.supportHours),
          availability: orUndefined(row.availability),
          xla: orUndefined(row.xla),
          contact: Object.fromEntries(Object.entries(row.contact).filter(([, value]) => value !== null)),
        })),
      };
    },
  };
}

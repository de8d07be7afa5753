/**
 * `npm run seed:demo`: ingests the contracts and writes a year of demo tickets and ratings ending today, into the
 * configured database, if it has no tickets yet.
 */
import { openSposa } from '../src/compose.js';
import { loadConfig } from '../src/config/index.js';
import { seedDemoIfEmpty } from '../src/demo/seed-demo.js';

const sposa = await openSposa(loadConfig(process.env));
try {
  await sposa.ingest({ skipInvalid: true });
  const summary = await seedDemoIfEmpty(sposa, { end: new Date() });
  process.stdout.write(
    summary
      ? `Seeded ${summary.tickets} resolved demo tickets and ${summary.ratings} ratings.\n`
      : 'The database already has tickets; the demo data only goes into an empty one.\n',
  );
} finally {
  await sposa.close();
}

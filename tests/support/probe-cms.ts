/**
 * Run as a child process against the database in DATABASE_URI: signs in with
 * the e-mail and password given as arguments and prints, as one JSON line,
 * whether that worked and how the articles' covers and topics resolve.
 * Used to check a restored database from the outside.
 */
import { getPayload } from 'payload';

const [email, password] = process.argv.slice(2);
const config = await (await import('../../payload.config')).default;
const payload = await getPayload({ config });
const login = await payload.login({ collection: 'users', data: { email: email!, password: password! } }).then(
  (r) => Boolean(r.token),
  () => false,
);
const { docs } = await payload.find({
  collection: 'articles',
  depth: 1,
  limit: 0,
  pagination: false,
  draft: false,
  sort: 'slug',
});
const articles = docs.map((a) => ({
  slug: a.slug,
  cover: a.cover && typeof a.cover === 'object' ? a.cover.filename : null,
  topics: ((a.topics ?? []) as unknown[]).map((t) =>
    t && typeof t === 'object' ? (t as { slug?: string }).slug : null,
  ),
}));
console.log(`PROBE ${JSON.stringify({ login, articles })}`);
await payload.destroy();
process.exit(0);

import { resolveSecret } from './domain/secret-policy';
import { settings } from './settings';

// A server started directly with `next start` refuses a missing, short or
// public PAYLOAD_SECRET before serving anything, just as `npm start` does.
if (settings().NEXT_PHASE !== 'phase-production-build') {
  const verdict = resolveSecret(settings());
  if (!verdict.ok) {
    console.error(`\n${verdict.error.format()}\n`);
    process.exit(1);
  }
}

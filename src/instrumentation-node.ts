import { resolveSecret } from './domain/secret-policy';

// A server started directly with `next start` refuses a missing, short or
// public PAYLOAD_SECRET before serving anything, just as `npm start` does.
if (process.env.NEXT_PHASE !== 'phase-production-build') {
  const verdict = resolveSecret(process.env);
  if (!verdict.ok) {
    console.error(`\n✖ Máy chủ không khởi động (server not started):\n  ${verdict.message}\n`);
    process.exit(1);
  }
}

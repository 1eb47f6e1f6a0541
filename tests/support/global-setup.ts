import { spawnSync } from 'node:child_process';

import { STAND_IN_LABEL } from './mongo-standin';

/** Runs once before all projects: announces what is and is not exercised. */
export default function setup(): void {
  const line = '='.repeat(78);
  if (process.env.MONGODB_URI) {
    console.log(
      `\n${line}\nReal MongoDB: the integration suite runs against MONGODB_URI (project "mongodb").\n${line}\n`,
    );
  } else {
    console.log(
      `\n${line}\nSKIPPED: the integration suite against a REAL MongoDB server did not run,\n` +
        `because MONGODB_URI is not set (no MongoDB server can be installed on this machine).\n` +
        `The MongoDB code path runs against the ${STAND_IN_LABEL} instead.\n${line}\n`,
    );
  }
  // Install the stand-in once, before test files start in parallel.
  const r = spawnSync(process.execPath, ['scripts/setup-mongo-standin.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${STAND_IN_LABEL}: setup failed`);
}

import fs from 'node:fs';
import path from 'node:path';

import { mongooseAdapter } from '@payloadcms/db-mongodb';
import { sqliteAdapter } from '@payloadcms/db-sqlite';
import mongoose from 'mongoose';
import type { DatabaseAdapterObj } from 'payload';

import { chooseDatabase, mongoUnreachableDetails } from '../domain/database-url';
import type { DetailsOf } from '../messages/catalogue';
import { ColumnError } from '../messages/column-error';
import { removeFilesWhenRowFails } from './uploads/guard-file-writes';
import { migrations as mongoMigrations } from '../migrations/mongodb';
import { migrations } from '../migrations/sqlite';
import { settings as appSettings, type Settings } from '../settings';

/** How long to wait for MongoDB before saying it cannot be reached. */
export const MONGO_TIMEOUT_MS = 5000;

/** The catalogue's MongoUnreachable, under the name callers and tests know. */
export class DatabaseUnreachableError extends ColumnError<'MongoUnreachable'> {
  constructor(details: DetailsOf<'MongoUnreachable'>) {
    super('MongoUnreachable', details);
    this.name = 'DatabaseUnreachableError';
  }
}

/**
 * One config, chosen by DATABASE_URI: the embedded SQLite file by default,
 * MongoDB in production. SQLite's schema comes from the committed migrations
 * (`payload migrate`, run by every npm script that opens the database, and on
 * connect in production); only tests, each on a fresh file, push the schema.
 * Mixing push and migrations on one file corrupts its migration history.
 * Either adapter deletes an upload's files when their row cannot be written
 * (see uploads/guard-file-writes.ts).
 *
 * `sqliteTransactions`: on only for scripts/restore.ts, which runs alone and
 * needs all-or-nothing. libsql opens every transaction for writing (BEGIN
 * IMMEDIATE), so the server, which editors share, keeps them off (Payload's
 * default on SQLite: one connection, concurrent requests would wait on each other).
 */
export function databaseAdapter(
  settings: Pick<Settings, 'DATABASE_URI' | 'NODE_ENV'> = appSettings(),
  options: { sqliteTransactions?: boolean } = {},
): DatabaseAdapterObj {
  const choice = chooseDatabase(settings.DATABASE_URI);
  if (choice.kind === 'sqlite') {
    // libsql cannot create the parent folder ("Unable to open … 14").
    fs.mkdirSync(path.dirname(path.resolve(choice.file)), { recursive: true });
    return removeFilesWhenRowFails(
      sqliteAdapter({
        client: { url: choice.url },
        push: settings.NODE_ENV === 'test',
        transactionOptions: options.sqliteTransactions ? {} : undefined,
        migrationDir: path.resolve('src/migrations/sqlite'),
        prodMigrations: migrations,
        // libsql's default is not to wait: a write would fail at once while another
        // process (a backup, a sqlite3 shell) holds a lock. The wait is short because
        // the local driver is synchronous: the server answers nobody while it waits.
        busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
      }),
    );
  }
  const adapter = mongooseAdapter({
    url: choice.url,
    // MongoDB needs only data migrations; its own folder keeps SQLite's SQL away from it.
    migrationDir: path.resolve('src/migrations/mongodb'),
    prodMigrations: mongoMigrations,
    connectOptions: { serverSelectionTimeoutMS: MONGO_TIMEOUT_MS, connectTimeoutMS: MONGO_TIMEOUT_MS },
  });
  return removeFilesWhenRowFails(failFastWhenUnreachable(adapter, choice.url, choice.hosts));
}

/** How long a write waits for another process's lock on the SQLite file before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 3000;

/**
 * Before the adapter connects, ping the server once: an unreachable MongoDB
 * then fails within MONGO_TIMEOUT_MS with one clear line naming the host
 * (never the password), instead of mongoose's 30 s wait and JSON dump.
 */
function failFastWhenUnreachable(adapter: DatabaseAdapterObj, url: string, hosts: string): DatabaseAdapterObj {
  const init = adapter.init;
  adapter.init = (args) => {
    const instance = init(args);
    const connect = instance.connect;
    if (!connect) return instance;
    instance.connect = async function (this: typeof instance, options) {
      await pingMongo(url, hosts);
      return connect.call(this, options);
    };
    return instance;
  };
  return adapter;
}

export async function pingMongo(url: string, hosts: string): Promise<void> {
  const client = new mongoose.mongo.MongoClient(url, {
    serverSelectionTimeoutMS: MONGO_TIMEOUT_MS,
    connectTimeoutMS: MONGO_TIMEOUT_MS,
  });
  try {
    await client.connect();
    await client.db().command({ ping: 1 });
  } catch (error) {
    const cause = error instanceof Error ? error.message.split('\n')[0]!.replaceAll(url, hosts) : String(error);
    throw new DatabaseUnreachableError(mongoUnreachableDetails(hosts, MONGO_TIMEOUT_MS, cause));
  } finally {
    await client.close().catch(() => undefined);
  }
}

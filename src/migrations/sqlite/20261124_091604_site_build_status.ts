import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`site_build_status\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`state\` text DEFAULT 'idle',
  	\`last_reason\` text,
  	\`last_requested_at\` text,
  	\`last_started_at\` text,
  	\`last_success_at\` text,
  	\`last_duration_ms\` numeric,
  	\`last_failure_at\` text,
  	\`last_failure_reason\` text,
  	\`last_failure_log\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`site_build_status\`;`)
}

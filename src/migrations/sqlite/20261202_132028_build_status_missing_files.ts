import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`site_build_status_missing_files\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`item_collection\` text,
  	\`item_id\` text,
  	\`title\` text,
  	\`upload\` text,
  	\`filename\` text,
  	\`status\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`site_build_status\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`site_build_status_missing_files_order_idx\` ON \`site_build_status_missing_files\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`site_build_status_missing_files_parent_id_idx\` ON \`site_build_status_missing_files\` (\`_parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`site_build_status_missing_files\`;`)
}

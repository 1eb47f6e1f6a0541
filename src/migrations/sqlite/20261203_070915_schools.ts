import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`schools_counted_collections\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`schools\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`schools_counted_collections_order_idx\` ON \`schools_counted_collections\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`schools_counted_collections_parent_idx\` ON \`schools_counted_collections\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`schools\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`district\` text DEFAULT '',
  	\`base_path\` text,
  	\`origin\` text,
  	\`column_title\` text DEFAULT 'Bình đẳng giới' NOT NULL,
  	\`reporting_start_quarter\` text DEFAULT '2022-Q1' NOT NULL,
  	\`minimum_items_per_quarter\` numeric DEFAULT 1 NOT NULL,
  	\`archived\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`schools_slug_idx\` ON \`schools\` (\`slug\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`schools_base_path_idx\` ON \`schools\` (\`base_path\`);`)
  await db.run(sql`CREATE INDEX \`schools_updated_at_idx\` ON \`schools\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`schools_created_at_idx\` ON \`schools\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_schools\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`school_id\` integer NOT NULL,
  	\`role\` text DEFAULT 'contributor' NOT NULL,
  	FOREIGN KEY (\`school_id\`) REFERENCES \`schools\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_schools_order_idx\` ON \`users_schools\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_schools_parent_id_idx\` ON \`users_schools\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_schools_school_idx\` ON \`users_schools\` (\`school_id\`);`)
  await db.run(sql`DROP TABLE \`column_settings_counted_collections\`;`)
  await db.run(sql`DROP TABLE \`column_settings\`;`)
  await db.run(sql`DROP INDEX \`articles_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`school_id\` integer REFERENCES schools(id);`)
  await db.run(sql`CREATE INDEX \`articles_school_idx\` ON \`articles\` (\`school_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`school_slug_idx\` ON \`articles\` (\`school_id\`,\`slug\`);`)
  await db.run(sql`CREATE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(sql`DROP INDEX \`model_stories_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`model_stories\` ADD \`school_id\` integer REFERENCES schools(id);`)
  await db.run(sql`CREATE INDEX \`model_stories_school_idx\` ON \`model_stories\` (\`school_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`school_slug_1_idx\` ON \`model_stories\` (\`school_id\`,\`slug\`);`)
  await db.run(sql`CREATE INDEX \`model_stories_slug_idx\` ON \`model_stories\` (\`slug\`);`)
  await db.run(sql`DROP INDEX \`teaching_resources_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`teaching_resources\` ADD \`school_id\` integer REFERENCES schools(id);`)
  await db.run(sql`CREATE INDEX \`teaching_resources_school_idx\` ON \`teaching_resources\` (\`school_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`school_slug_2_idx\` ON \`teaching_resources\` (\`school_id\`,\`slug\`);`)
  await db.run(sql`CREATE INDEX \`teaching_resources_slug_idx\` ON \`teaching_resources\` (\`slug\`);`)
  await db.run(sql`DROP INDEX \`topics_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`topics\` ADD \`school_id\` integer REFERENCES schools(id);`)
  await db.run(sql`CREATE INDEX \`topics_school_idx\` ON \`topics\` (\`school_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`school_slug_3_idx\` ON \`topics\` (\`school_id\`,\`slug\`);`)
  await db.run(sql`CREATE INDEX \`topics_slug_idx\` ON \`topics\` (\`slug\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_school_id\` integer REFERENCES schools(id);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_school_idx\` ON \`_articles_v\` (\`version_school_id\`);`)
  await db.run(sql`CREATE INDEX \`version_school_version_slug_idx\` ON \`_articles_v\` (\`version_school_id\`,\`version_slug\`);`)
  await db.run(sql`ALTER TABLE \`_model_stories_v\` ADD \`version_school_id\` integer REFERENCES schools(id);`)
  await db.run(sql`CREATE INDEX \`_model_stories_v_version_version_school_idx\` ON \`_model_stories_v\` (\`version_school_id\`);`)
  await db.run(sql`CREATE INDEX \`version_school_version_slug_1_idx\` ON \`_model_stories_v\` (\`version_school_id\`,\`version_slug\`);`)
  await db.run(sql`ALTER TABLE \`_teaching_resources_v\` ADD \`version_school_id\` integer REFERENCES schools(id);`)
  await db.run(sql`CREATE INDEX \`_teaching_resources_v_version_version_school_idx\` ON \`_teaching_resources_v\` (\`version_school_id\`);`)
  await db.run(sql`CREATE INDEX \`version_school_version_slug_2_idx\` ON \`_teaching_resources_v\` (\`version_school_id\`,\`version_slug\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`school_id\` integer REFERENCES schools(id);`)
  await db.run(sql`CREATE INDEX \`media_school_idx\` ON \`media\` (\`school_id\`);`)
  await db.run(sql`ALTER TABLE \`documents\` ADD \`school_id\` integer REFERENCES schools(id);`)
  await db.run(sql`CREATE INDEX \`documents_school_idx\` ON \`documents\` (\`school_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`platform_role\` text;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`role\`;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`schools_id\` integer REFERENCES schools(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_schools_id_idx\` ON \`payload_locked_documents_rels\` (\`schools_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`column_settings_counted_collections\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`column_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`column_settings_counted_collections_order_idx\` ON \`column_settings_counted_collections\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`column_settings_counted_collections_parent_idx\` ON \`column_settings_counted_collections\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`column_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`school_name\` text DEFAULT 'Trường THCS' NOT NULL,
  	\`district\` text DEFAULT '',
  	\`column_title\` text DEFAULT 'Bình đẳng giới' NOT NULL,
  	\`reporting_start_quarter\` text DEFAULT '2022-Q1' NOT NULL,
  	\`minimum_items_per_quarter\` numeric DEFAULT 1 NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`DROP TABLE \`schools_counted_collections\`;`)
  await db.run(sql`DROP TABLE \`schools\`;`)
  await db.run(sql`DROP TABLE \`users_schools\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`excerpt\` text,
  	\`cover_id\` integer,
  	\`body\` text,
  	\`campaign\` text,
  	\`slug\` text,
  	\`published_at\` text,
  	\`first_published_at\` text,
  	\`counts_toward_column\` integer DEFAULT true,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "title", "excerpt", "cover_id", "body", "campaign", "slug", "published_at", "first_published_at", "counts_toward_column", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "title", "excerpt", "cover_id", "body", "campaign", "slug", "published_at", "first_published_at", "counts_toward_column", "created_by_id", "updated_at", "created_at", "_status" FROM \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`articles_cover_idx\` ON \`articles\` (\`cover_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_first_published_at_idx\` ON \`articles\` (\`first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_by_idx\` ON \`articles\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_excerpt\` text,
  	\`version_cover_id\` integer,
  	\`version_body\` text,
  	\`version_campaign\` text,
  	\`version_slug\` text,
  	\`version_published_at\` text,
  	\`version_first_published_at\` text,
  	\`version_counts_toward_column\` integer DEFAULT true,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_title", "version_excerpt", "version_cover_id", "version_body", "version_campaign", "version_slug", "version_published_at", "version_first_published_at", "version_counts_toward_column", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_excerpt", "version_cover_id", "version_body", "version_campaign", "version_slug", "version_published_at", "version_first_published_at", "version_counts_toward_column", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_cover_idx\` ON \`_articles_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_slug_idx\` ON \`_articles_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_first_published_at_idx\` ON \`_articles_v\` (\`version_first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_by_idx\` ON \`_articles_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_autosave_idx\` ON \`_articles_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_model_stories\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`kind\` text,
  	\`subject_name\` text,
  	\`unit\` text,
  	\`recognition\` text,
  	\`year\` numeric,
  	\`summary\` text,
  	\`body\` text,
  	\`slug\` text,
  	\`published_at\` text,
  	\`first_published_at\` text,
  	\`counts_toward_column\` integer DEFAULT false,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_model_stories\`("id", "title", "kind", "subject_name", "unit", "recognition", "year", "summary", "body", "slug", "published_at", "first_published_at", "counts_toward_column", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "title", "kind", "subject_name", "unit", "recognition", "year", "summary", "body", "slug", "published_at", "first_published_at", "counts_toward_column", "created_by_id", "updated_at", "created_at", "_status" FROM \`model_stories\`;`)
  await db.run(sql`DROP TABLE \`model_stories\`;`)
  await db.run(sql`ALTER TABLE \`__new_model_stories\` RENAME TO \`model_stories\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`model_stories_slug_idx\` ON \`model_stories\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`model_stories_published_at_idx\` ON \`model_stories\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`model_stories_first_published_at_idx\` ON \`model_stories\` (\`first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`model_stories_created_by_idx\` ON \`model_stories\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`model_stories_updated_at_idx\` ON \`model_stories\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`model_stories_created_at_idx\` ON \`model_stories\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`model_stories__status_idx\` ON \`model_stories\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__model_stories_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_kind\` text,
  	\`version_subject_name\` text,
  	\`version_unit\` text,
  	\`version_recognition\` text,
  	\`version_year\` numeric,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_slug\` text,
  	\`version_published_at\` text,
  	\`version_first_published_at\` text,
  	\`version_counts_toward_column\` integer DEFAULT false,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`model_stories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__model_stories_v\`("id", "parent_id", "version_title", "version_kind", "version_subject_name", "version_unit", "version_recognition", "version_year", "version_summary", "version_body", "version_slug", "version_published_at", "version_first_published_at", "version_counts_toward_column", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_kind", "version_subject_name", "version_unit", "version_recognition", "version_year", "version_summary", "version_body", "version_slug", "version_published_at", "version_first_published_at", "version_counts_toward_column", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_model_stories_v\`;`)
  await db.run(sql`DROP TABLE \`_model_stories_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__model_stories_v\` RENAME TO \`_model_stories_v\`;`)
  await db.run(sql`CREATE INDEX \`_model_stories_v_parent_idx\` ON \`_model_stories_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_model_stories_v_version_version_slug_idx\` ON \`_model_stories_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_model_stories_v_version_version_published_at_idx\` ON \`_model_stories_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_model_stories_v_version_version_first_published_at_idx\` ON \`_model_stories_v\` (\`version_first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_model_stories_v_version_version_created_by_idx\` ON \`_model_stories_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_model_stories_v_version_version_updated_at_idx\` ON \`_model_stories_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_model_stories_v_version_version_created_at_idx\` ON \`_model_stories_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_model_stories_v_version_version__status_idx\` ON \`_model_stories_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_model_stories_v_created_at_idx\` ON \`_model_stories_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_model_stories_v_updated_at_idx\` ON \`_model_stories_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_model_stories_v_latest_idx\` ON \`_model_stories_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_teaching_resources\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`summary\` text,
  	\`subject\` text,
  	\`kind\` text,
  	\`video_url\` text,
  	\`duration_minutes\` numeric,
  	\`license\` text DEFAULT 'CC BY 4.0',
  	\`slug\` text,
  	\`published_at\` text,
  	\`first_published_at\` text,
  	\`counts_toward_column\` integer DEFAULT false,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_teaching_resources\`("id", "title", "summary", "subject", "kind", "video_url", "duration_minutes", "license", "slug", "published_at", "first_published_at", "counts_toward_column", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "title", "summary", "subject", "kind", "video_url", "duration_minutes", "license", "slug", "published_at", "first_published_at", "counts_toward_column", "created_by_id", "updated_at", "created_at", "_status" FROM \`teaching_resources\`;`)
  await db.run(sql`DROP TABLE \`teaching_resources\`;`)
  await db.run(sql`ALTER TABLE \`__new_teaching_resources\` RENAME TO \`teaching_resources\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`teaching_resources_slug_idx\` ON \`teaching_resources\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`teaching_resources_published_at_idx\` ON \`teaching_resources\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`teaching_resources_first_published_at_idx\` ON \`teaching_resources\` (\`first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`teaching_resources_created_by_idx\` ON \`teaching_resources\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`teaching_resources_updated_at_idx\` ON \`teaching_resources\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`teaching_resources_created_at_idx\` ON \`teaching_resources\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`teaching_resources__status_idx\` ON \`teaching_resources\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__teaching_resources_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_subject\` text,
  	\`version_kind\` text,
  	\`version_video_url\` text,
  	\`version_duration_minutes\` numeric,
  	\`version_license\` text DEFAULT 'CC BY 4.0',
  	\`version_slug\` text,
  	\`version_published_at\` text,
  	\`version_first_published_at\` text,
  	\`version_counts_toward_column\` integer DEFAULT false,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`teaching_resources\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__teaching_resources_v\`("id", "parent_id", "version_title", "version_summary", "version_subject", "version_kind", "version_video_url", "version_duration_minutes", "version_license", "version_slug", "version_published_at", "version_first_published_at", "version_counts_toward_column", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_summary", "version_subject", "version_kind", "version_video_url", "version_duration_minutes", "version_license", "version_slug", "version_published_at", "version_first_published_at", "version_counts_toward_column", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_teaching_resources_v\`;`)
  await db.run(sql`DROP TABLE \`_teaching_resources_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__teaching_resources_v\` RENAME TO \`_teaching_resources_v\`;`)
  await db.run(sql`CREATE INDEX \`_teaching_resources_v_parent_idx\` ON \`_teaching_resources_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_teaching_resources_v_version_version_slug_idx\` ON \`_teaching_resources_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_teaching_resources_v_version_version_published_at_idx\` ON \`_teaching_resources_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_teaching_resources_v_version_version_first_published_at_idx\` ON \`_teaching_resources_v\` (\`version_first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_teaching_resources_v_version_version_created_by_idx\` ON \`_teaching_resources_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_teaching_resources_v_version_version_updated_at_idx\` ON \`_teaching_resources_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_teaching_resources_v_version_version_created_at_idx\` ON \`_teaching_resources_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_teaching_resources_v_version_version__status_idx\` ON \`_teaching_resources_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_teaching_resources_v_created_at_idx\` ON \`_teaching_resources_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_teaching_resources_v_updated_at_idx\` ON \`_teaching_resources_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_teaching_resources_v_latest_idx\` ON \`_teaching_resources_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_topics\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_topics\`("id", "title", "slug", "updated_at", "created_at") SELECT "id", "title", "slug", "updated_at", "created_at" FROM \`topics\`;`)
  await db.run(sql`DROP TABLE \`topics\`;`)
  await db.run(sql`ALTER TABLE \`__new_topics\` RENAME TO \`topics\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`topics_slug_idx\` ON \`topics\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`topics_updated_at_idx\` ON \`topics\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`topics_created_at_idx\` ON \`topics\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`caption\` text,
  	\`credit\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_hero_url\` text,
  	\`sizes_hero_width\` numeric,
  	\`sizes_hero_height\` numeric,
  	\`sizes_hero_mime_type\` text,
  	\`sizes_hero_filesize\` numeric,
  	\`sizes_hero_filename\` text,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_media\`("id", "alt", "caption", "credit", "created_by_id", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_thumbnail_url", "sizes_thumbnail_width", "sizes_thumbnail_height", "sizes_thumbnail_mime_type", "sizes_thumbnail_filesize", "sizes_thumbnail_filename", "sizes_card_url", "sizes_card_width", "sizes_card_height", "sizes_card_mime_type", "sizes_card_filesize", "sizes_card_filename", "sizes_hero_url", "sizes_hero_width", "sizes_hero_height", "sizes_hero_mime_type", "sizes_hero_filesize", "sizes_hero_filename") SELECT "id", "alt", "caption", "credit", "created_by_id", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_thumbnail_url", "sizes_thumbnail_width", "sizes_thumbnail_height", "sizes_thumbnail_mime_type", "sizes_thumbnail_filesize", "sizes_thumbnail_filename", "sizes_card_url", "sizes_card_width", "sizes_card_height", "sizes_card_mime_type", "sizes_card_filesize", "sizes_card_filename", "sizes_hero_url", "sizes_hero_width", "sizes_hero_height", "sizes_hero_mime_type", "sizes_hero_filesize", "sizes_hero_filename" FROM \`media\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`ALTER TABLE \`__new_media\` RENAME TO \`media\`;`)
  await db.run(sql`CREATE INDEX \`media_created_by_idx\` ON \`media\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_hero_sizes_hero_filename_idx\` ON \`media\` (\`sizes_hero_filename\`);`)
  await db.run(sql`CREATE TABLE \`__new_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_documents\`("id", "title", "created_by_id", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y") SELECT "id", "title", "created_by_id", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y" FROM \`documents\`;`)
  await db.run(sql`DROP TABLE \`documents\`;`)
  await db.run(sql`ALTER TABLE \`__new_documents\` RENAME TO \`documents\`;`)
  await db.run(sql`CREATE INDEX \`documents_created_by_idx\` ON \`documents\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`documents_updated_at_idx\` ON \`documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`documents_created_at_idx\` ON \`documents\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`documents_filename_idx\` ON \`documents\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`model_stories_id\` integer,
  	\`teaching_resources_id\` integer,
  	\`topics_id\` integer,
  	\`media_id\` integer,
  	\`documents_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`model_stories_id\`) REFERENCES \`model_stories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`teaching_resources_id\`) REFERENCES \`teaching_resources\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "model_stories_id", "teaching_resources_id", "topics_id", "media_id", "documents_id", "users_id") SELECT "id", "order", "parent_id", "path", "articles_id", "model_stories_id", "teaching_resources_id", "topics_id", "media_id", "documents_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_model_stories_id_idx\` ON \`payload_locked_documents_rels\` (\`model_stories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_teaching_resources_id_idx\` ON \`payload_locked_documents_rels\` (\`teaching_resources_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`role\` text DEFAULT 'contributor' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`platform_role\`;`)
}

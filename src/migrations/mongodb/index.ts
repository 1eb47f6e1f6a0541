// MongoDB is schemaless: only data migrations.
import * as migration_20261203_schools from './20261203_schools';
import * as migration_20261203_site_builds from './20261203_site_builds';

export const migrations = [
  { up: migration_20261203_schools.up, down: migration_20261203_schools.down, name: '20261203_schools' },
  { up: migration_20261203_site_builds.up, down: migration_20261203_site_builds.down, name: '20261203_site_builds' },
];

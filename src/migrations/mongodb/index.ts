// MongoDB is schemaless: only data migrations.
import * as migration_20261203_schools from './20261203_schools';

export const migrations = [
  { up: migration_20261203_schools.up, down: migration_20261203_schools.down, name: '20261203_schools' },
];

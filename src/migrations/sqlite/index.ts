import * as migration_20261124_083543_initial from './20261124_083543_initial';

export const migrations = [
  {
    up: migration_20261124_083543_initial.up,
    down: migration_20261124_083543_initial.down,
    name: '20261124_083543_initial'
  },
];

import * as migration_20261124_083543_initial from './20261124_083543_initial';
import * as migration_20261124_091604_site_build_status from './20261124_091604_site_build_status';

export const migrations = [
  {
    up: migration_20261124_083543_initial.up,
    down: migration_20261124_083543_initial.down,
    name: '20261124_083543_initial',
  },
  {
    up: migration_20261124_091604_site_build_status.up,
    down: migration_20261124_091604_site_build_status.down,
    name: '20261124_091604_site_build_status'
  },
];

import * as migration_20261124_083543_initial from './20261124_083543_initial';
import * as migration_20261124_091604_site_build_status from './20261124_091604_site_build_status';
import * as migration_20261202_132028_build_status_missing_files from './20261202_132028_build_status_missing_files';
import * as migration_20261203_070915_schools from './20261203_070915_schools';
import * as migration_20261203_101553_site_builds_per_school from './20261203_101553_site_builds_per_school';
import * as migration_20261203_102239_district_records_and_self_reports from './20261203_102239_district_records_and_self_reports';
import * as migration_20261203_134948_mail_outbox_and_reminders from './20261203_134948_mail_outbox_and_reminders';

export const migrations = [
  {
    up: migration_20261124_083543_initial.up,
    down: migration_20261124_083543_initial.down,
    name: '20261124_083543_initial',
  },
  {
    up: migration_20261124_091604_site_build_status.up,
    down: migration_20261124_091604_site_build_status.down,
    name: '20261124_091604_site_build_status',
  },
  {
    up: migration_20261202_132028_build_status_missing_files.up,
    down: migration_20261202_132028_build_status_missing_files.down,
    name: '20261202_132028_build_status_missing_files',
  },
  {
    up: migration_20261203_070915_schools.up,
    down: migration_20261203_070915_schools.down,
    name: '20261203_070915_schools',
  },
  {
    up: migration_20261203_101553_site_builds_per_school.up,
    down: migration_20261203_101553_site_builds_per_school.down,
    name: '20261203_101553_site_builds_per_school',
  },
  {
    up: migration_20261203_102239_district_records_and_self_reports.up,
    down: migration_20261203_102239_district_records_and_self_reports.down,
    name: '20261203_102239_district_records_and_self_reports',
  },
  {
    up: migration_20261203_134948_mail_outbox_and_reminders.up,
    down: migration_20261203_134948_mail_outbox_and_reminders.down,
    name: '20261203_134948_mail_outbox_and_reminders'
  },
];

/** The built school's public settings (src/site-loader/school.ts). */
export { type PublicPolicy, publicPolicy } from '../../site-loader/school';

/** The key date for the home page: the one going on now (the Action Month), else the next one. Rules in src/domain/key-dates.ts. */
import { keyDateStatus } from '../../domain/key-dates';
import type { Campaign } from '../../domain/vocabulary';
import { CAMPAIGN_PAGES } from './urls';

export function nextKeyDate(now: Date): {
  campaign: Campaign;
  label: string;
  date: Date;
  daysAway: number;
  ongoing: boolean;
} {
  const status = keyDateStatus(now);
  const current = status.ongoing[0];
  if (current)
    return {
      campaign: current.campaign,
      label: CAMPAIGN_PAGES[current.campaign].short,
      date: current.start,
      daysAway: 0,
      ongoing: true,
    };
  const { next } = status;
  return {
    campaign: next.campaign,
    label: CAMPAIGN_PAGES[next.campaign].short,
    date: next.start,
    daysAway: next.daysAway,
    ongoing: false,
  };
}

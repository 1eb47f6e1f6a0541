/**
 * lich.ics as a real iCalendar parser reads it (ical.js, the parser of
 * Thunderbird and many web calendars), beside the strict reader in
 * ical-strict.ts: one shows the text is exact, this one that a calendar app
 * sees the events the product means.
 */
import ICAL from 'ical.js';

export type ParsedCalendar = { calendar: ICAL.Component; events: ICAL.Event[] };

export function parseWithIcalJs(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

/** A VTIMEZONE with one fixed offset and no daylight saving time, such as a phone's zone. */
export function fixedZone(tzid: string, offset: string): ICAL.Timezone {
  const component = new ICAL.Component(
    ICAL.parse(
      [
        'BEGIN:VTIMEZONE',
        `TZID:${tzid}`,
        'BEGIN:STANDARD',
        'DTSTART:19700101T000000',
        `TZOFFSETFROM:${offset}`,
        `TZOFFSETTO:${offset}`,
        'END:STANDARD',
        'END:VTIMEZONE',
        '',
      ].join('\r\n'),
    ),
  );
  return new ICAL.Timezone({ component, tzid });
}

/**
 * A school's `lich.ics` (iCalendar, RFC 5545) for parents and teachers to
 * subscribe to: the deadline of each quarter of the coming year, with an
 * alarm a week before, and the plan's key dates (key-dates.ts).
 *
 * Every event is an all-day DATE event: a deadline or a key date is a day in
 * Vietnam's calendar, and a DATE shows as that day on any phone, with no time
 * zone to get wrong; so the file needs no VTIMEZONE and says
 * `X-WR-TIMEZONE:Asia/Ho_Chi_Minh` only as the calendar's home zone.
 *
 * Pure and deterministic: the same school at the same moment gives the same
 * bytes; an event's UID depends only on the school's slug and the event, so a
 * calendar app that downloads the file again updates its events instead of
 * adding copies. Hand-written: the format is small, and the rules that matter
 * (CRLF, folding at 75 octets without splitting a UTF-8 character, TEXT
 * escaping) are below.
 */
import { ColumnError } from '../messages/column-error';
import { keyDateOccurrences } from './key-dates';
import { nextQuarter, quarterEnd, quarterLabel, quarterOf, quarterSlug, VIETNAM_OFFSET_MS } from './quarters';
import { VIETNAM_TIME_ZONE } from './vietnam-time';
import { CAMPAIGNS } from './vocabulary';

export const CALENDAR_FILE = 'lich.ics';
export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** The deadline's alarm: at this hour (the viewer's local time: Vietnam), this many days before the quarter's last day. */
export const DEADLINE_ALARM_DAYS = 7;
export const DEADLINE_ALARM_HOUR = 8;

const MAX_LINE_OCTETS = 75;
const DAY_MS = 24 * 60 * 60 * 1000;
const PRODID = '-//Chuyen muc Binh dang gioi//lich.ics//VI';

export type CalendarSchool = {
  /** Makes the UIDs; must stay the same for the school's events to be recognised again. */
  slug: string;
  name: string;
  /** The column's title (`columnTitle`): "Bình đẳng giới". */
  columnTitle: string;
  /** Items a quarter needs, for the deadline's description. */
  minPerQuarter?: number;
  /** The column's public address, given to every event as its URL. */
  url?: string;
};

export type CalendarEvent = {
  uid: string;
  summary: string;
  description: string;
  /** First day, `YYYYMMDD` in Vietnam's calendar. */
  start: string;
  /** The day after the last day (DTEND of an all-day event is exclusive), `YYYYMMDD`. */
  end: string;
  alarm: { trigger: string; description: string } | null;
};

function checkNow(now: Date): void {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new ColumnError('CoverageBadNow');
}

/** `YYYYMMDD` of the Vietnam day holding an instant. */
function localDay(ms: number): string {
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** `20270101T000000Z` */
function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

// The alarm is relative to the deadline day's start, so it rings at 08:00 a week before it.
const ALARM_TRIGGER = `-P${DEADLINE_ALARM_DAYS - 1}DT${24 - DEADLINE_ALARM_HOUR}H`;

/**
 * The events of the year that starts on `now`'s day (Vietnam time): each
 * quarter whose last day falls in it, and each key date running in it (the
 * Action Month under way included). Earliest first.
 */
export function calendarEvents(school: CalendarSchool, now: Date): CalendarEvent[] {
  checkNow(now);
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const year = local.getUTCFullYear();
  const today = Date.UTC(year, local.getUTCMonth(), local.getUTCDate()) - VIETNAM_OFFSET_MS;
  const yearOn = Date.UTC(year + 1, local.getUTCMonth(), local.getUTCDate()) - VIETNAM_OFFSET_MS;
  const events: CalendarEvent[] = [];
  const name = school.name.normalize('NFC');
  const column = school.columnTitle.normalize('NFC');

  for (let q = quarterOf(now); ; q = nextQuarter(q)) {
    const lastDay = quarterEnd(q).getTime() + 1 - DAY_MS;
    if (lastDay >= yearOn) break;
    const label = quarterLabel(q);
    const needed =
      school.minPerQuarter !== undefined ? `ít nhất ${school.minPerQuarter} bài được tính` : 'đủ số bài tối thiểu';
    events.push({
      uid: `han-chot-${quarterSlug(q)}.${school.slug}@binh-dang-gioi`,
      summary: `Hạn chót chuyên mục ${label}`,
      description:
        `Ngày cuối của ${label} (giờ Việt Nam). Chuyên mục "${column}" của ${name} cần có ${needed} ` +
        `trong quý; bài đăng sau ngày này không được tính cho ${label}.`,
      start: localDay(lastDay),
      end: localDay(lastDay + DAY_MS),
      alarm: {
        trigger: ALARM_TRIGGER,
        description: `Còn ${DEADLINE_ALARM_DAYS} ngày đến hạn chót chuyên mục ${label}.`,
      },
    });
  }

  for (const y of [year - 1, year, year + 1]) {
    for (const occurrence of keyDateOccurrences(y)) {
      const start = occurrence.start.getTime();
      const end = occurrence.end.getTime();
      if (end < today || start >= yearOn) continue;
      const label = CAMPAIGNS.find((c) => c.value === occurrence.campaign)!.label;
      events.push({
        uid: `${occurrence.campaign}-${y}.${school.slug}@binh-dang-gioi`,
        summary: label,
        description: `Một trong các ngày quan trọng trong năm của kế hoạch bình đẳng giới. Theo dõi chuyên mục "${column}" của ${name}.`,
        start: localDay(start),
        end: localDay(end + DAY_MS),
        alarm: null,
      });
    }
  }
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return events.sort((a, b) => order(a.start, b.start) || order(a.uid, b.uid));
}

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped,
 * every line break as `\n`; other control characters, which the format does
 * not allow, dropped.
 */
export function escapeText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

const octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * One content line folded (RFC 5545 §3.1): no physical line longer than 75
 * octets of UTF-8, each continuation starting with one space, and never a
 * break inside a character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let part = '';
  let size = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const n = octets(char.codePointAt(0)!);
    if (size + n > limit) {
      parts.push(part);
      part = '';
      size = 0;
      limit = MAX_LINE_OCTETS - 1; // the leading space is an octet of the line
    }
    part += char;
    size += n;
  }
  parts.push(part);
  return parts.join('\r\n ');
}

/** A URI value needs no TEXT escaping, so only a well-formed http(s) address may go in. */
function publicUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`The column's address must be http(s): ${JSON.stringify(value)}`);
  }
  return url.href;
}

/**
 * The address a phone subscribes to: the same file as `webcal://`, which
 * iPhone's Calendar (and most desktop calendars) open as "subscribe" rather
 * than as a one-off import. `webcal` always means HTTP(S) underneath.
 */
export function webcalUrl(calendarUrl: string): string {
  return publicUrl(calendarUrl).replace(/^https?:/, 'webcal:');
}

/** The school's `lich.ics`, CRLF line ends, folded, UTF-8 text. */
export function schoolCalendar(school: CalendarSchool, now: Date): string {
  checkNow(now);
  const text = (name: string, value: string) => `${name}:${escapeText(value)}`;
  const url = school.url === undefined ? null : publicUrl(school.url);
  const calendarName = `${school.columnTitle.normalize('NFC')} – ${school.name.normalize('NFC')}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    text('NAME', calendarName),
    text('X-WR-CALNAME', calendarName),
    text('X-WR-CALDESC', `Hạn chót theo quý và các ngày trọng điểm của chuyên mục "${school.columnTitle}".`),
    `X-WR-TIMEZONE:${VIETNAM_TIME_ZONE}`,
    'REFRESH-INTERVAL;VALUE=DURATION:P1D',
    'X-PUBLISHED-TTL:P1D',
  ];
  const stamp = utcStamp(now);
  for (const event of calendarEvents(school, now)) {
    lines.push(
      'BEGIN:VEVENT',
      text('UID', event.uid),
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${event.start}`,
      `DTEND;VALUE=DATE:${event.end}`,
      text('SUMMARY', event.summary),
      text('DESCRIPTION', event.description),
      ...(url ? [`URL:${url}`] : []),
      'TRANSP:TRANSPARENT',
    );
    if (event.alarm) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `TRIGGER:${event.alarm.trigger}`,
        text('DESCRIPTION', event.alarm.description),
        'END:VALARM',
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

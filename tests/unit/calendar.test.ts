import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';

import {
  calendarEvents,
  type CalendarSchool,
  escapeText,
  foldLine,
  schoolCalendar,
  webcalUrl,
} from '../../src/domain/calendar';
import { CAMPAIGNS } from '../../src/domain/vocabulary';
import { ColumnError } from '../../src/messages/column-error';
import { fixedZone, parseWithIcalJs } from '../support/ical';
import { type Component, events, parseCalendarStrict, prop, unescapeText } from '../support/ical-strict';

const school: CalendarSchool = {
  slug: 'thcs-nguyen-du',
  name: 'Trường THCS Nguyễn Du',
  columnTitle: 'Bình đẳng giới',
  minPerQuarter: 2,
  url: 'https://nguyendu.edu.vn/binh-dang-gioi/',
};

const calendarAt = (iso: string, s: CalendarSchool = school) => parseCalendarStrict(schoolCalendar(s, new Date(iso)));
const summaries = (calendar: Component) => events(calendar).map((e) => prop(e, 'SUMMARY')!.value);
const byUid = (calendar: Component) => new Map(events(calendar).map((e) => [prop(e, 'UID')!.value, e]));
const utf8Length = (s: string) => new TextEncoder().encode(s).length;

describe('lich.ics: what a school publishes for the coming year', () => {
  it('from 15/12/2026: the four quarter deadlines and the key dates, earliest first', () => {
    const calendar = calendarAt('2026-12-15T03:00:00Z');
    expect(
      events(calendar).map((e) => [prop(e, 'DTSTART')!.value, prop(e, 'DTEND')!.value, prop(e, 'SUMMARY')!.value]),
    ).toEqual([
      // The Action Month is still under way today (its last day is 15/12): all of it is listed.
      [
        '20261115',
        '20261216',
        'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới (15/11–15/12)',
      ],
      // Year rollover: Q4's deadline is this year's 31/12, the next ones are in 2027.
      ['20261231', '20270101', 'Hạn chót chuyên mục Quý IV/2026'],
      ['20270308', '20270309', 'Ngày Quốc tế Phụ nữ 8/3'],
      ['20270320', '20270321', 'Ngày Quốc tế Hạnh phúc 20/3'],
      ['20270331', '20270401', 'Hạn chót chuyên mục Quý I/2027'],
      ['20270628', '20270629', 'Ngày Gia đình Việt Nam 28/6'],
      ['20270630', '20270701', 'Hạn chót chuyên mục Quý II/2027'],
      ['20270930', '20271001', 'Hạn chót chuyên mục Quý III/2027'],
      [
        '20271115',
        '20271216',
        'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới (15/11–15/12)',
      ],
    ]);
    for (const e of events(calendar)) {
      expect(prop(e, 'DTSTART')!.params).toEqual({ VALUE: 'DATE' });
      expect(prop(e, 'DTEND')!.params).toEqual({ VALUE: 'DATE' });
      expect(prop(e, 'URL')!.value).toBe('https://nguyendu.edu.vn/binh-dang-gioi/');
    }
  });

  it('the year turns at Vietnam midnight, not UTC midnight', () => {
    // 23:59:59 on 31/12/2026 in Vietnam: Q4's deadline is today, so still listed.
    expect(summaries(calendarAt('2026-12-31T16:59:59Z'))).toContain('Hạn chót chuyên mục Quý IV/2026');
    // 00:00 on 1/1/2027 in Vietnam (still 31/12 in UTC): it is gone, and Q4/2027 comes in.
    const newYear = summaries(calendarAt('2026-12-31T17:00:00Z'));
    expect(newYear).not.toContain('Hạn chót chuyên mục Quý IV/2026');
    expect(newYear.filter((s) => s.startsWith('Hạn chót'))).toEqual([
      'Hạn chót chuyên mục Quý I/2027',
      'Hạn chót chuyên mục Quý II/2027',
      'Hạn chót chuyên mục Quý III/2027',
      'Hạn chót chuyên mục Quý IV/2027',
    ]);
  });

  it('a key date of today is listed; the one of next year on the same day is not (a year from today, exclusive)', () => {
    const onWomenDay = calendarAt('2027-03-07T17:00:00Z'); // 00:00 on 8/3/2027 in Vietnam
    const starts = events(onWomenDay)
      .filter((e) => prop(e, 'SUMMARY')!.value === 'Ngày Quốc tế Phụ nữ 8/3')
      .map((e) => prop(e, 'DTSTART')!.value);
    expect(starts).toEqual(['20270308']);
    const dayAfter = calendarAt('2027-03-08T17:00:00Z');
    expect(
      events(dayAfter)
        .filter((e) => prop(e, 'SUMMARY')!.value === 'Ngày Quốc tế Phụ nữ 8/3')
        .map((e) => prop(e, 'DTSTART')!.value),
    ).toEqual(['20280308']);
  });

  it('always four deadlines, on the last day of a quarter too', () => {
    for (const iso of [
      '2027-03-30T17:00:00Z',
      '2027-04-01T00:00:00Z',
      '2028-02-28T17:00:00Z',
      '2027-07-15T05:00:00Z',
    ]) {
      expect(calendarEvents(school, new Date(iso)).filter((e) => e.alarm !== null)).toHaveLength(4);
    }
    expect(calendarEvents(school, new Date('2027-03-30T17:00:00Z'))[0]).toMatchObject({
      summary: 'Hạn chót chuyên mục Quý I/2027',
      start: '20270331',
    });
  });

  it('each deadline rings at 08:00 seven days before its day; key dates have no alarm', () => {
    const calendar = calendarAt('2026-12-15T03:00:00Z');
    for (const e of events(calendar)) {
      const isDeadline = prop(e, 'SUMMARY')!.value.startsWith('Hạn chót');
      expect(e.components.length).toBe(isDeadline ? 1 : 0);
      if (!isDeadline) continue;
      const alarm = e.components[0]!;
      expect(prop(alarm, 'ACTION')!.value).toBe('DISPLAY');
      // From the start of the last day (00:00): back 6 days and 16 hours is 08:00 on the day a week before.
      expect(prop(alarm, 'TRIGGER')!.value).toBe('-P6DT16H');
      expect(prop(alarm, 'DESCRIPTION')!.value).toMatch(
        /^Còn 7 ngày đến hạn chót chuyên mục Quý (I|II|III|IV)\/20\d\d\.$/,
      );
    }
  });

  it('the description says what the quarter needs', () => {
    const q1 = byUid(calendarAt('2026-12-15T03:00:00Z')).get('han-chot-2027-q1.thcs-nguyen-du@binh-dang-gioi')!;
    expect(prop(q1, 'DESCRIPTION')!.value).toBe(
      'Ngày cuối của Quý I/2027 (giờ Việt Nam). Chuyên mục "Bình đẳng giới" của Trường THCS Nguyễn Du cần có ít nhất 2 bài được tính trong quý; bài đăng sau ngày này không được tính cho Quý I/2027.',
    );
    const noMinimum = calendarEvents({ ...school, minPerQuarter: undefined }, new Date('2026-12-15T03:00:00Z'));
    expect(noMinimum.find((e) => e.start === '20270331')!.description).toContain(
      'cần có đủ số bài tối thiểu trong quý',
    );
  });

  it('names the calendar after the column and the school, with Vietnam as its zone', () => {
    const calendar = calendarAt('2026-12-15T03:00:00Z');
    expect(prop(calendar, 'X-WR-CALNAME')!.value).toBe('Bình đẳng giới – Trường THCS Nguyễn Du');
    expect(prop(calendar, 'NAME')!.value).toBe('Bình đẳng giới – Trường THCS Nguyễn Du');
    expect(prop(calendar, 'X-WR-TIMEZONE')!.value).toBe('Asia/Ho_Chi_Minh');
    expect(prop(calendar, 'METHOD')!.value).toBe('PUBLISH');
    expect(prop(calendar, 'CALSCALE')!.value).toBe('GREGORIAN');
  });

  it('DTSTAMP is the given moment in UTC', () => {
    for (const e of events(calendarAt('2026-12-15T03:04:05.678Z'))) {
      expect(prop(e, 'DTSTAMP')!.value).toBe('20261215T030405Z');
    }
  });

  it('UIDs are stable across downloads and differ between schools', () => {
    const first = byUid(calendarAt('2026-12-15T03:00:00Z'));
    const later = byUid(calendarAt('2027-02-01T03:00:00Z'));
    const shared = [...first.keys()].filter((uid) => later.has(uid));
    // Every event still ahead on 1/2/2027 keeps its UID (all but Q4/2026 and the 2026 Action Month).
    expect(shared).toHaveLength(first.size - 2);
    for (const uid of shared) {
      expect(prop(later.get(uid)!, 'SUMMARY')!.value).toBe(prop(first.get(uid)!, 'SUMMARY')!.value);
      expect(prop(later.get(uid)!, 'DTSTART')!.value).toBe(prop(first.get(uid)!, 'DTSTART')!.value);
    }
    const other = byUid(calendarAt('2026-12-15T03:00:00Z', { ...school, slug: 'thcs-le-loi' }));
    expect([...other.keys()].filter((uid) => first.has(uid))).toEqual([]);
    expect([...first.keys()]).toContain('han-chot-2027-q1.thcs-nguyen-du@binh-dang-gioi');
    expect([...first.keys()]).toContain('action-month-15-11-2027.thcs-nguyen-du@binh-dang-gioi');
  });

  it('is the same bytes for the same school and moment, with CRLF line ends only', () => {
    const a = schoolCalendar(school, new Date('2026-12-15T03:00:00Z'));
    expect(schoolCalendar(school, new Date('2026-12-15T03:00:00Z'))).toBe(a);
    expect(a.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(a.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('escapes commas, semicolons, backslashes and line breaks in every text the school chose', () => {
    const tricky: CalendarSchool = {
      ...school,
      name: 'Trường THCS A; B, C \\ D',
      columnTitle: 'Giới, gia đình; trẻ em\nDòng 2\r\nDòng 3',
    };
    const text = schoolCalendar(tricky, new Date('2026-12-15T03:00:00Z'));
    // The strict reader refuses any unescaped , or ; in a TEXT value, and unknown escapes.
    const calendar = parseCalendarStrict(text);
    expect(prop(calendar, 'X-WR-CALNAME')!.value).toBe(
      'Giới, gia đình; trẻ em\nDòng 2\nDòng 3 – Trường THCS A; B, C \\ D',
    );
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'X-WR-CALNAME:Giới\\, gia đình\\; trẻ em\\nDòng 2\\nDòng 3 – Trường THCS A\\; B\\, C \\\\ D\r\n',
    );
    for (const e of events(calendar)) expect(prop(e, 'DESCRIPTION')!.value).toContain('Trường THCS A; B, C \\ D');
  });

  it('refuses a moment that is not one, and a column address that is not http(s)', () => {
    expect(() => schoolCalendar(school, new Date('nope'))).toThrow(ColumnError);
    expect(() => schoolCalendar({ ...school, url: 'javascript:alert(1)' }, new Date())).toThrow(TypeError);
    expect(() => schoolCalendar({ ...school, url: 'not a url' }, new Date())).toThrow(TypeError);
    const noUrl = parseCalendarStrict(schoolCalendar({ ...school, url: undefined }, new Date('2026-12-15T03:00:00Z')));
    expect(events(noUrl).every((e) => prop(e, 'URL') === undefined)).toBe(true);
  });
});

describe('lich.ics as ical.js reads it (a real parser; time zones)', () => {
  const LABEL = Object.fromEntries(CAMPAIGNS.map((c) => [c.value, c.label])) as Record<string, string>;
  const parsedAt = (iso: string, s: CalendarSchool = school) => parseWithIcalJs(schoolCalendar(s, new Date(iso)));
  const day = (t: ICAL.Time) => t.toString(); // a DATE: "2027-03-31"
  const deadlines = (events: ICAL.Event[]) => events.filter((e) => e.summary.startsWith('Hạn chót'));

  it('every event: its summary, an all-day DATE start, and an exclusive end the day after its last day', () => {
    const { calendar, events } = parsedAt('2027-01-10T03:00:00Z');
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(events.map((e) => [e.summary, day(e.startDate), day(e.endDate)])).toEqual([
      [LABEL['women-day-8-3'], '2027-03-08', '2027-03-09'],
      [LABEL['happiness-day-20-3'], '2027-03-20', '2027-03-21'],
      ['Hạn chót chuyên mục Quý I/2027', '2027-03-31', '2027-04-01'],
      [LABEL['family-day-28-6'], '2027-06-28', '2027-06-29'],
      ['Hạn chót chuyên mục Quý II/2027', '2027-06-30', '2027-07-01'],
      ['Hạn chót chuyên mục Quý III/2027', '2027-09-30', '2027-10-01'],
      [LABEL['action-month-15-11'], '2027-11-15', '2027-12-16'],
      ['Hạn chót chuyên mục Quý IV/2027', '2027-12-31', '2028-01-01'],
    ]);
    for (const e of events) {
      expect(e.startDate.isDate, e.summary).toBe(true);
      expect(e.endDate.isDate, e.summary).toBe(true);
      // Floating: no zone at all, so each phone shows the day in its own calendar.
      expect(e.startDate.zone?.tzid).toBe('floating');
      expect(e.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBeUndefined();
      expect(e.uid).toMatch(/\.thcs-nguyen-du@binh-dang-gioi$/);
      expect(e.description).toContain('Trường THCS Nguyễn Du');
      expect(e.component.getFirstPropertyValue('url')).toBe('https://nguyendu.edu.vn/binh-dang-gioi/');
      expect(e.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    }
    expect(calendar.getAllSubcomponents('vtimezone')).toEqual([]);
  });

  it('a one-day date lasts one day; the Action Month all 31 days of 15/11–15/12', () => {
    const { events } = parsedAt('2027-01-10T03:00:00Z');
    for (const e of events) {
      const days = e.duration.toSeconds() / 86_400;
      expect(days, e.summary).toBe(e.summary === LABEL['action-month-15-11'] ? 31 : 1);
    }
    const month = events.find((e) => e.summary === LABEL['action-month-15-11'])!;
    const inside = (iso: string) => {
      const t = ICAL.Time.fromDateString(iso);
      return month.startDate.compare(t) <= 0 && t.compare(month.endDate) < 0;
    };
    expect(['2027-11-14', '2027-11-15', '2027-11-30', '2027-12-01', '2027-12-15', '2027-12-16'].map(inside)).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('each deadline has a display alarm that ical.js reads as a duration: 08:00, seven days before the day', () => {
    const { events } = parsedAt('2027-01-10T03:00:00Z');
    expect(deadlines(events)).toHaveLength(4);
    for (const e of events) {
      const alarms = e.component.getAllSubcomponents('valarm');
      if (!e.summary.startsWith('Hạn chót')) {
        expect(alarms, e.summary).toEqual([]);
        continue;
      }
      expect(alarms).toHaveLength(1);
      const alarm = alarms[0]!;
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(alarm.getFirstPropertyValue('description')).toMatch(/^Còn 7 ngày đến hạn chót chuyên mục Quý/);
      const trigger = alarm.getFirstProperty('trigger')!;
      expect(trigger.getParameter('related')).toBeUndefined(); // relative to DTSTART
      const duration = trigger.getFirstValue() as ICAL.Duration;
      expect(duration).toBeInstanceOf(ICAL.Duration);
      expect(duration.isNegative).toBe(true);
      expect(duration.toSeconds()).toBe(-(6 * 86_400 + 16 * 3_600));
      // From the deadline day's midnight: 08:00 on the day a week before.
      const rings = e.startDate.clone();
      rings.isDate = false;
      rings.addDuration(duration);
      const weekBefore = e.startDate.clone();
      weekBefore.adjust(-7, 0, 0, 0);
      expect(rings.toString()).toBe(`${weekBefore.toString()}T08:00:00`);
    }
    const q1 = events.find((e) => e.summary === 'Hạn chót chuyên mục Quý I/2027')!;
    const rings = q1.startDate.clone();
    rings.isDate = false;
    rings.addDuration(q1.component.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger') as ICAL.Duration);
    expect(rings.toString()).toBe('2027-03-24T08:00:00');
  });

  it('names the school: calendar name, description, refresh once a day', () => {
    const { calendar } = parsedAt('2027-01-10T03:00:00Z', { ...school, slug: 'thcs-le-loi', name: 'THCS Lê Lợi' });
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Bình đẳng giới – THCS Lê Lợi');
    expect(calendar.getFirstPropertyValue('name')).toBe('Bình đẳng giới – THCS Lê Lợi');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Ho_Chi_Minh');
    expect((calendar.getFirstPropertyValue('refresh-interval') as ICAL.Duration).toSeconds()).toBe(86_400);
  });

  describe('"the coming year" is the year from today in Vietnam (UTC+7), not in UTC', () => {
    const deadlineDays = (iso: string) => deadlines(parsedAt(iso).events).map((e) => day(e.startDate));

    it('23:30 on 31/12/2026 in Vietnam: Q4/2026 ends today and is listed, Q4/2027 is not yet', () => {
      expect(deadlineDays('2026-12-31T16:30:00Z')).toEqual(['2026-12-31', '2027-03-31', '2027-06-30', '2027-09-30']);
    });

    it('00:30 on 1/1/2027 in Vietnam, still 31/12/2026 in UTC: the four quarters of 2027', () => {
      expect(deadlineDays('2026-12-31T17:30:00Z')).toEqual(['2027-03-31', '2027-06-30', '2027-09-30', '2027-12-31']);
      const { events } = parsedAt('2026-12-31T17:30:00Z');
      // Everything lies in the Vietnam year from 1/1/2027; the 2026 Action Month is over.
      for (const e of events) {
        expect(day(e.startDate) >= '2027-01-01' && day(e.startDate) < '2028-01-01', e.summary).toBe(true);
      }
      expect(events.filter((e) => e.summary === LABEL['action-month-15-11']).map((e) => day(e.startDate))).toEqual([
        '2027-11-15',
      ]);
    });

    it('mid-year it is the twelve months from today: Q3 ends this year, Q2 next year', () => {
      // 07:00 on 1/7/2027 in Vietnam (30/6 in UTC): Q2/2027 ended yesterday.
      expect(deadlineDays('2027-06-30T17:00:00Z')).toEqual(['2027-09-30', '2027-12-31', '2028-03-31', '2028-06-30']);
      // 23:59 on 30/6/2027 in Vietnam: still Q2's last day.
      expect(deadlineDays('2027-06-30T16:59:00Z')).toEqual(['2027-06-30', '2027-09-30', '2027-12-31', '2028-03-31']);
    });
  });

  describe('all-day dates stay on their day in any phone’s zone (floating DATE values)', () => {
    const zones = [
      fixedZone('Pacific/Pago_Pago', '-1100'),
      fixedZone('America/Sao_Paulo', '-0300'),
      fixedZone('Asia/Ho_Chi_Minh', '+0700'),
      fixedZone('Pacific/Kiritimati', '+1400'),
    ];

    it('converted to UTC−11, UTC−3, UTC+7 and UTC+14, every start and end keeps its date', () => {
      const { events } = parsedAt('2027-01-10T03:00:00Z');
      for (const zone of zones) {
        for (const e of events) {
          for (const t of [e.startDate, e.endDate]) {
            const there = t.convertToZone(zone);
            expect([there.year, there.month, there.day], `${e.summary} in ${zone.tzid}`).toEqual([
              t.year,
              t.month,
              t.day,
            ]);
            expect(there.isDate).toBe(true);
          }
        }
      }
    });

    it('whereas a deadline written as Vietnam midnight in UTC would move to the day before west of Vietnam', () => {
      // What a timed DTSTART would be: 00:00 on 31/3/2027 in Vietnam = 17:00 UTC on 30/3.
      const timed = ICAL.Time.fromDateTimeString('2027-03-30T17:00:00Z');
      expect(timed.convertToZone(zones[0]!).toString()).toBe('2027-03-30T06:00:00');
      expect(timed.convertToZone(zones[2]!).toString()).toBe('2027-03-31T00:00:00');
      const q1 = parsedAt('2027-01-10T03:00:00Z').events.find((e) => e.summary === 'Hạn chót chuyên mục Quý I/2027')!;
      expect(q1.startDate.convertToZone(zones[0]!).toString()).toBe('2027-03-31');
    });
  });
});

describe('the subscribe address', () => {
  it('is the same file as webcal://, for https and http alike', () => {
    expect(webcalUrl('https://nguyendu.edu.vn/binh-dang-gioi/lich.ics')).toBe(
      'webcal://nguyendu.edu.vn/binh-dang-gioi/lich.ics',
    );
    expect(webcalUrl('http://localhost:4321/thcs-le-loi/binh-dang-gioi/lich.ics')).toBe(
      'webcal://localhost:4321/thcs-le-loi/binh-dang-gioi/lich.ics',
    );
  });

  it('refuses anything that is not an http(s) address', () => {
    expect(() => webcalUrl('javascript:alert(1)')).toThrow(TypeError);
    expect(() => webcalUrl('/binh-dang-gioi/lich.ics')).toThrow(TypeError);
  });
});

describe('TEXT escaping (RFC 5545 §3.3.11)', () => {
  it.each([
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['a\\b', 'a\\\\b'],
    ['a\nb', 'a\\nb'],
    ['a\r\nb', 'a\\nb'],
    ['a\rb', 'a\\nb'],
    ['\\n is not a newline', '\\\\n is not a newline'],
    ['tab\tkept, bell\u0007 dropped', 'tab\tkept\\, bell dropped'],
  ])('%j → %j', (input, escaped) => {
    expect(escapeText(input)).toBe(escaped);
    expect(unescapeText(escaped)).toBe(input.replace(/\r\n?/g, '\n').replace('\u0007', ''));
  });

  it('writes Vietnamese in NFC, whatever form it came in', () => {
    const decomposed = 'Giới'.normalize('NFD');
    expect(escapeText(decomposed)).toBe('Giới'.normalize('NFC'));
    expect(escapeText(decomposed).length).toBeLessThan(decomposed.length);
  });
});

describe('folding at 75 octets (RFC 5545 §3.1)', () => {
  const physical = (folded: string) => folded.split('\r\n');
  const unfold = (folded: string) => folded.replace(/\r\n /g, '');

  it('leaves a line of exactly 75 octets alone and folds the 76th', () => {
    const exactly = `SUMMARY:${'a'.repeat(67)}`;
    expect(foldLine(exactly)).toBe(exactly);
    const longer = `${exactly}b`;
    expect(physical(foldLine(longer))).toEqual([exactly, ' b']);
  });

  it('counts octets, not characters: three-octet Vietnamese letters never split', () => {
    // 'ệ' is U+1EC7: three octets in UTF-8.
    const line = `X:${'ệ'.repeat(40)}`; // 2 + 120 octets
    const lines = physical(foldLine(line));
    expect(lines[0]).toBe(`X:${'ệ'.repeat(24)}`); // 2 + 72 = 74: a 25th would make 77
    expect(lines[1]).toBe(` ${'ệ'.repeat(16)}`);
    expect(lines.map(utf8Length)).toEqual([74, 49]);
    expect(unfold(foldLine(line))).toBe(line);
  });

  it('a continuation line holds 74 octets after its space', () => {
    const line = 'a'.repeat(75 + 74 + 10);
    expect(physical(foldLine(line)).map(utf8Length)).toEqual([75, 75, 11]);
  });

  it('two-octet letters and four-octet characters fill a line up to, not over, 75 octets', () => {
    const line = `X:${'ư'.repeat(50)}${'😀'.repeat(30)}`;
    const lines = physical(foldLine(line));
    for (const l of lines) {
      expect(utf8Length(l)).toBeLessThanOrEqual(75);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(l))).toBe(l);
      expect(l).not.toMatch(/[\uD800-\uDBFF]$/); // no surrogate pair split
    }
    expect(utf8Length(lines[0]!)).toBe(74); // 2 + 36 × 2; one more would be 76
    expect(unfold(foldLine(line))).toBe(line);
  });

  it('every physical line of a real calendar is within 75 octets and decodes on its own', () => {
    const long: CalendarSchool = {
      ...school,
      name: 'Trường Trung học cơ sở Nguyễn Đình Chiểu, phường Bến Nghé, Thành phố Hồ Chí Minh',
      columnTitle: 'Bình đẳng giới và phòng, chống bạo lực trên cơ sở giới trong trường học',
    };
    const text = schoolCalendar(long, new Date('2026-12-15T03:00:00Z'));
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    for (const l of lines) expect(utf8Length(l)).toBeLessThanOrEqual(75);
    // parseCalendarStrict decodes each physical line by itself, fatal on a split character.
    expect(prop(parseCalendarStrict(text), 'X-WR-CALNAME')!.value).toBe(`${long.columnTitle} – ${long.name}`);
  });
});

describe('the strict reader the tests rely on refuses what a lenient parser forgives', () => {
  const good = schoolCalendar(school, new Date('2026-12-15T03:00:00Z'));
  it.each([
    ['a bare LF', good.replace('VERSION:2.0\r\n', 'VERSION:2.0\n'), /bare LF/],
    ['a line over 75 octets', good.replace('METHOD:PUBLISH', `METHOD:PUBLISH${'x'.repeat(70)}`), /octets/],
    ['an unescaped comma', good.replace('SUMMARY:Hạn chót chuyên mục', 'SUMMARY:Hạn chót, chuyên mục'), /unescaped ,/],
    ['an unknown escape', good.replace('SUMMARY:Hạn chót', 'SUMMARY:Hạn\\tchót'), /unknown escape/],
    ['a missing END', good.replace('END:VALARM\r\n', ''), /closes/],
    ['a repeated UID', good.replace(/UID:women-day-8-3-2027/, 'UID:happiness-day-20-3-2027'), /twice/],
  ])('%s', (_what, text, error) => {
    expect(() => parseCalendarStrict(text)).toThrow(error);
  });

  it('a fold inside a character', () => {
    const bytes = new TextEncoder().encode('BEGIN:VCALENDAR\r\nX-WR-CALNAME:Gi\u1edbi\r\nEND:VCALENDAR\r\n');
    const at = bytes.indexOf(0xe1); // the first octet of 'ớ'
    const split = new Uint8Array([...bytes.subarray(0, at + 1), 0x0d, 0x0a, 0x20, ...bytes.subarray(at + 1)]);
    expect(() => parseCalendarStrict(split)).toThrow(/split a character/);
  });
});

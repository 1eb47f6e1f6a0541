/**
 * Dates and times as people in Vietnam read them, in Vietnam's time whatever
 * the machine's zone: "01/08/2022", "07:00 01/08/2022". Intl's own Vietnamese
 * format; the site, the dashboard, the coverage and district reports all call
 * this.
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const date = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const dateTimeSeconds = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** "05/03/2024" (the day in Vietnam). */
export function formatVietnamDate(when: Date | string | number): string {
  return date.format(new Date(when));
}

/** "07:00 01/08/2022" (Vietnam time); with `seconds`, "07:00:05 01/08/2022". */
export function formatVietnamDateTime(when: Date | string | number, options: { seconds?: boolean } = {}): string {
  return (options.seconds ? dateTimeSeconds : dateTime).format(new Date(when));
}

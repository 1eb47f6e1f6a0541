/**
 * Dates and times as people in Vietnam read them, in Vietnam's time whatever
 * the machine's zone: "07:00 01/08/2022". Intl's own Vietnamese format.
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "07:00 01/08/2022" (Vietnam time). */
export function formatVietnamDateTime(when: Date | string): string {
  return dateTime.format(new Date(when));
}

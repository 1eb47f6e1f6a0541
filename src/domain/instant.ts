/**
 * Timestamps the column accepts: full ISO 8601 with a time zone, on a real
 * calendar day. `new Date('2026-02-30T00:00:00Z')` silently becomes 2 March;
 * "2022-03-31" alone would be read as UTC midnight (07:00 in Vietnam).
 */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Date would silently roll 2022-02-30 over to 2 March. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function isIsoInstant(value: string): boolean {
  const match = ISO_INSTANT.exec(value);
  return (
    Boolean(match) && !Number.isNaN(new Date(value).getTime()) && isCalendarDate(+match![1]!, +match![2]!, +match![3]!)
  );
}

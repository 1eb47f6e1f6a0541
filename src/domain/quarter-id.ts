/** Quarter ids are written `YYYY-Qn` (e.g. `2022-Q1`). */

export type QuarterId = `${number}-Q${1 | 2 | 3 | 4}`;

const QUARTER_ID = /^(\d{4})-Q([1-4])$/;

export function isQuarterId(value: string): value is QuarterId {
  return QUARTER_ID.test(value);
}

export function parseQuarterId(value: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const match = QUARTER_ID.exec(value);
  if (!match) throw new Error(`"${value}" is not a quarter id; expected YYYY-Qn such as 2022-Q1`);
  return { year: Number(match[1]), quarter: Number(match[2]) as 1 | 2 | 3 | 4 };
}

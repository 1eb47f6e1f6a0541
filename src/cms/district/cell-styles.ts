import type { CSSProperties } from 'react';

import { cellStatusCode, type DistrictCell } from '../../domain/district';

/**
 * The district report's colours (src/domain/district.ts's page, the
 * workbook), with dark text on each so the words read in the admin's dark
 * theme too. The words in the cell say the status; colour only repeats it.
 */
const BY_STATUS: Record<ReturnType<typeof cellStatusCode>, CSSProperties> = {
  covered: { background: '#dcfce7', color: '#14532d' },
  missed: { background: '#fecaca', color: '#7f1d1d', fontWeight: 600 },
  'in-progress': { background: '#fef3c7', color: '#78350f' },
  'not-tracked': {},
  'no-data': {
    background: 'repeating-linear-gradient(45deg,#f3f4f6,#f3f4f6 6px,#e5e7eb 6px,#e5e7eb 12px)',
    color: '#111827',
  },
};

export const TABLE_EDGE = '1px solid var(--theme-elevation-150)';

export function cellStyle(cell: DistrictCell): CSSProperties {
  const late = cell.kind === 'reported' && cell.late > 0;
  return {
    border: TABLE_EDGE,
    padding: '4px 8px',
    verticalAlign: 'top',
    ...BY_STATUS[cellStatusCode(cell)],
    ...(late ? { outline: '2px dashed #b45309', outlineOffset: -3 } : {}),
  };
}

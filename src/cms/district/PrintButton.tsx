'use client';

/** The page's "In báo cáo" button: the browser's own print dialog, with the page's print styles. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} data-print-button>
      {label}
    </button>
  );
}

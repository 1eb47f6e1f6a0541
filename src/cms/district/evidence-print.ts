/**
 * The evidence page's styles. On paper: no admin navigation or header, black
 * on white, each school on its own pages, the hash in monospace and whole.
 * Plain CSS in a <style> tag: the admin has no stylesheet pipeline for a
 * custom view, and the rules must reach Payload's own elements (.nav,
 * .app-header) to hide them.
 */
/** The print button's words (tests find it by them: this file imports nothing of the admin). */
export const PRINT_LABEL = 'In báo cáo';

export const EVIDENCE_CSS = `
.evidence-hash { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Courier New', monospace; word-break: break-all; }
.evidence-table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
.evidence-table th, .evidence-table td { border: 1px solid var(--theme-elevation-150, #999); padding: 4px 8px; text-align: left; vertical-align: top; }
.evidence-table ul { margin: 0; padding-left: 18px; }
.evidence-address { display: block; font-size: 0.85em; word-break: break-all; }
.evidence-note { display: block; margin-top: 4px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  .nav, .app-header, .template-default__nav-toggler-wrapper, [data-noprint] { display: none !important; }
  .template-default, .template-default__wrap, .gutter--left, .gutter--right { padding: 0 !important; margin: 0 !important; }
  html, body, .template-default, .template-default__wrap, [data-evidence], [data-evidence] * {
    background: #fff !important; color: #000 !important; box-shadow: none !important;
  }
  [data-evidence] { font-size: 10.5pt; }
  .evidence-table th, .evidence-table td { border-color: #000 !important; }
  .evidence-table tr { break-inside: avoid; }
  .evidence-page + .evidence-page { break-before: page; page-break-before: always; }
  [data-evidence] a { text-decoration: none; }
}
`;

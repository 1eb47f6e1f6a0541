import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { type DOMReadyEvent, HtmlValidate, Rule } from 'html-validate';

/**
 * What the W3C Nu checker found in Payload's list HTML and html-validate's
 * element table allows: a `value` on an item of a bulleted list (`<li value>`
 * is an `<ol>` item's attribute only).
 */
class ListItemValueOnlyInOl extends Rule {
  override setup() {
    this.on('dom:ready', (event: DOMReadyEvent) => {
      for (const item of event.document.querySelectorAll('ul > li[value], menu > li[value]')) {
        this.report(item, '<li value> is allowed only inside <ol>');
      }
    });
  }
}

const validator = new HtmlValidate({
  extends: ['html-validate:standard'],
  plugins: [{ name: 'column', rules: { 'column/li-value-only-in-ol': ListItemValueOnlyInOl } }],
  rules: {
    'column/li-value-only-in-ol': 'error',
    // The site's CSP forbids inline styles, and React spellings are not HTML.
    'no-inline-style': 'error',
    'attr-case': 'error',
  },
});

export type HtmlProblem = { file: string; line: number; rule: string; message: string };

/** Every problem html-validate finds in the .html files under `dir`. */
export async function validateHtmlTree(dir: string): Promise<{ files: number; problems: HtmlProblem[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name));
  const problems: HtmlProblem[] = [];
  for (const file of files) {
    const report = await validator.validateString(await readFile(file, 'utf8'), file);
    for (const result of report.results) {
      for (const m of result.messages)
        problems.push({ file: path.relative(dir, file), line: m.line, rule: m.ruleId, message: m.message });
    }
  }
  return { files: files.length, problems };
}

/** The problems in one fragment, checked inside a minimal valid page. */
export async function validateFragment(fragment: string): Promise<string[]> {
  const page = `<!doctype html><html lang="vi"><head><title>t</title></head><body><main>${fragment}</main></body></html>`;
  const report = await validator.validateString(page, 'fragment.html');
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
}

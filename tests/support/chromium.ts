/**
 * The one way tests and benchmarks start a browser: Debian's Chromium
 * (playwright-core downloads none), headless, with the flags that keep it
 * quiet and reproducible in a container. `CHROMIUM_PATH` points elsewhere.
 */
import { existsSync } from 'node:fs';

import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** No sandbox (containers run as root), no GPU, no background traffic that would skew timings. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const hasChromium = existsSync(CHROMIUM);

/**
 * True when Chromium is there; otherwise says loudly, once per suite, that
 * `what` is skipped and how to install it, so a green run without a browser
 * never passes for a tested one.
 */
export function chromiumOrWarn(what: string): boolean {
  if (!hasChromium) {
    console.warn(
      `\n!!! SKIPPED: ${what} need Debian's Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).\n`,
    );
  }
  return hasChromium;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

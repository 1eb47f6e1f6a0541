/**
 * Runs once when the Next server boots. The check lives in a Node-only module
 * (it exits the process), loaded only in the Node runtime.
 */
export async function register(): Promise<void> {
  // Not src/settings.ts: Next replaces this literal `process.env.NEXT_RUNTIME` at
  // compile time, per runtime, so the edge bundle drops the Node-only import.
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./instrumentation-node');
}

/**
 * Runs once when the Next server boots. The check lives in a Node-only module
 * (it exits the process), loaded only in the Node runtime.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./instrumentation-node');
}

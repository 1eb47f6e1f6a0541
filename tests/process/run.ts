import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

export type RunResult = { code: number | null; stdout: string; stderr: string; ms: number };

/** Runs a project entry point the way npm scripts do, with a clean environment. */
export function run(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
  timeoutMs = 60_000,
): Promise<RunResult> {
  const started = Date.now();
  const baseEnv = { PATH: `${path.join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`, HOME: process.env.HOME };
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...baseEnv, ...env } as unknown as NodeJS.ProcessEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/**
 * The site's one on-request page (the draft preview) and Astro's image
 * endpoint run in Astro's Node server, built into dist/server/. The static
 * server forwards those requests to it, running it as a child process on a
 * loopback port and restarting it when a new build has been swapped in (a
 * child process, because Node cannot unload the previous build's modules).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { type IncomingMessage, request, type ServerResponse } from 'node:http';
import { renderMessage } from '../../src/messages/catalogue';
import { childEnvironment } from '../../src/settings';
import { freePort } from './ports';
import { serverEntry } from './site-dist';

type Running = { child: ChildProcess; port: number; build: string; log: string[] };

export class RenderServer {
  private running: Promise<Running | undefined> | undefined;

  constructor(
    private readonly dist: string,
    private readonly env: Record<string, string | undefined> = childEnvironment(),
  ) {}

  /** Forwards one request; answers 503 in Vietnamese when the build has no server part or it will not start. */
  async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = await this.current();
    if (!target) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(renderMessage('PreviewServerUnavailable').text);
      return;
    }
    const upstream = request(
      {
        host: '127.0.0.1',
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: req.headers.host ?? `127.0.0.1:${target.port}` },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent)
        res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(renderMessage('PreviewServerNoAnswer').text);
    });
    req.pipe(upstream);
  }

  async stop(): Promise<void> {
    const running = await this.running?.catch(() => undefined);
    this.running = undefined;
    if (running) await kill(running.child);
  }

  /** The child for the build now in dist/, started or restarted as needed. */
  private async current(): Promise<Running | undefined> {
    const build = await buildId(this.dist);
    const previous = this.running;
    const running = await previous?.catch(() => undefined);
    if (running && running.build === build && running.child.exitCode === null) return running;
    if (previous !== this.running) return this.current(); // another request restarted it meanwhile
    this.running = (async () => {
      if (running) await kill(running.child);
      return build ? start(this.dist, build, this.env) : undefined;
    })();
    return this.running.catch(() => undefined);
  }
}

async function buildId(dist: string): Promise<string> {
  const info = await stat(serverEntry(dist)).catch(() => undefined);
  return info ? `${info.ino}:${info.mtimeMs}` : '';
}

async function start(dist: string, build: string, env: Record<string, string | undefined>): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [serverEntry(dist)], {
    env: { ...env, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never outlive the server that started it.
  const orphanGuard = () => child.kill('SIGTERM');
  process.once('exit', orphanGuard);
  child.once('exit', () => process.off('exit', orphanGuard));
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 50) log.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000), redirect: 'manual' });
      return { child, port, build, log };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await kill(child);
  throw new Error(`the preview server did not start:\n${log.join('').slice(-2000)}`);
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

// Operations endpoints: GET /healthz (the process is alive) and GET /readyz (ready to take work, and the
// checks behind it), as Bolt custom routes on Slack's PORT or on a small server of their own (HEALTH_PORT).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What /readyz reports: ready or not, and one short word or line per check ("ok", "starting", "timed out"). */
export interface Readiness {
  ready: boolean;
  checks: Record<string, string>;
}

/** Says whether the bot can take work; called on every /readyz, bounded by a timeout. */
export type HealthCheck = () => Promise<Readiness>;

/** A /readyz check that takes longer than this counts as not ready (an orchestrator's probe waits ~1–10 s). */
export const HEALTH_CHECK_TIMEOUT_MS = 2_000;

export const alwaysReady: HealthCheck = async () => ({ ready: true, checks: {} });

/** Runs a health check; never throws: a failure or a timeout is "not ready", with the reason as its check. */
export async function checkReadiness(health: HealthCheck, timeoutMs = HEALTH_CHECK_TIMEOUT_MS): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, checks: { health: `timed out after ${timeoutMs} ms` } }), timeoutMs);
  });
  try {
    return await Promise.race([health(), timedOut]);
  } catch (error) {
    return { ready: false, checks: { health: `failed: ${(error as Error).message}` } };
  } finally {
    clearTimeout(timer);
  }
}

/** A route as Bolt's `customRoutes` takes it (and as the HEALTH_PORT server dispatches it). */
export interface HealthRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/**
 * Readiness without the named checks (`/readyz?ignore=discord`): ready when every other check is "ok". A
 * proxy routing Slack requests can so keep a replica whose Discord connection is down.
 */
export function ignoring(readiness: Readiness, ignored: ReadonlySet<string>): Readiness {
  if (ignored.size === 0) return readiness;
  return { ready: Object.entries(readiness.checks).every(([name, check]) => ignored.has(name) || check === 'ok'), checks: readiness.checks };
}

/** The check names after `?ignore=` (repeated, or comma-separated). */
function ignoredChecks(url: string | undefined): Set<string> {
  const params = new URL(url ?? '/', 'http://localhost').searchParams;
  return new Set(params.getAll('ignore').flatMap((value) => value.split(',')).map((name) => name.trim()).filter(Boolean));
}

/**
 * GET /healthz → 200 "ok"; GET /readyz → 200 or 503 with `{ "ready": bool, "checks": {…} }`;
 * GET /readyz?ignore=name,… → the same, ready without those checks.
 */
export function healthRoutes(health: HealthCheck, timeoutMs = HEALTH_CHECK_TIMEOUT_MS): HealthRoute[] {
  return [
    {
      path: '/healthz',
      method: ['GET', 'HEAD'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('ok');
      },
    },
    {
      path: '/readyz',
      method: ['GET', 'HEAD'],
      handler: (req, res) => {
        const ignored = ignoredChecks(req.url);
        void checkReadiness(health, timeoutMs).then((checked) => {
          const readiness = ignoring(checked, ignored);
          const body = JSON.stringify({ ready: readiness.ready, checks: readiness.checks });
          res.writeHead(readiness.ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
        });
      },
    },
  ];
}

export interface HealthServer {
  /** The port it listens on (useful with HEALTH_PORT=0). */
  port(): number;
  close(): Promise<void>;
}

/** Serves /healthz and /readyz on their own port, for Socket Mode and Discord, which need no HTTP server. */
export async function startHealthServer(options: { port: number; host?: string; health: HealthCheck; timeoutMs?: number }): Promise<HealthServer> {
  const routes = healthRoutes(options.health, options.timeoutMs);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes.find((r) => r.path === path);
    if (!route) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    if (!route.method.includes(req.method ?? 'GET')) return void res.writeHead(405, { allow: route.method.join(', ') }).end();
    route.handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(Object.assign(new Error(`[health] could not listen on HEALTH_PORT ${options.port} (${error.code ?? error.message})`), { cause: error })),
    );
    if (options.host === undefined) server.listen(options.port, () => resolve());
    else server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: () => (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

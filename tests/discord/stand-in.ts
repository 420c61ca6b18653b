// A local stand-in for Discord on 127.0.0.1: the REST API routes the bot uses (recording every request,
// with scripted failures) and a WebSocket gateway speaking Discord's uncompressed JSON protocol.
// https://discord.com/developers/docs/events/gateway
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { APP_ID, BOT_USER, guildCreate, messageObject, snowflake } from './payloads.js';

export type Json = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, e.g. /channels/123/messages. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Json;
  /** The status the stand-in answered with. */
  status: number;
}

export interface ScriptedFailure {
  method: string;
  path: RegExp;
  status: number;
  body?: Json;
  headers?: Record<string, string>;
  /** Never answer (the connection stays open until close()); recorded with status 0. */
  hang?: true;
}

const GATEWAY_OPS = { dispatch: 0, heartbeat: 1, identify: 2, resume: 6, hello: 10, heartbeatAck: 11 } as const;

export class GatewayStandIn {
  readonly sockets = new Set<WebSocket>();
  readonly identifies: Json[] = [];
  /** The URL each connection asked for (discord.js appends ?v=10&encoding=json). */
  readonly connectionUrls: string[] = [];
  heartbeats = 0;
  private sequence = 0;

  private constructor(
    private readonly server: WebSocketServer,
    readonly url: string,
    private readonly options: { heartbeatInterval: number; guildIds: string[] },
  ) {
    server.on('connection', (socket, request) => this.accept(socket, request.url ?? ''));
  }

  static async start(options: { heartbeatInterval?: number; guildIds: string[] }): Promise<GatewayStandIn> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    return new GatewayStandIn(server, `ws://127.0.0.1:${port}`, { heartbeatInterval: options.heartbeatInterval ?? 1000, guildIds: options.guildIds });
  }

  private send(socket: WebSocket, payload: Json): void {
    socket.send(JSON.stringify(payload));
  }

  private accept(socket: WebSocket, url: string): void {
    this.sockets.add(socket);
    this.connectionUrls.push(url);
    socket.on('close', () => this.sockets.delete(socket));
    this.send(socket, { op: GATEWAY_OPS.hello, d: { heartbeat_interval: this.options.heartbeatInterval }, s: null, t: null });
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: Json };
      if (payload.op === GATEWAY_OPS.heartbeat) {
        this.heartbeats++;
        this.send(socket, { op: GATEWAY_OPS.heartbeatAck, d: null, s: null, t: null });
      } else if (payload.op === GATEWAY_OPS.identify) {
        this.identifies.push(payload.d);
        // Guilds start unavailable in READY, as on Discord; ClientReady waits for their GUILD_CREATE.
        this.dispatchTo(socket, 'READY', {
          v: 10,
          user: BOT_USER,
          guilds: this.options.guildIds.map((id) => ({ id, unavailable: true })),
          session_id: `session-${snowflake()}`,
          resume_gateway_url: this.url,
          shard: [0, 1],
          application: { id: APP_ID, flags: 0 },
        });
        for (const id of this.options.guildIds) this.dispatchTo(socket, 'GUILD_CREATE', guildCreate(id));
      } else if (payload.op === GATEWAY_OPS.resume) {
        this.dispatchTo(socket, 'RESUMED', {});
      }
    });
  }

  private dispatchTo(socket: WebSocket, t: string, d: Json): void {
    this.send(socket, { op: GATEWAY_OPS.dispatch, t, s: ++this.sequence, d });
  }

  /** Sends an event to every connected client. */
  dispatch(t: string, d: Json): void {
    for (const socket of this.sockets) this.dispatchTo(socket, t, d);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export class DiscordStandIn {
  readonly requests: RecordedRequest[] = [];
  private readonly failures: ScriptedFailure[] = [];

  private constructor(
    private readonly server: Server,
    readonly gateway: GatewayStandIn,
    /** The REST base for discord.js's `rest.api` option and DISCORD_API_URL. */
    readonly apiUrl: string,
  ) {}

  static async start(options: { guildIds: string[]; heartbeatInterval?: number }): Promise<DiscordStandIn> {
    const gateway = await GatewayStandIn.start(options);
    let standIn: DiscordStandIn | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const { status, body, headers, hang } = standIn?.route(req.method ?? 'GET', req.url ?? '/', req.headers, raw) ?? { status: 500 };
        if (hang) return;
        res.writeHead(status, { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    standIn = new DiscordStandIn(server, gateway, `http://127.0.0.1:${port}/api`);
    return standIn;
  }

  /** The next request matching `method` and `path` gets this answer instead (once per call). */
  failNext(failure: ScriptedFailure): void {
    this.failures.push(failure);
  }

  /** The next request matching `method` and `path` never gets an answer (once per call). */
  hangNext(match: { method: string; path: RegExp }): void {
    this.failures.push({ ...match, status: 0, hang: true });
  }

  private route(method: string, url: string, headers: IncomingHttpHeaders, raw: string): { status: number; body?: unknown; headers?: Record<string, string>; hang?: true } {
    const parsed = new URL(url, 'http://127.0.0.1');
    const path = decodeURIComponent(parsed.pathname).replace(/^\/api\/v10/, '');
    let body: Json = {};
    try {
      body = raw ? (JSON.parse(raw) as Json) : {};
    } catch {
      body = { raw };
    }
    const record = (status: number) => this.requests.push({ method, path, query: parsed.searchParams, headers, body, status });
    const scripted = this.failures.findIndex((f) => f.method === method && f.path.test(path));
    const failure = scripted >= 0 ? this.failures.splice(scripted, 1)[0] : undefined;
    if (failure) {
      record(failure.status);
      if (failure.hang) return { status: 0, hang: true };
      return { status: failure.status, body: failure.body ?? { message: 'scripted failure', code: 0 }, headers: failure.headers };
    }
    const answer = this.answer(method, path, body);
    record(answer.status);
    return answer;
  }

  private answer(method: string, path: string, body: Json): { status: number; body?: unknown } {
    const key = `${method} ${path}`;
    if (key === 'GET /gateway/bot') {
      return { status: 200, body: { url: this.gateway.url, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } } };
    }
    if (key === 'GET /applications/@me') return { status: 200, body: { id: APP_ID, name: 'Rights Bot', description: '', bot_public: true, bot_require_code_grant: false, flags: 0 } };
    let match = /^POST \/channels\/(\d+)\/messages$/.exec(key);
    if (match?.[1]) return { status: 200, body: messageObject(match[1], body) };
    // Interaction callbacks answer 204 with no body (unless with_response=true, which the bot never asks for).
    if (/^POST \/interactions\/\d+\/[^/]+\/callback$/.test(key)) return { status: 204 };
    match = /^(PATCH \/webhooks\/\d+\/[^/]+\/messages\/@original|POST \/webhooks\/\d+\/[^/]+)$/.exec(key);
    if (match) return { status: 200, body: messageObject('0', body) };
    if (/^PUT \/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(key) && Array.isArray(body)) {
      return { status: 200, body: (body as Json[]).map((c) => ({ ...c, id: snowflake(), application_id: APP_ID, version: snowflake() })) };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  /** Requests so far matching `method` and `path`. */
  calls(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** Waits until `count` requests match, then returns them. */
  async waitFor(method: string, path: RegExp, count = 1, timeoutMs = 5000): Promise<RecordedRequest[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls(method, path);
      if (found.length >= count) return found;
      if (Date.now() > deadline) throw new Error(`stand-in: expected ${count} × ${method} ${path}, got ${found.length}; saw ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

// A local stand-in for Slack on 127.0.0.1: the Web API (given to the adapter as SLACK_API_URL), the
// response_url endpoints, optionally Socket Mode's WebSocket, and OAuth: the authorize page (beside the Web
// API, as on slack.com) and oauth.v2.access, which answers each workspace's own bot token for its `code`.
// It records what reaches it and can be told to fail (Slack error codes, HTTP errors, 429 with Retry-After).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One Web API call as the stand-in received it; JSON-encoded form values (blocks) are decoded. */
export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  authorization?: string;
}

/** One POST to a response_url. */
export interface ResponsePost {
  name: string;
  body: Record<string, unknown>;
}

/** How the next call to a method (or a response_url) should fail; `hang` never answers (until stop()). */
export type Fault = { error: string } | { status: number; retryAfter?: number } | { hang: true };

export const BOT_USER_ID = 'UBOT0001';
export const BOT_ID = 'BBOT0001';

/** A workspace that can install the app through OAuth: oauth.v2.access hands out its `botToken`. */
export interface StandInWorkspace {
  team: string;
  name?: string;
  botToken: string;
}

/** What the authorize page received (the query of Bolt's "Add to Slack" link). */
export interface AuthorizeVisit {
  team: string;
  params: Record<string, string>;
}

export class SlackStandIn {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  /** Messages the adapter sent over the Socket Mode WebSocket (acks). */
  readonly socketMessages: Record<string, unknown>[] = [];
  /** What users.info says of a user, over a plain member's defaults (set per test: `{ is_admin: true }`). */
  readonly users = new Map<string, Record<string, unknown>>();
  /** What conversations.info says of a channel, over the defaults (created by U0CREATOR). */
  readonly channels = new Map<string, Record<string, unknown>>();
  /** Workspaces that can install the app, by team id. */
  readonly workspaces = new Map<string, StandInWorkspace>();
  readonly authorizeVisits: AuthorizeVisit[] = [];
  /** The app's Redirect URL, as in its Slack settings: where the authorize page sends the browser back. */
  oauthRedirectUrl?: string;
  /** The app's credentials; oauth.v2.access refuses others. */
  oauthClient?: { id: string; secret: string };
  /** OAuth codes handed out and not yet exchanged, with their workspace. */
  private readonly codes = new Map<string, string>();
  private readonly faults = new Map<string, Fault[]>();
  private readonly sockets = new Set<WebSocket>();
  private server?: Server;
  private wss?: WebSocketServer;

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.route(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: '/link' });
    this.wss.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('message', (data) => this.socketMessages.push(JSON.parse(String(data)) as Record<string, unknown>));
      socket.on('close', () => this.sockets.delete(socket));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0RIGHTS' } }));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()));
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  /** The Web API base URL, as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  responseUrl(name: string): string {
    return `${this.origin}/respond/${name}`;
  }

  /** Makes the next call(s) to `target` (a Web API method, or `respond/<name>`) fail, in order. */
  fail(target: string, ...faults: Fault[]): void {
    this.faults.set(target, [...(this.faults.get(target) ?? []), ...faults]);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(name: string): ResponsePost[] {
    return this.responses.filter((r) => r.name === name);
  }

  /** Sends a Socket Mode envelope to every connected client. */
  sendEnvelope(envelope: Record<string, unknown>): void {
    for (const socket of this.sockets) socket.send(JSON.stringify(envelope));
  }

  get socketCount(): number {
    return this.sockets.size;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', this.origin).pathname;
    if (path.startsWith('/respond/')) {
      const name = path.slice('/respond/'.length);
      const fault = this.faults.get(`respond/${name}`)?.shift();
      this.responses.push({ name, body: JSON.parse(raw || '{}') as Record<string, unknown> });
      if (fault && 'hang' in fault) return;
      if (fault && 'status' in fault) return send(res, fault.status, 'expired_url', fault.retryAfter);
      return send(res, 200, 'ok');
    }
    if (path === '/oauth/v2/authorize') return this.authorize(new URL(req.url ?? '/', this.origin).searchParams, res);
    if (!path.startsWith('/api/')) return send(res, 404, 'not found');
    const method = path.slice('/api/'.length);
    const params = parseParams(raw, req.headers['content-type']);
    this.calls.push({ method, params, authorization: req.headers.authorization });
    const fault = this.faults.get(method)?.shift();
    if (fault && 'hang' in fault) return;
    if (fault && 'status' in fault) return send(res, fault.status, JSON.stringify({ ok: false, error: 'http_error' }), fault.retryAfter);
    if (fault) return send(res, 200, JSON.stringify({ ok: false, error: fault.error }));
    return send(res, 200, JSON.stringify(this.answer(method, params, req.headers.authorization)));
  }

  /**
   * Slack's authorize page, once the user picked a workspace (`team`, as Slack's own parameter preselects it)
   * and clicked Allow: back to the redirect URL with a one-time code and the `state` unchanged.
   */
  private authorize(params: URLSearchParams, res: ServerResponse): void {
    const team = params.get('team') ?? '';
    const redirect = params.get('redirect_uri') ?? this.oauthRedirectUrl;
    this.authorizeVisits.push({ team, params: Object.fromEntries(params) });
    if (!this.workspaces.has(team) || !redirect || (this.oauthClient && params.get('client_id') !== this.oauthClient.id)) return send(res, 400, 'bad authorize request');
    const code = `code-${team}-${Math.random().toString(36).slice(2)}`;
    this.codes.set(code, team);
    const back = new URL(redirect);
    back.searchParams.set('code', code);
    back.searchParams.set('state', params.get('state') ?? '');
    res.writeHead(302, { location: back.toString() }).end();
  }

  /** oauth.v2.access: the code's workspace and its own bot token; a code works once. */
  private exchange(params: Record<string, unknown>): Record<string, unknown> {
    if (this.oauthClient && (params.client_id !== this.oauthClient.id || params.client_secret !== this.oauthClient.secret)) return { ok: false, error: 'invalid_client_id' };
    const team = this.codes.get(String(params.code));
    const workspace = team !== undefined ? this.workspaces.get(team) : undefined;
    if (!workspace) return { ok: false, error: 'invalid_code' };
    this.codes.delete(String(params.code));
    return {
      ok: true,
      app_id: 'A0RIGHTS',
      authed_user: { id: 'U0INSTALLER' },
      scope: 'app_mentions:read,chat:write,commands,im:history,users:read,channels:read,groups:read',
      token_type: 'bot',
      access_token: workspace.botToken,
      bot_user_id: BOT_USER_ID,
      team: { id: workspace.team, name: workspace.name ?? workspace.team },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  private answer(method: string, params: Record<string, unknown>, authorization?: string): Record<string, unknown> {
    switch (method) {
      case 'oauth.v2.access':
        return this.exchange(params);
      case 'users.info': {
        const id = String(params.user);
        return { ok: true, user: { id, name: 'member', is_admin: false, is_owner: false, is_primary_owner: false, ...this.users.get(id) } };
      }
      case 'conversations.info': {
        const id = String(params.channel);
        return { ok: true, channel: { id, name: 'general', is_channel: true, creator: 'U0CREATOR', ...this.channels.get(id) } };
      }
      case 'auth.test': {
        const installed = [...this.workspaces.values()].find((w) => authorization === `Bearer ${w.botToken}`);
        if (installed) return { ok: true, url: `https://${installed.team.toLowerCase()}.slack.com/`, team: installed.name ?? installed.team, user: 'rights-bot', team_id: installed.team, user_id: BOT_USER_ID, bot_id: BOT_ID };
        return { ok: true, url: 'https://rights-test.slack.com/', team: 'Rights Test', user: 'rights-bot', team_id: 'T0TEST', user_id: BOT_USER_ID, bot_id: BOT_ID };
      }
      case 'apps.connections.open':
        return { ok: true, url: `${this.origin.replace('http', 'ws')}/link` };
      case 'chat.postMessage':
        return { ok: true, channel: 'C0TEST', ts: `${Date.now() / 1000}` };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${Date.now() / 1000}` };
      default:
        return { ok: true };
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string, retryAfter?: number): void {
  const headers: Record<string, string> = { 'content-type': body.startsWith('{') ? 'application/json' : 'text/plain' };
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  res.writeHead(status, headers).end(body);
}

/** The Web API client posts forms whose nested values (blocks) are JSON strings. */
function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return params;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Polls until `check` returns something truthy (for work that finishes after the HTTP response). */
export async function waitFor<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

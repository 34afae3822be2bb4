// Puts the app on a socket (@hono/node-server) and shuts it down gracefully: on SIGTERM/SIGINT
// stop accepting connections, let requests in flight finish (up to SHUTDOWN_GRACE_MS), close
// idle keep-alive sockets, then close the store.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, defaultLog, type AppOptions } from './app.js';

/** Time given to requests in flight after a shutdown signal before their sockets are closed. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface ListenOptions extends AppOptions {
  port?: number;
  host?: string;
  /** Close the store when the server stops (default true). */
  closeStore?: boolean;
  /** Install SIGTERM/SIGINT handlers that stop the server (default false: the caller decides). */
  handleSignals?: boolean;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8787 */
  url: string;
  port: number;
  server: Server;
  /** Stops accepting, waits for requests in flight (bounded), closes the store. Idempotent. */
  stop(): Promise<void>;
}

export async function startServer(opts: ListenOptions): Promise<RunningServer> {
  const app = createApp(opts);
  const log = opts.log ?? defaultLog;
  const host = opts.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 8787, hostname: host }, () => resolve(s as Server));
    (s as Server).once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${port}`;

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      log({ time: new Date().toISOString(), level: 'info', msg: 'shutting down', url });
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      grace.unref();
      await closed;
      clearTimeout(grace);
      if (opts.closeStore !== false) await opts.store.close();
      log({ time: new Date().toISOString(), level: 'info', msg: 'stopped' });
    })());

  if (opts.handleSignals) {
    const onSignal = (sig: NodeJS.Signals) => {
      log({ time: new Date().toISOString(), level: 'info', msg: `received ${sig}` });
      stop().then(
        () => process.exit(0),
        (e) => {
          log({ time: new Date().toISOString(), level: 'error', msg: 'shutdown failed', error: String(e) });
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { url, port, server, stop };
}

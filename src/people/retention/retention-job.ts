import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RetentionService } from './retention.service';

/**
 * Not at boot: a start (migrations, a rolling restart of several instances) is busy enough, and a
 * command that boots the app's modules (seed:demo, keys:rotate) ends long before this.
 */
const FIRST_RUN_AFTER_MS = 10 * 60_000;
const EVERY_MS = 24 * 60 * 60_000;

/**
 * The daily retention run inside the app (RetentionService; `npm run retention:apply` runs the same
 * by hand). Each instance schedules it; the run's lock lets one instance at a time through and the
 * others skip. The next run is scheduled when one ends, so runs of one instance never overlap.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionJob.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly retention: RetentionService) {}

  onApplicationBootstrap(): void {
    this.schedule(FIRST_RUN_AFTER_MS);
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(afterMs: number): void {
    this.timer = setTimeout(() => {
      this.retention
        .apply()
        .catch((error: Error) => this.logger.warn(`retention run failed, next in a day: ${error.message}`))
        .finally(() => {
          if (this.timer) this.schedule(EVERY_MS);
        });
    }, afterMs);
    // A pending run must never keep a stopping process alive.
    this.timer.unref();
  }
}

import { Logger } from '@nestjs/common';
import type { RetentionService } from './retention.service';
import { RetentionJob } from './retention-job';

/** The job's schedule alone (the run itself is test/retention.e2e-spec.ts): clock faked, run counted. */
describe('RetentionJob', () => {
  const MINUTE = 60_000;
  const DAY = 24 * 60 * MINUTE;
  let runs: number;
  let job: RetentionJob;

  beforeEach(() => {
    jest.useFakeTimers();
    runs = 0;
    const retention = { apply: () => Promise.resolve(void runs++) } as unknown as RetentionService;
    job = new RetentionJob(retention);
  });
  afterEach(() => {
    job.onApplicationShutdown();
    jest.useRealTimers();
  });

  it('runs ten minutes after the start, then once a day', async () => {
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(9 * MINUTE);
    expect(runs).toBe(0);
    await jest.advanceTimersByTimeAsync(MINUTE);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(DAY - MINUTE);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(MINUTE);
    expect(runs).toBe(2);
    await jest.advanceTimersByTimeAsync(3 * DAY);
    expect(runs).toBe(5);
  });

  it('keeps its daily rhythm after a failed run', async () => {
    const failing = {
      apply: () => {
        runs++;
        return Promise.reject(new Error('database unavailable'));
      },
    } as unknown as RetentionService;
    const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    job = new RetentionJob(failing);
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10 * MINUTE + 2 * DAY);
    expect(runs).toBe(3);
    expect(warned).toHaveBeenCalledTimes(3);
    warned.mockRestore();
  });

  it('runs no more once the app stops', async () => {
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10 * MINUTE);
    job.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(5 * DAY);
    expect(runs).toBe(1);
  });
});

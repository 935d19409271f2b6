/** Whether a count is published, and its value when it is. */
export interface Disclosed {
  count: number | null;
  suppressed: boolean;
}

export const disclose = (count: number, hidden: boolean): Disclosed =>
  hidden ? { count: null, suppressed: true } : { count, suppressed: false };

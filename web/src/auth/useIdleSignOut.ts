import { useEffect, useState } from 'react';
import { signOut } from './session';

/** A shared laptop left open signs itself out (the issue: 15 idle minutes). */
export const IDLE_LIMIT_MS = 15 * 60 * 1000;
/** The last minute is announced, with a way to stay. */
export const IDLE_WARNING_MS = 60 * 1000;
const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'touchstart', 'wheel', 'pointerdown'] as const;
const CHANNEL = 'safe-return-activity';
/** Other tabs of the app hear of activity at most this often. */
const SHARE_EVERY_MS = 5000;

/**
 * Signs out after IDLE_LIMIT_MS without mouse, keyboard or touch. Time is read from the clock on
 * every tick, not counted in ticks, so a laptop that slept past the limit signs out on waking.
 * Activity in another tab of the app counts too (BroadcastChannel): using one tab must not end
 * the sign-in the other tabs share. Returns the seconds left while the warning is due.
 */
export function useIdleSignOut(active: boolean): { secondsLeft: number | undefined; stay: () => void } {
  const [secondsLeft, setSecondsLeft] = useState<number | undefined>(undefined);
  const [stayToken, setStayToken] = useState(0);

  useEffect(() => {
    if (!active) return;
    let lastActivity = Date.now();
    let lastShared = 0;
    const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);
    const onActivity = () => {
      lastActivity = Date.now();
      if (channel && lastActivity - lastShared > SHARE_EVERY_MS) {
        lastShared = lastActivity;
        channel.postMessage('active');
      }
    };
    if (channel) channel.onmessage = () => (lastActivity = Date.now());
    for (const event of ACTIVITY_EVENTS)
      window.addEventListener(event, onActivity, { passive: true, capture: true });
    const tick = setInterval(() => {
      const idle = Date.now() - lastActivity;
      if (idle >= IDLE_LIMIT_MS) {
        clearInterval(tick);
        setSecondsLeft(undefined);
        void signOut('idle');
      } else if (idle >= IDLE_LIMIT_MS - IDLE_WARNING_MS) {
        setSecondsLeft(Math.ceil((IDLE_LIMIT_MS - idle) / 1000));
      } else {
        setSecondsLeft(undefined);
      }
    }, 1000);
    return () => {
      clearInterval(tick);
      channel?.close();
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, onActivity, { capture: true });
      setSecondsLeft(undefined);
    };
  }, [active, stayToken]);

  return { secondsLeft, stay: () => setStayToken((n) => n + 1) };
}

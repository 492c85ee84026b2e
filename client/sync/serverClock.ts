/**
 * The server's clock as seen from this device: an offset measured over `/api/time`, so the timer
 * reads the same on every screen whatever each device's own clock says.
 *
 * Why: tablet clocks drift by seconds or minutes; a countdown anchored to each device's clock would
 * end at different moments around the room. Each sample halves the round trip (NTP-style); the
 * sample with the shortest round trip wins, as it has the smallest error.
 */
import { setClockOffset } from '../store/connection.ts';
import { useStore } from '../store/store.ts';

/** Current time on the server, ms since the epoch, as well as this device can tell. */
export function serverNow(): number {
  return Date.now() + useStore.getState().clockOffset;
}

/** Measures the offset a few times now, then every few minutes while the board is open. */
export function startServerClock(samples = 3, everyMs = 5 * 60_000): () => void {
  let stopped = false;
  const measure = async () => {
    let best: { rtt: number; offset: number } | null = null;
    for (let i = 0; i < samples && !stopped; i++) {
      try {
        const sent = Date.now();
        const res = await fetch('/api/time', { cache: 'no-store' });
        const { now } = (await res.json()) as { now: number };
        const received = Date.now();
        const rtt = received - sent;
        const offset = now - (sent + rtt / 2);
        if (!best || rtt < best.rtt) best = { rtt, offset };
      } catch {
        return; // offline: keep the last offset
      }
    }
    if (best && !stopped) setClockOffset(Math.round(best.offset));
  };
  void measure();
  const timer = setInterval(() => void measure(), everyMs);
  const online = () => void measure();
  window.addEventListener('online', online);
  return () => {
    stopped = true;
    clearInterval(timer);
    window.removeEventListener('online', online);
  };
}

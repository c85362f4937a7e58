// Active coding time: time counts only while the tab is visible and the coder interacted (key,
// mouse, scroll, touch) within the last minute, so a screen left open over lunch adds nothing.
// The screen takes what accumulated with each save and gives it back if the save fails.
import { useCallback, useEffect, useRef } from 'react';

const IDLE_AFTER_MS = 60_000;
const TICK_MS = 1_000;
// A throttled background timer can fire late; never count more than this for one tick.
const MAX_TICK_MS = 2 * TICK_MS;
const INTERACTIONS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'scroll', 'touchstart'] as const;

export interface ActiveTime {
  /** Whole seconds accumulated since the last take; the remainder keeps counting. */
  take: () => number;
  /** Returns seconds whose save failed, to send with the next one. */
  giveBack: (seconds: number) => void;
}

export function useActiveTime(): ActiveTime {
  const activeMsRef = useRef(0);

  useEffect(() => {
    // Arriving on the screen is itself an interaction (a click, Enter, J or K).
    let lastInteraction = Date.now();
    let lastTick = Date.now();
    const onInteraction = () => {
      lastInteraction = Date.now();
    };
    // Capture: scroll events of inner elements do not bubble, but they do pass the window first.
    for (const type of INTERACTIONS) window.addEventListener(type, onInteraction, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (document.visibilityState === 'visible' && now - lastInteraction <= IDLE_AFTER_MS) {
        activeMsRef.current += Math.min(now - lastTick, MAX_TICK_MS);
      }
      lastTick = now;
    }, TICK_MS);
    return () => {
      window.clearInterval(timer);
      for (const type of INTERACTIONS) window.removeEventListener(type, onInteraction, { capture: true });
    };
  }, []);

  const take = useCallback(() => {
    const seconds = Math.floor(activeMsRef.current / 1000);
    activeMsRef.current -= seconds * 1000;
    return seconds;
  }, []);
  const giveBack = useCallback((seconds: number) => {
    activeMsRef.current += seconds * 1000;
  }, []);
  return { take, giveBack };
}

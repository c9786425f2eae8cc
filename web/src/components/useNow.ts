// The time now, ticking every `ms`: for countdowns that repaint on their own.
import { useEffect, useState } from "preact/hooks";

export function useNow(ms = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

// New-order alerts on every dashboard tab: a chime, the count in the page title, a badge on the
// Orders tab, a banner, and a system notification where the browser allows one. Browsers let a
// page play sound only after a click on it, so sound is armed by a click after every load.

import { signal } from "@preact/signals";
import { useEffect, useRef, useState } from "preact/hooks";
import type { LiveRow } from "../../data/live";
import type { BoardOrder } from "../../data/orders";
import { t } from "../../i18n";

let audio: AudioContext | null = null;
export const soundOn = signal(false);

/** Must run in a click handler: that is what lets the page make sound. */
export function armSound(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume();
    soundOn.value = true;
  } catch {
    soundOn.value = false; // no audio here (some kiosks, headless browsers)
  }
}

function chime(): void {
  if (!audio || audio.state !== "running") return;
  const t = audio.currentTime;
  for (const [i, freq] of [880, 1175].entries()) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.2, t + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.001, t + i * 0.18 + 0.5);
    osc.connect(gain).connect(audio.destination);
    osc.start(t + i * 0.18);
    osc.stop(t + i * 0.18 + 0.5);
  }
}

export const notificationsAllowed = signal(
  typeof Notification !== "undefined" && Notification.permission === "granted",
);

export async function askForNotifications(): Promise<void> {
  if (typeof Notification === "undefined") return;
  notificationsAllowed.value = (await Notification.requestPermission()) === "granted";
}

function systemNotification(order: LiveRow<BoardOrder>): void {
  if (!notificationsAllowed.value || typeof Notification === "undefined") return;
  try {
    new Notification(t("alerts.title"), {
      body: t("alerts.body", { name: order.customerName ?? t("alert.aCustomer") }),
      tag: order.id,
    });
  } catch {
    // some browsers allow notifications only from a service worker: the banner still shows
  }
}

/** Orders placed since the dashboard opened and not yet answered; each arrival chimes once. */
export function useArrivals(orders: LiveRow<BoardOrder>[] | undefined): LiveRow<BoardOrder>[] {
  const known = useRef<Set<string> | null>(null);
  const [arrived, setArrived] = useState<string[]>([]);
  useEffect(() => {
    if (!orders) return;
    const placed = orders.filter((o) => o.status === "placed");
    if (known.current === null) {
      known.current = new Set(placed.map((o) => o.id)); // already waiting when the page opened
      return;
    }
    const fresh = placed.filter((o) => !known.current!.has(o.id));
    if (fresh.length === 0) return;
    fresh.forEach((o) => known.current!.add(o.id));
    chime();
    fresh.forEach(systemNotification);
    setArrived((a) => [...a, ...fresh.map((o) => o.id)]);
  }, [orders]);
  return (orders ?? []).filter((o) => o.status === "placed" && arrived.includes(o.id));
}

/** "(2) New orders · Dishpatch" while orders wait for an answer. */
export function useWaitingTitle(waiting: number): void {
  useEffect(() => {
    document.title = waiting ? t("alerts.titleWaiting", { n: waiting }) : t("alerts.titleDashboard");
    return () => {
      document.title = "Dishpatch";
    };
  }, [waiting]);
}

// This browser as a push device: with the user's permission, an FCM token (through the app's own
// service worker, which shows the pushes) registered in users/{uid}/devices/dN, where the backend
// subscribes it to the user's topics in the device's language. Only where a VAPID key is
// configured (VITE_FCM_VAPID_KEY): without one the app never offers it.

import { collection, doc, getDocs, serverTimestamp, setDoc } from "firebase/firestore/lite";
import { LIMITS, paths, type Language } from "@domain";
import { app } from "../firebase/app";
import { liteDb } from "../firebase/lite";
import { offersPush } from "./offer";

const VAPID_KEY: string = import.meta.env.VITE_FCM_VAPID_KEY ?? "";
/** Which slot and token this browser registered, per user. */
const STORAGE_KEY = "dishpatch.device";

interface Registered {
  uid: string;
  slot: string;
  token: string;
}

function registered(uid: string): Registered | null {
  try {
    const r = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null") as Registered | null;
    return r?.uid === uid ? r : null;
  } catch {
    return null;
  }
}

/** Whether to offer push here: configured, possible in this browser, not refused, not done. */
export function pushOffered(uid: string): boolean {
  const canNotify = typeof Notification !== "undefined";
  return offersPush({
    vapidKey: VAPID_KEY,
    canNotify,
    canPush: "serviceWorker" in navigator && "PushManager" in window,
    permission: canNotify ? Notification.permission : "denied",
    registered: registered(uid) !== null,
  });
}

/** A free slot (d0…d4), or the oldest device's: a new device takes over the oldest. */
async function slotFor(uid: string): Promise<string> {
  const snap = await getDocs(collection(liteDb, paths.devices(uid)));
  const taken = new Map(snap.docs.map((d) => [d.id, d.get("createdAt")?.toMillis?.() ?? 0]));
  for (let i = 0; i < LIMITS.maxDevices; i++) if (!taken.has(`d${i}`)) return `d${i}`;
  return [...taken.entries()].sort((a, b) => a[1] - b[1])[0][0];
}

/** Asks for permission, gets the FCM token and registers the device. Throws when refused. */
export async function enablePush(uid: string, language: Language): Promise<void> {
  if ((await Notification.requestPermission()) !== "granted") throw new Error("permission-denied");
  const { getMessaging, getToken } = await import("firebase/messaging");
  const token = await getToken(getMessaging(app), {
    vapidKey: VAPID_KEY,
    serviceWorkerRegistration: await navigator.serviceWorker.ready,
  });
  const slot = await slotFor(uid);
  await writeDevice(uid, slot, token, language);
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ uid, slot, token } satisfies Registered));
}

// The rules take a device document whole, stamped with the server's time.
const writeDevice = (uid: string, slot: string, token: string, language: Language) =>
  setDoc(doc(liteDb, paths.device(uid, slot)), {
    token,
    language,
    userAgent: navigator.userAgent.slice(0, LIMITS.maxUserAgentLength),
    createdAt: serverTimestamp(),
  });

/** After a switch of language: this device's pushes to shared topics follow it. */
export async function setDeviceLanguage(uid: string, language: Language): Promise<void> {
  const r = registered(uid);
  if (r) await writeDevice(uid, r.slot, r.token, language);
}

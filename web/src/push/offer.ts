// Whether the order page offers push notifications: only with a VAPID key configured, in a
// browser that can receive pushes, where nobody refused them and this device is not registered.

export interface PushPlace {
  vapidKey: string;
  canNotify: boolean;
  canPush: boolean;
  permission: "default" | "denied" | "granted";
  registered: boolean;
}

export function offersPush(p: PushPlace): boolean {
  return p.vapidKey !== "" && p.canNotify && p.canPush && p.permission !== "denied" && !p.registered;
}

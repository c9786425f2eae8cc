// Push delivery behind one small interface: FCM in production, a log line on the emulators
// (which have no FCM), so the code that decides what to send is the same in both.

import { getMessaging } from "firebase-admin/messaging";
import { logger } from "firebase-functions/v2";

export interface PushMessage {
  title: string;
  body: string;
  data: Record<string, string>;
}

export interface PushSender {
  /** Sends to each token; returns the tokens the push service says are no longer valid. */
  send(tokens: string[], message: PushMessage): Promise<{ invalidTokens: string[] }>;
}

const INVALID_TOKEN_CODES = new Set([
  "messaging/registration-token-not-registered",
  "messaging/invalid-registration-token",
  "messaging/invalid-argument",
]);

export class FcmPushSender implements PushSender {
  async send(tokens: string[], message: PushMessage): Promise<{ invalidTokens: string[] }> {
    if (tokens.length === 0) return { invalidTokens: [] };
    const res = await getMessaging().sendEachForMulticast({
      tokens,
      notification: { title: message.title, body: message.body },
      data: message.data,
      webpush: { fcmOptions: { link: message.data.link } },
    });
    const invalidTokens = res.responses.flatMap((r, i) =>
      !r.success && r.error && INVALID_TOKEN_CODES.has(r.error.code) ? [tokens[i]] : [],
    );
    return { invalidTokens };
  }
}

export class LogPushSender implements PushSender {
  readonly sent: { tokens: string[]; message: PushMessage }[] = [];
  async send(tokens: string[], message: PushMessage): Promise<{ invalidTokens: string[] }> {
    if (tokens.length === 0) return { invalidTokens: [] };
    this.sent.push({ tokens, message });
    logger.info("push (emulated, not sent)", { tokens: tokens.length, title: message.title, body: message.body });
    // Lets tests exercise the clean-up path without FCM: such tokens are reported invalid.
    return { invalidTokens: tokens.filter((t) => t.startsWith("invalid-")) };
  }
}

export function pushSender(): PushSender {
  return process.env.FUNCTIONS_EMULATOR === "true" ? new LogPushSender() : new FcmPushSender();
}

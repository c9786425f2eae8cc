// Push delivery behind one small interface: FCM in production, a log line on the emulators
// (which have no FCM), so the code that decides what to send is the same in both. Tests pass
// their own PushSender to the functions that take one.

import { logger } from "firebase-functions/logger";

export interface PushMessage {
  title: string;
  body: string;
  data: Record<string, string>;
}

export interface PushSender {
  /** Sends to each token; returns the tokens the push service says are no longer valid. */
  sendToTokens(tokens: string[], message: PushMessage): Promise<{ invalidTokens: string[] }>;
  sendToTopic(topic: string, message: PushMessage): Promise<void>;
  /** Adds tokens to a topic; returns the tokens the push service says are no longer valid. */
  subscribe(tokens: string[], topic: string): Promise<{ invalidTokens: string[] }>;
  unsubscribe(tokens: string[], topic: string): Promise<void>;
}

const INVALID_TOKEN_CODES = new Set([
  "messaging/registration-token-not-registered",
  "messaging/invalid-registration-token",
  "messaging/invalid-argument",
]);

// Loaded on first use: most invocations never push, and cold starts count.
const messaging = async () => (await import("firebase-admin/messaging")).getMessaging();

const notification = (m: PushMessage) => ({
  notification: { title: m.title, body: m.body },
  data: m.data,
  webpush: { fcmOptions: { link: m.data.link } },
});

export const fcmPushSender: PushSender = {
  async sendToTokens(tokens, message) {
    if (tokens.length === 0) return { invalidTokens: [] };
    const res = await (await messaging()).sendEachForMulticast({ tokens, ...notification(message) });
    const invalidTokens = res.responses.flatMap((r, i) =>
      !r.success && r.error && INVALID_TOKEN_CODES.has(r.error.code) ? [tokens[i]] : [],
    );
    return { invalidTokens };
  },
  async sendToTopic(topic, message) {
    await (await messaging()).send({ topic, ...notification(message) });
  },
  async subscribe(tokens, topic) {
    if (tokens.length === 0) return { invalidTokens: [] };
    const res = await (await messaging()).subscribeToTopic(tokens, topic);
    return {
      invalidTokens: res.errors.filter((e) => INVALID_TOKEN_CODES.has(e.error.code)).map((e) => tokens[e.index]),
    };
  },
  async unsubscribe(tokens, topic) {
    if (tokens.length) await (await messaging()).unsubscribeFromTopic(tokens, topic);
  },
};

export const logPushSender: PushSender = {
  async sendToTokens(tokens, message) {
    if (tokens.length) logger.info("push (emulated, not sent)", { tokens: tokens.length, title: message.title });
    return { invalidTokens: [] };
  },
  async sendToTopic(topic, message) {
    logger.info("push to topic (emulated, not sent)", { topic, title: message.title });
  },
  async subscribe(tokens, topic) {
    logger.info("topic subscription (emulated)", { topic, tokens: tokens.length });
    return { invalidTokens: [] };
  },
  async unsubscribe(tokens, topic) {
    logger.info("topic unsubscription (emulated)", { topic, tokens: tokens.length });
  },
};

export function pushSender(): PushSender {
  return process.env.FUNCTIONS_EMULATOR === "true" ? logPushSender : fcmPushSender;
}

// What the backend says (reasons, rejections, inbox entries), in the reader's language. Only order
// pages and the inbox show these, so they are fetched with the first such page instead of riding
// in the first screen.
import { signal } from "@preact/signals";
import type {
  CancelReason,
  DeclineReason,
  DeliveryProblem,
  DomainTexts,
  InboxNotification,
  Message,
  PaymentFailure,
  Rejection,
  RejectionCode,
} from "@domain";
import type { inboxMessage as say } from "@domain/notifications";
import { language } from ".";

type InboxMessage = typeof say;

const texts = signal<Record<string, DomainTexts> | null>(null);
const inboxMessage = signal<InboxMessage | null>(null);
void import("@domain/texts").then((m) => (texts.value = m.TEXTS));
void import("@domain/notifications").then((m) => (inboxMessage.value = m.inboxMessage));

const current = () => texts.value?.[language.value];

export const reasonText = (r: DeclineReason | CancelReason | DeliveryProblem | PaymentFailure) =>
  current()?.reasons[r] ?? "";

/** A customer's own reason for cancelling, in their words. */
export const cancelChoiceText = (r: keyof DomainTexts["cancelChoices"]) => current()?.cancelChoices[r] ?? r;

/** Why an order was refused: the backend's own words in English (they name the dish or the
 * amount), the code's text in another language. */
export const rejectionText = (rejection: Rejection) =>
  (language.value !== "en" && current()?.rejections[rejection.code as RejectionCode]) || rejection.message;

/** What an inbox entry says, in the reader's language now (an entry from before texts were keys,
 * as it was written); null until the texts have loaded. */
export function inboxText(entry: InboxNotification): Message | null {
  if (!entry.text) return { title: entry.title ?? "", body: entry.body ?? "" };
  return inboxMessage.value ? inboxMessage.value(entry.text, language.value) : null;
}

// What the backend says (reasons, rejections), in the reader's language. Only order pages show
// these, so they are fetched with the first such page instead of riding in the first screen.
import { signal } from "@preact/signals";
import type { CancelReason, DeclineReason, DomainTexts, Rejection, RejectionCode } from "@domain";
import { language } from ".";

const texts = signal<Record<string, DomainTexts> | null>(null);
void import("@domain/texts").then((m) => (texts.value = m.TEXTS));

const current = () => texts.value?.[language.value];

export const reasonText = (r: DeclineReason | CancelReason) => current()?.reasons[r] ?? "";

/** A customer's own reason for cancelling, in their words. */
export const cancelChoiceText = (r: keyof DomainTexts["cancelChoices"]) => current()?.cancelChoices[r] ?? r;

/** Why an order was refused: the backend's own words in English (they name the dish or the
 * amount), the code's text in another language. */
export const rejectionText = (rejection: Rejection) =>
  (language.value !== "en" && current()?.rejections[rejection.code as RejectionCode]) || rejection.message;

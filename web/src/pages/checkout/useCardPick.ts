// Which card pays: one of the customer's saved cards, or a new one typed into Stripe's form, and
// the card fields the order carries for it.

import { useState } from "preact/hooks";
import { useSavedCards } from "../../data/cards";
import type { OrderCard } from "../../data/orders";
import { cardExpired } from "../../payments/cardFace";
import { CardProblem } from "../../payments/stripe";
import { t } from "../../i18n";
import type { NewCard } from "./NewCardForm";

/** The pick of a card not saved yet. */
export const NEW_CARD = "new";

export function useCardPick(uid: string | undefined, active: boolean) {
  const saved = useSavedCards(active ? uid : null);
  const [chosen, choose] = useState<string | null>(null);
  const [save, setSave] = useState(false);
  const [form, setForm] = useState<NewCard | null>(null);
  // A list that cannot be read is no list: a new card still pays.
  const loaded = saved.data !== undefined || saved.error !== undefined;
  const cards = saved.data ?? [];
  const usable = cards.filter((c) => !cardExpired(c));
  // Until the customer chooses, the newest card that is still good, else a new one.
  const pick = !loaded
    ? null
    : chosen === NEW_CARD || usable.some((c) => c.id === chosen)
      ? chosen!
      : (usable[0]?.id ?? NEW_CARD);

  /** The order's card fields: the saved card's id, or a PaymentMethod made of the new card now.
   * Rejects with a CardProblem when it cannot. */
  const fields = async (): Promise<OrderCard> => {
    if (pick !== null && pick !== NEW_CARD) return { paymentMethodId: pick };
    if (pick === null || !form) throw new CardProblem(t("card.notReady"));
    return { paymentMethodId: await form.paymentMethod(), saveCard: save };
  };

  return {
    cards,
    loaded,
    pick,
    choose,
    save,
    setSave,
    setForm,
    /** The order can be placed with this pick (the new card's form has loaded). */
    ready: pick !== null && (pick !== NEW_CARD || form !== null),
    fields,
  };
}

export type CardPick = ReturnType<typeof useCardPick>;

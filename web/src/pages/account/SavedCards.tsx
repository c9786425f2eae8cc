// The cards the customer kept for later orders (with their consent, at checkout), each removable:
// the backend detaches it at Stripe and forgets it here. Shown where cards are offered, or to
// someone who still has cards kept from before.

import { useState } from "preact/hooks";
import { removeCard, useSavedCards } from "../../data/cards";
import { refusal } from "../../components/refusal";
import { Outcome } from "../../components/States";
import { cardExpired, cardExpiry, cardName } from "../../payments/cardFace";
import { cardsOffered } from "../../payments/stripe";
import { t } from "../../i18n";
import "../../styles/afterOrder.css";

export function SavedCards({ uid }: { uid: string }) {
  const cards = useSavedCards(uid);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState("");
  const [error, setError] = useState("");
  const list = cards.data ?? [];
  if (!cardsOffered && list.length === 0) return null;
  const remove = async (id: string, name: string) => {
    setBusy(id);
    setDone("");
    setError("");
    try {
      await removeCard(id);
      setDone(t("cards.removed", { card: name }));
    } catch (err) {
      setError(refusal(err, { no_card: "cards.gone" }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="stack" aria-labelledby="cards-title" data-testid="saved-cards">
      <h2 id="cards-title">{t("cards.title")}</h2>
      {cards.data && list.length === 0 && <p class="muted">{t("cards.none")}</p>}
      {list.length > 0 && (
        <ul class="saved-cards">
          {list.map((c) => {
            const name = `${cardName(c)}, ${cardExpiry(c)}`;
            return (
              <li key={c.id} data-card={c.id}>
                <span>
                  {name}
                  {cardExpired(c) && <small> ({t("card.expired")})</small>}
                </span>
                <button
                  type="button"
                  class="secondary small"
                  disabled={busy !== null}
                  aria-label={t("cards.removeLabel", { card: name })}
                  onClick={() => remove(c.id, cardName(c))}
                >
                  {busy === c.id ? t("cards.removing") : t("cards.remove")}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <Outcome message={done} error={error} />
    </section>
  );
}

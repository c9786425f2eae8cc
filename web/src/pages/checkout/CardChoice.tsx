// Paying by card at checkout: the customer's saved cards (an expired one shown, not choosable) and
// a new card, whose form loads Stripe only when it is the one chosen.

import { cardExpired, cardExpiry, cardName } from "../../payments/cardFace";
import { t } from "../../i18n";
import { NewCardForm } from "./NewCardForm";
import { NEW_CARD, type CardPick } from "./useCardPick";

export function CardChoice({ pick, amount, currency }: { pick: CardPick; amount: number; currency: string }) {
  if (!pick.loaded)
    return (
      <p class="muted" role="status">
        {t("card.loadingSaved")}
      </p>
    );
  return (
    <>
      {pick.cards.length > 0 && (
        <fieldset class="card-list" data-testid="saved-cards">
          <legend>{t("card.which")}</legend>
          {pick.cards.map((c) => {
            const expired = cardExpired(c);
            return (
              <label key={c.id} class="inline" data-card={c.id}>
                <input
                  type="radio"
                  name="card"
                  checked={pick.pick === c.id}
                  disabled={expired}
                  onChange={() => pick.choose(c.id)}
                />
                {`${cardName(c)}, ${cardExpiry(c)}`}
                {expired && <small> ({t("card.expired")})</small>}
              </label>
            );
          })}
          <label class="inline">
            <input type="radio" name="card" checked={pick.pick === NEW_CARD} onChange={() => pick.choose(NEW_CARD)} />
            {t("card.new")}
          </label>
        </fieldset>
      )}
      {pick.pick === NEW_CARD && (
        <NewCardForm amount={amount} currency={currency} save={pick.save} onSave={pick.setSave} onForm={pick.setForm} />
      )}
    </>
  );
}

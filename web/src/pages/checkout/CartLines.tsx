// The cart's lines with their quantities, a dish sold out since it was added, and the subtotal.

import { LIMITS } from "@domain";
import { cartSubtotal, setQuantity, type CartEntry } from "../../state/cart";
import { money } from "../../components/format";
import { t } from "../../i18n";

export function CartLines({ lines, unavailable }: { lines: CartEntry[]; unavailable: Set<string> }) {
  return (
    <>
      <ul class="cart-lines" aria-label={t("nav.cart")}>
        {lines.map((l) => (
          <li key={l.key} class={unavailable.has(l.key) ? "sold-out" : ""}>
            <div>
              <strong>{l.name}</strong>
              {l.optionNames.length > 0 && <small> · {l.optionNames.join(", ")}</small>}
              {unavailable.has(l.key) && (
                <p class="error">
                  {t("co.soldOut")}{" "}
                  <button type="button" class="secondary small" onClick={() => setQuantity(l.key, 0)}>
                    {t("co.remove", { name: l.name })}
                  </button>
                </p>
              )}
            </div>
            <div class="qty">
              <button
                type="button"
                aria-label={t("co.less", { name: l.name })}
                onClick={() => setQuantity(l.key, l.quantity - 1)}
              >
                −
              </button>
              <span aria-label={t("co.quantity")}>{l.quantity}</span>
              <button
                type="button"
                aria-label={t("co.more", { name: l.name })}
                disabled={l.quantity >= LIMITS.maxQuantity}
                onClick={() => setQuantity(l.key, l.quantity + 1)}
              >
                +
              </button>
            </div>
            <span class="price">{money(l.unitPrice * l.quantity)}</span>
          </li>
        ))}
      </ul>
      <p class="subtotal">
        {t("totals.subtotal")} <strong data-testid="subtotal">{money(cartSubtotal.value)}</strong>
      </p>
    </>
  );
}

// What the customer ordered, priced by the backend, with its totals.

import type { Pricing } from "@domain";
import { money } from "../../components/format";
import { Totals } from "../../components/Totals";
import { t } from "../../i18n";

export function OrderLines({ pricing }: { pricing: Pricing }) {
  return (
    <section aria-labelledby="totals-title">
      <h2 id="totals-title">{t("op.yourOrder")}</h2>
      <ul class="cart-lines">
        {pricing.lines.map((l, i) => (
          <li key={i}>
            <div>
              <strong>
                {l.quantity} × {l.name}
              </strong>
              {l.options.length > 0 && <small> · {l.options.map((x) => x.name).join(", ")}</small>}
            </div>
            <span class="price">{money(l.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <Totals pricing={pricing} testId="total" />
    </section>
  );
}

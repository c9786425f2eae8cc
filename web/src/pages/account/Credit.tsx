// The customer's Dishpatch credit: the balance, spent first on the next order, and its recent
// entries (a refund, credit spent on an order, credit back from an order that did not go through).

import type { CreditCause } from "@domain";
import { useCreditBalance, useCreditEntries } from "../../data/credit";
import { dateTime, deduction, money } from "../../components/format";
import { t, type Key } from "../../i18n";
import "../../styles/afterOrder.css";

/** The entries shown: enough to explain the balance as it usually moves. */
const RECENT = 10;

const CAUSES: Record<CreditCause, Key> = {
  refund: "credit.refund",
  order: "credit.spent",
  returned: "credit.returned",
  tip: "credit.tip",
};

export function Credit({ uid }: { uid: string }) {
  const balance = useCreditBalance(uid);
  const entries = useCreditEntries(uid, RECENT);
  return (
    <section class="stack credit" aria-labelledby="credit-title">
      <h2 id="credit-title">{t("credit.title")}</h2>
      <p>
        {t("credit.balance")}{" "}
        <strong data-testid="credit-balance">{balance === undefined ? "…" : money(balance)}</strong>
      </p>
      <p class="muted">{t("credit.what")}</p>
      {entries.data && entries.data.length > 0 && (
        <ul class="credit-entries" aria-label={t("credit.entries")}>
          {entries.data.map((e) => (
            <li key={e.id} data-testid="credit-entry" data-cause={e.cause}>
              <div>
                <a href={`/orders/${e.orderId}`}>{t(CAUSES[e.cause], { code: e.number })}</a>
                <small class="muted"> · {dateTime(e.createdAt)}</small>
              </div>
              <span class="price">{e.amount < 0 ? deduction(-e.amount) : `+${money(e.amount)}`}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// What a courier holds and owes over all their deliveries and settlements, as the backend keeps it
// from their books (courierCash): the figure the admins settle with them.

import { cashHeld, courierBalance } from "@domain";
import { useCourierCash } from "../../data/courierCash";
import { money } from "../../components/format";
import { t } from "../../i18n";
import "../../styles/afterOrder.css";

export function CashInAll({ uid }: { uid: string }) {
  const cash = useCourierCash(uid);
  if (cash.data === undefined) return null;
  const c = cash.data ?? undefined;
  const balance = courierBalance(c);
  return (
    <section class="card stack cash-in-all" aria-label={t("earn.inAll")} data-testid="cash-in-all">
      <h2>{t("earn.inAll")}</h2>
      <p data-testid="cash-held-all">{t("earn.holdAll", { amount: money(cashHeld(c)) })}</p>
      <p data-testid="cash-balance-all">
        {t(balance > 0 ? "earn.owesAll" : balance < 0 ? "earn.owedAll" : "earn.evenAll", {
          amount: money(Math.abs(balance)),
        })}
      </p>
    </section>
  );
}

// The cash a courier took at the door this week beside what they earned, and the difference: what
// they hold for Dishpatch (or what Dishpatch owes them) over the page's period only.

import { money } from "../../components/format";
import { t } from "../../i18n";
import "../../styles/afterOrder.css";

export function CashBalance({ cash, earned }: { cash: number; earned: number }) {
  const balance = cash - earned;
  return (
    <div class="cash-balance" data-testid="cash-balance">
      <span>
        {t("earn.cashWeek")} <strong data-testid="cash-week">{money(cash)}</strong>
      </span>
      <span>
        {t(balance > 0 ? "earn.youOwe" : balance < 0 ? "earn.owedToYou" : "earn.even", {
          amount: money(Math.abs(balance)),
        })}
      </span>
      <small class="muted">{t("earn.balanceNote")}</small>
    </div>
  );
}

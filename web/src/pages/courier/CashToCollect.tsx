// What the courier collects at the door: the order's cash part, or nothing (paid with credit).

import { partOf, type Order } from "@domain";
import { money } from "../../components/format";
import { t } from "../../i18n";
import "../../styles/afterOrder.css";

export function CashToCollect({ order: o }: { order: Order }) {
  if (!o.payment) return null;
  const cash = partOf(o.payment.parts, "cash");
  return (
    <span class={cash > 0 ? "collect cash" : "collect"} data-testid="collect">
      {cash > 0 ? t("cour.collect", { amount: money(cash, o.pricing?.currency) }) : t("cour.collectNothing")}
    </span>
  );
}

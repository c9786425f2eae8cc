// A delivered order's receipt, as the backend wrote it: what the customer paid and how, with any
// refunds, for the customer (and admins), printable (only the receipt prints). The restaurant's
// owner reads its statement lines instead; a receipt kept after its customer deleted their
// account has no address.

import { useReceipt } from "../data/money";
import { clock, deduction, money } from "../components/format";
import { Empty, ErrorNote, Loading } from "../components/States";
import { RequireSignIn } from "../components/RequireSignIn";
import { locale, t } from "../i18n";
import { ReceiptPayment } from "./receipt/ReceiptPayment";
import { ReceiptVat } from "./receipt/ReceiptVat";
import "../i18n/shop"; // this screen's texts

export function Receipt({ id }: { id: string }) {
  return <RequireSignIn>{() => <ReceiptView id={id} />}</RequireSignIn>;
}

function ReceiptView({ id }: { id: string }) {
  const r = useReceipt(id);
  if (r.error) return <ErrorNote error={r.error} />;
  if (r.data === undefined) return <Loading what={t("rc.loading")} />;
  if (r.data === null)
    return (
      <main class="page narrow">
        <Empty>
          <p>{t("rc.none")}</p>
        </Empty>
      </main>
    );
  const x = r.data;
  const tz = x.timeZone;
  const date = new Intl.DateTimeFormat(locale(), { timeZone: tz, dateStyle: "medium" }).format(
    new Date(x.deliveredAt.toMillis()),
  );
  const funder = x.promo?.fundedBy === "restaurant" ? t("op.theRestaurant") : "Dishpatch";
  const cur = (cents: number) => money(cents, x.currency);
  return (
    <main class="page narrow receipt-page">
      <article class="receipt" aria-label={t("rc.label", { number: x.number })} data-testid="receipt">
        <header>
          <h1>{t("op.receipt")}</h1>
          <p>
            <strong>{x.restaurant.legalName}</strong>
            {x.restaurant.name !== x.restaurant.legalName && <> ({x.restaurant.name})</>}
            <br />
            {x.restaurant.address ? `${x.restaurant.address.line1}, ${x.restaurant.address.city}` : ""}
          </p>
          <p>
            {t("orders.order")} <strong data-testid="receipt-number">{x.number}</strong> ·{" "}
            {t("rc.delivered", { date, time: clock(x.deliveredAt, tz) })}
            {x.deliveryAddress && (
              <>
                <br />
                {t("rc.to", { street: x.deliveryAddress.line1, city: x.deliveryAddress.city })}
              </>
            )}
          </p>
          {x.undeliverable && (
            <p class="error" data-testid="receipt-undeliverable">
              {t("rc.undeliverable")}
            </p>
          )}
        </header>
        <table>
          <tbody>
            {x.lines.map((l, i) => (
              <tr key={i}>
                <td>
                  {l.quantity} × {l.name}
                  {l.options.length > 0 && <small> ({l.options.map((o) => o.name).join(", ")})</small>}
                </td>
                <td class="amount">{cur(l.lineTotal)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th>{t("totals.subtotal")}</th>
              <td class="amount">{cur(x.subtotal)}</td>
            </tr>
            {x.discount > 0 && (
              <tr>
                <th>{t("rc.discount", { code: x.promo?.code ?? "", funder })}</th>
                <td class="amount">{deduction(x.discount, x.currency)}</td>
              </tr>
            )}
            <tr>
              <th>{t("totals.delivery")}</th>
              <td class="amount">{cur(x.deliveryFee)}</td>
            </tr>
            <tr>
              <th>{t("totals.serviceFee")}</th>
              <td class="amount">{cur(x.serviceFee)}</td>
            </tr>
            <tr>
              <th>{t("totals.tip")}</th>
              <td class="amount" data-testid="receipt-tip">
                {cur(x.tip)}
              </td>
            </tr>
            <tr class="total">
              <th>{t("totals.total")}</th>
              <td class="amount" data-testid="receipt-total">
                {cur(x.total)}
              </td>
            </tr>
          </tfoot>
        </table>
        <ReceiptVat receipt={x} />
        <ReceiptPayment id={id} receipt={x} />
      </article>
      <button type="button" class="secondary no-print" onClick={() => window.print()}>
        {t("rc.print")}
      </button>
    </main>
  );
}

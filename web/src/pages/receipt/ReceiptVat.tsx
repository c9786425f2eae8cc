// The receipt's VAT, as a German receipt must show it: per rate its net, tax and gross (the dishes
// at their rate less their share of the discount, the fees at the standard rate; vat.ts), and the
// tip as outside VAT. Receipts from before lines carried a rate count them at the reduced rate.

import { orderVatParts, vatBreakdown, type Receipt } from "@domain";
import { decimal, money } from "../../components/format";
import { t } from "../../i18n";
import "../../styles/deliveryProblem.css";

export function ReceiptVat({ receipt: x }: { receipt: Receipt }) {
  const cur = (cents: number) => money(cents, x.currency);
  const rows = vatBreakdown(orderVatParts(x));
  return (
    <table class="receipt-vat" data-testid="receipt-vat">
      <caption>{t("rc.vatTitle")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("rc.vatRate")}</th>
          <th scope="col" class="amount">
            {t("rc.vatNet")}
          </th>
          <th scope="col" class="amount">
            {t("rc.vatTax")}
          </th>
          <th scope="col" class="amount">
            {t("rc.vatGross")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.rate} data-rate={r.rate}>
            <th scope="row">{decimal(r.bps / 100, 0)} %</th>
            <td class="amount" data-testid="vat-net">
              {cur(r.net)}
            </td>
            <td class="amount" data-testid="vat-tax">
              {cur(r.tax)}
            </td>
            <td class="amount" data-testid="vat-gross">
              {cur(r.gross)}
            </td>
          </tr>
        ))}
      </tbody>
      {x.tip > 0 && (
        <tfoot>
          <tr>
            <td colSpan={4} class="muted" data-testid="vat-tip">
              {t("rc.tipOutside", { amount: cur(x.tip) })}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

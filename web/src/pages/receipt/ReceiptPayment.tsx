// The receipt's last part: how the order was paid (credit, cash, card) and the refunds its
// complaints gave back, each with the VAT it corrects.

import { partOf, refundVatParts, vatBreakdown, type Receipt } from "@domain";
import { useOrderComplaints } from "../../data/complaints";
import { decimal, deduction, money } from "../../components/format";
import { complaintTypeLabel, t } from "../../i18n";
import "../../styles/afterOrder.css";

export function ReceiptPayment({ id, receipt: x }: { id: string; receipt: Receipt }) {
  const complaints = useOrderComplaints(x.customerId, id);
  const refunds = (complaints.data ?? []).filter((c) => c.status === "approved");
  const cur = (cents: number) => money(cents, x.currency);
  const credit = partOf(x.payment, "credit");
  const cash = partOf(x.payment, "cash");
  const card = partOf(x.payment, "card");
  if (!x.payment && refunds.length === 0) return null;
  return (
    <table class="receipt-payment" data-testid="receipt-payment">
      <tbody>
        {credit > 0 && (
          <tr>
            <th>{t("pay.paidCredit")}</th>
            <td class="amount" data-testid="receipt-credit">
              {cur(credit)}
            </td>
          </tr>
        )}
        {cash > 0 && (
          <tr>
            <th>{t("pay.paidCash")}</th>
            <td class="amount" data-testid="receipt-cash">
              {cur(cash)}
            </td>
          </tr>
        )}
        {card > 0 && (
          <tr>
            <th>{t("pay.paidCard")}</th>
            <td class="amount" data-testid="receipt-card">
              {cur(card)}
            </td>
          </tr>
        )}
        {refunds.map((c) => {
          const parts = refundVatParts(c, x);
          const vat = vatBreakdown(parts.filter((p): p is typeof p & { rate: NonNullable<typeof p.rate> } => !!p.rate));
          const tip = parts.reduce((n, p) => n + (p.rate ? 0 : p.gross), 0);
          return (
            <tr key={c.id} data-testid="receipt-refund" data-complaint={c.id}>
              <th>
                {t(c.toCard ? "rc.refundCard" : "rc.refund", { what: complaintTypeLabel(c.type) })}
                <span class="refund-vat muted" data-testid="refund-vat">
                  {[
                    ...vat.map((v) => t("rc.refundVat", { rate: decimal(v.bps / 100, 0), tax: cur(v.tax) })),
                    ...(tip > 0 ? [t("rc.refundTip", { amount: cur(tip) })] : []),
                  ].join(" · ")}
                </span>
              </th>
              <td class="amount">{deduction(c.amount, x.currency)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

// The receipt's last part: how the order was paid (credit, cash) and the refunds its complaints
// gave back, as Dishpatch credit.

import { partOf, type Receipt } from "@domain";
import { useOrderComplaints } from "../../data/complaints";
import { deduction, money } from "../../components/format";
import { t } from "../../i18n";
import { complaintTypeKey } from "../order/ReportProblem";
import "../../styles/afterOrder.css";

export function ReceiptPayment({ id, receipt: x }: { id: string; receipt: Receipt }) {
  const complaints = useOrderComplaints(x.customerId, id);
  const refunds = (complaints.data ?? []).filter((c) => c.status === "approved");
  const cur = (cents: number) => money(cents, x.currency);
  const credit = partOf(x.payment, "credit");
  const cash = partOf(x.payment, "cash");
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
        {refunds.map((c) => (
          <tr key={c.id} data-testid="receipt-refund">
            <th>{t("rc.refund", { what: t(complaintTypeKey(c.type)) })}</th>
            <td class="amount">{deduction(c.amount, x.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// A delivered order's receipt, as the backend wrote it: for the customer and the restaurant's
// staff, and printable (only the receipt prints).

import { useReceipt } from "../data/money";
import { clock, money } from "../components/format";
import { Empty, ErrorNote, Loading } from "../components/States";
import { RequireSignIn } from "../components/RequireSignIn";

export function Receipt({ id }: { id: string }) {
  return <RequireSignIn>{() => <ReceiptView id={id} />}</RequireSignIn>;
}

function ReceiptView({ id }: { id: string }) {
  const r = useReceipt(id);
  if (r.error) return <ErrorNote error={r.error} />;
  if (r.data === undefined) return <Loading what="the receipt" />;
  if (r.data === null)
    return (
      <main class="page narrow">
        <Empty>
          <p>No receipt yet: a receipt is made when the order is delivered.</p>
        </Empty>
      </main>
    );
  const x = r.data;
  const tz = x.timeZone;
  const date = new Intl.DateTimeFormat("en-GB", { timeZone: tz, dateStyle: "medium" }).format(
    new Date(x.deliveredAt.toMillis()),
  );
  const funder = x.promo?.fundedBy === "restaurant" ? "the restaurant" : "Dishpatch";
  return (
    <main class="page narrow receipt-page">
      <article class="receipt" aria-label={`Receipt ${x.number}`} data-testid="receipt">
        <header>
          <h1>Receipt</h1>
          <p>
            <strong>{x.restaurant.legalName}</strong>
            {x.restaurant.name !== x.restaurant.legalName && <> ({x.restaurant.name})</>}
            <br />
            {x.restaurant.address ? `${x.restaurant.address.line1}, ${x.restaurant.address.city}` : ""}
          </p>
          <p>
            Order <strong data-testid="receipt-number">{x.number}</strong> · delivered {date} {clock(x.deliveredAt, tz)}
            <br />
            To {x.deliveryAddress.line1}, {x.deliveryAddress.city}
          </p>
        </header>
        <table>
          <tbody>
            {x.lines.map((l, i) => (
              <tr key={i}>
                <td>
                  {l.quantity} × {l.name}
                  {l.options.length > 0 && <small> ({l.options.map((o) => o.name).join(", ")})</small>}
                </td>
                <td class="amount">{money(l.lineTotal)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th>Subtotal</th>
              <td class="amount">{money(x.subtotal)}</td>
            </tr>
            {x.discount > 0 && (
              <tr>
                <th>
                  Discount {x.promo?.code} (paid by {funder})
                </th>
                <td class="amount">−{money(x.discount)}</td>
              </tr>
            )}
            <tr>
              <th>Delivery</th>
              <td class="amount">{money(x.deliveryFee)}</td>
            </tr>
            <tr>
              <th>Service fee</th>
              <td class="amount">{money(x.serviceFee)}</td>
            </tr>
            <tr>
              <th>Tip for the courier</th>
              <td class="amount" data-testid="receipt-tip">
                {money(x.tip)}
              </td>
            </tr>
            <tr class="total">
              <th>Total</th>
              <td class="amount" data-testid="receipt-total">
                {money(x.total)}
              </td>
            </tr>
          </tfoot>
        </table>
      </article>
      <button type="button" class="secondary no-print" onClick={() => window.print()}>
        Print
      </button>
    </main>
  );
}

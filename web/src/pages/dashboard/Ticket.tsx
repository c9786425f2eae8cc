// A kitchen ticket for an 80 mm receipt printer: only this prints (app.css, @media print), and
// on screen it is hidden.

import { orderCodeOf, parseSlot, type Restaurant } from "@domain";
import { clockAt } from "../../components/format";
import type { BoardOrder } from "../../data/orders";
import type { LiveRow } from "../../data/live";
import { t } from "../../i18n";

export function Ticket({ order: o, restaurant: r }: { order: LiveRow<BoardOrder>; restaurant: Restaurant }) {
  const now = new Date();
  const placed = o.timeline?.placed ?? o.createdAt;
  const slot = parseSlot(o.slotStart);
  return (
    <div class="ticket-print" data-testid="ticket">
      <article class="ticket" aria-label={t("ticket.label", { code: orderCodeOf(o, o.id) })}>
        <h1>{r.name}</h1>
        <p class="code">#{orderCodeOf(o, o.id)}</p>
        <p>{t("ticket.placed", { time: placed ? clockAt(new Date(placed.toMillis()), r.timeZone, now) : "—" })}</p>
        {slot && <p class="slot">{t("ticket.for", { time: clockAt(slot, r.timeZone, now) }).toUpperCase()}</p>}
        {o.prepMin && <p>{t("board.prepTime", { n: o.prepMin })}</p>}
        <hr />
        <ul>
          {o.pricing?.lines.map((l, i) => (
            <li key={i}>
              <strong>
                {l.quantity} × {l.name}
              </strong>
              {l.options.map((x) => (
                <div key={x.optionId} class="opt">
                  + {x.name}
                </div>
              ))}
            </li>
          ))}
        </ul>
        {o.note && (
          <>
            <hr />
            <p class="note">{t("ticket.note", { note: o.note })}</p>
          </>
        )}
        <hr />
        <p>{o.customerName ?? t("alert.aCustomer")}</p>
        <p>{o.deliveryAddress.line1}</p>
      </article>
    </div>
  );
}

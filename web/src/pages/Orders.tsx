import { STATUS_LABELS } from "@domain";
import { useCustomerOrders } from "../data/orders";
import { dateTime, money } from "../components/format";
import { Empty, ErrorNote, Loading } from "../components/States";
import { RequireSignIn } from "../components/RequireSignIn";
import { OrderAgain } from "../components/OrderAgain";

/** Orders per page; older ones come with Show older. */
const PAGE = 20;

export function Orders() {
  return <RequireSignIn>{(uid) => <OrderHistory uid={uid} />}</RequireSignIn>;
}

function OrderHistory({ uid }: { uid: string }) {
  const orders = useCustomerOrders(uid, PAGE);
  return (
    <main class="page narrow">
      <h1>Your orders</h1>
      {orders.error !== undefined && <ErrorNote error={orders.error} />}
      {orders.data === undefined && !orders.error && <Loading what="your orders" />}
      {orders.data?.length === 0 && (
        <Empty>
          <p>
            No orders yet. <a href="/">Find a restaurant</a>
          </p>
        </Empty>
      )}
      <ul class="order-list">
        {orders.data?.map((o) => (
          <li key={o.id} class="order-row">
            <a href={`/orders/${o.id}`}>
              <strong>{o.restaurantName || "Order"}</strong>
              <span>{dateTime(o.createdAt)}</span>
              <span class={`pill ${o.status}`}>{STATUS_LABELS[o.status]}</span>
              <span>{o.pricing ? money(o.pricing.total) : ""}</span>
            </a>
            {o.pricing && <OrderAgain order={o} />}
          </li>
        ))}
      </ul>
      {orders.hasMore && (
        <button type="button" class="secondary" onClick={orders.more}>
          Show older orders
        </button>
      )}
    </main>
  );
}

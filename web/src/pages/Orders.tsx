import { statusLabel, t } from "../i18n";
import { useCustomerOrders } from "../data/orders";
import { dateTime, money } from "../components/format";
import { Empty, ErrorNote, Loading } from "../components/States";
import { RequireSignIn } from "../components/RequireSignIn";
import { OrderAgain } from "../components/OrderAgain";
import "../i18n/shop"; // this screen's texts

/** Orders per page; older ones come with Show older. */
const PAGE = 20;

export function Orders() {
  return <RequireSignIn>{(uid) => <OrderHistory uid={uid} />}</RequireSignIn>;
}

function OrderHistory({ uid }: { uid: string }) {
  const orders = useCustomerOrders(uid, PAGE);
  return (
    <main class="page narrow">
      <h1>{t("orders.title")}</h1>
      {orders.error !== undefined && <ErrorNote error={orders.error} />}
      {orders.data === undefined && !orders.error && <Loading what={t("orders.loading")} />}
      {orders.data?.length === 0 && (
        <Empty>
          <p>
            {t("orders.none")} <a href="/">{t("orders.find")}</a>
          </p>
        </Empty>
      )}
      <ul class="order-list">
        {orders.data?.map((o) => (
          <li key={o.id} class="order-row">
            <a href={`/orders/${o.id}`}>
              <strong>
                {o.restaurantName || t("orders.order")}
                {o.code && <span class="order-code"> #{o.code}</span>}
              </strong>
              <span>{dateTime(o.createdAt, o.timeZone)}</span>
              <span class={`pill ${o.status}`}>{statusLabel(o.status)}</span>
              <span>{o.pricing ? money(o.pricing.total) : ""}</span>
            </a>
            {o.pricing && <OrderAgain order={o} />}
          </li>
        ))}
      </ul>
      {orders.hasMore && (
        <button type="button" class="secondary" onClick={orders.more}>
          {t("orders.older")}
        </button>
      )}
    </main>
  );
}

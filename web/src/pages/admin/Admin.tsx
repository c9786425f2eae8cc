// The admin's face: roles, promo codes, the platform's fees and commissions, its cash and complaint
// limits, its revenue, the orders that wait for an admin's decision, the complaints queue, and the
// orders under way (to cancel one), and the couriers' cash.

import { Route, Router, useLocation } from "preact-iso";
import { session } from "../../state/session";
import { Empty } from "../../components/States";
import { ComplaintQueue } from "./ComplaintQueue";
import { CourierCashPage } from "./CourierCash";
import { Decisions } from "./Decisions";
import { Fees } from "./Fees";
import { Limits } from "./Limits";
import { OrdersUnderWay } from "./OrdersUnderWay";
import { Promos } from "./Promos";
import { Revenue } from "./Revenue";
import { Roles } from "./Roles";
import { t, type Key } from "../../i18n";
import "../../i18n/shop"; // this screen's texts
import "../../i18n/work";
import "../../styles/afterOrder.css";

const TABS: { path: string; title: Key }[] = [
  { path: "/admin", title: "adm.roles" },
  { path: "/admin/promos", title: "adm.promos" },
  { path: "/admin/fees", title: "adm.fees" },
  { path: "/admin/limits", title: "adm.limits" },
  { path: "/admin/revenue", title: "adm.revenue" },
  { path: "/admin/decisions", title: "adm.decisions" },
  { path: "/admin/complaints", title: "adm.complaints" },
  { path: "/admin/orders", title: "adm.orders" },
  { path: "/admin/cash", title: "adm.cash" },
];

export function Admin() {
  const s = session.value;
  const { path } = useLocation();
  if (!s?.claims.admin)
    return (
      <main class="page">
        <Empty>
          <p>{t("adm.only")}</p>
        </Empty>
      </main>
    );
  return (
    <main class="page admin">
      <h1>{t("nav.admin")}</h1>
      <nav class="tabs" aria-label={t("nav.admin")}>
        {TABS.map((tab) => (
          <a key={tab.path} href={tab.path} aria-current={path === tab.path ? "page" : undefined}>
            {t(tab.title)}
          </a>
        ))}
      </nav>
      <Router>
        <Route path="/" component={Roles} />
        <Route path="/promos" component={Promos} />
        <Route path="/fees" component={Fees} />
        <Route path="/revenue" component={Revenue} />
        <Route path="/decisions" component={Decisions} />
        <Route path="/limits" component={Limits} />
        <Route path="/complaints" component={ComplaintQueue} />
        <Route path="/orders" component={OrdersUnderWay} />
        <Route path="/cash" component={CourierCashPage} />
      </Router>
    </main>
  );
}

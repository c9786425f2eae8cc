// The admin's face: roles, promo codes, the platform's fees and commissions, and its revenue.

import { Route, Router, useLocation } from "preact-iso";
import { session } from "../../state/session";
import { Empty } from "../../components/States";
import { Fees } from "./Fees";
import { Promos } from "./Promos";
import { Revenue } from "./Revenue";
import { Roles } from "./Roles";

const TABS = [
  { path: "/admin", title: "Roles" },
  { path: "/admin/promos", title: "Promo codes" },
  { path: "/admin/fees", title: "Fees" },
  { path: "/admin/revenue", title: "Revenue" },
];

export function Admin() {
  const s = session.value;
  const { path } = useLocation();
  if (!s?.claims.admin)
    return (
      <main class="page">
        <Empty>
          <p>This page is for admins.</p>
        </Empty>
      </main>
    );
  return (
    <main class="page admin">
      <h1>Admin</h1>
      <nav class="tabs" aria-label="Admin">
        {TABS.map((t) => (
          <a key={t.path} href={t.path} aria-current={path === t.path ? "page" : undefined}>
            {t.title}
          </a>
        ))}
      </nav>
      <Router>
        <Route path="/" component={Roles} />
        <Route path="/promos" component={Promos} />
        <Route path="/fees" component={Fees} />
        <Route path="/revenue" component={Revenue} />
      </Router>
    </main>
  );
}

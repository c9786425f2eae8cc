import { useEffect } from "preact/hooks";
import { ErrorBoundary, lazy, LocationProvider, Route, Router, useLocation } from "preact-iso";
import { Header } from "./components/Header";
import { OfflineBanner } from "./components/OfflineBanner";
import { Recovery } from "./components/Recovery";
import { RestaurantList } from "./pages/RestaurantList";
import { t } from "./i18n";
import { startSession, viewer } from "./state/session";

// Everything but the first screen loads on demand, with the full Firestore SDK where it listens live.
const RestaurantPage = lazy(() => import("./pages/RestaurantPage").then((m) => m.RestaurantPage));
const Checkout = lazy(() => import("./pages/checkout/Checkout").then((m) => m.Checkout));
const OrderPage = lazy(() => import("./pages/order/OrderPage").then((m) => m.OrderPage));
const Orders = lazy(() => import("./pages/Orders").then((m) => m.Orders));
const Inbox = lazy(() => import("./pages/Inbox").then((m) => m.Inbox));
const Dashboard = lazy(() => import("./pages/dashboard/Dashboard").then((m) => m.Dashboard));
const Courier = lazy(() => import("./pages/courier/Courier").then((m) => m.Courier));
const Admin = lazy(() => import("./pages/admin/Admin").then((m) => m.Admin));
const Receipt = lazy(() => import("./pages/Receipt").then((m) => m.Receipt));
const SignIn = lazy(() => import("./pages/SignIn").then((m) => m.SignIn));
const Reset = lazy(() => import("./pages/Reset").then((m) => m.Reset));
const Earnings = lazy(() => import("./pages/courier/Earnings").then((m) => m.Earnings));
const Account = lazy(() => import("./pages/Account").then((m) => m.Account));
const AccountDeleted = lazy(() => import("./pages/Account").then((m) => m.AccountDeleted));

function NotFound() {
  return (
    <main class="page">
      <h1>{t("app.notFound")}</h1>
      <p>
        <a href="/">{t("app.backToRestaurants")}</a>
      </p>
    </main>
  );
}

function Pages() {
  const { path } = useLocation();
  // The restaurant list paints first and then starts the session; every other page needs it now.
  useEffect(() => {
    if (path !== "/") void startSession();
  }, [path]);
  // Keyed by the signed-in person, so that no view keeps listening with the previous user's data.
  return (
    <Recovery resetKey={path}>
      <ErrorBoundary>
        <Router key={viewer.value}>
          <Route path="/" component={RestaurantList} />
          <Route path="/r/:id" component={RestaurantPage} />
          <Route path="/checkout" component={Checkout} />
          <Route path="/orders" component={Orders} />
          <Route path="/orders/:id" component={OrderPage} />
          <Route path="/inbox" component={Inbox} />
          <Route path="/signin" component={SignIn} />
          <Route path="/reset" component={Reset} />
          <Route path="/dashboard/*" component={Dashboard} />
          <Route path="/dashboard" component={Dashboard} />
          <Route path="/courier" component={Courier} />
          <Route path="/courier/earnings" component={Earnings} />
          <Route path="/receipts/:id" component={Receipt} />
          <Route path="/account" component={Account} />
          <Route path="/account/deleted" component={AccountDeleted} />
          <Route path="/admin" component={Admin} />
          <Route path="/admin/*" component={Admin} />
          <Route default component={NotFound} />
        </Router>
      </ErrorBoundary>
    </Recovery>
  );
}

export function App() {
  return (
    <LocationProvider>
      {/* Lazily loaded parts (the header's unread badge too) suspend up to here. */}
      <ErrorBoundary>
        <a class="skip" href="#main">
          {t("app.skip")}
        </a>
        <Header />
        <OfflineBanner />
        <div id="main">
          <Pages />
        </div>
      </ErrorBoundary>
    </LocationProvider>
  );
}

import { signOut } from "firebase/auth";
import { auth } from "../firebase/auth";
import { cartCount } from "../state/cart";
import { roles, session } from "../state/session";
import { AddressPicker } from "./AddressPicker";
import { UnreadBadge } from "./UnreadBadge";

export function Header() {
  const s = session.value;
  const r = roles.value;
  // Staff, couriers and admins work here: the customer's address and cart would only be in the way.
  const customer = r.length === 1;
  return (
    <header class="top">
      <a class="brand" href="/" aria-label="Dishpatch home">
        Dish<span>patch</span>
      </a>
      {customer && <AddressPicker />}
      <nav aria-label="Main">
        {r.includes("staff") && <a href="/dashboard">Dashboard</a>}
        {r.includes("courier") && <a href="/courier">Deliveries</a>}
        {r.includes("admin") && <a href="/admin">Admin</a>}
        {s && <a href="/orders">Orders</a>}
        {s && (
          <a href="/inbox" class="inbox-link">
            Inbox <UnreadBadge uid={s.uid} />
          </a>
        )}
        {customer && (
          <a href="/checkout" class="cart-link" aria-label={`Cart, ${cartCount.value} items`}>
            Cart <span class="count">{cartCount.value}</span>
          </a>
        )}
        {s === null && (
          <a href="/signin" class="button small">
            Sign in
          </a>
        )}
        {s && (
          <button type="button" class="link" onClick={() => signOut(auth)} title={s.email}>
            Sign out
          </button>
        )}
      </nav>
    </header>
  );
}

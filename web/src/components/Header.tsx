import { signOut } from "firebase/auth";
import { auth } from "../firebase/auth";
import { cartCount } from "../state/cart";
import { roles, session } from "../state/session";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "@domain";
import { chooseLanguage, language, t, tn } from "../i18n";
import { setProfileLanguage } from "../data/profile";
import { setDeviceLanguage } from "../push/device";
import { AddressPicker } from "./AddressPicker";
import { UnreadBadge } from "./UnreadBadge";

export function Header() {
  const s = session.value;
  const r = roles.value;
  // Staff, couriers and admins work here: the customer's address and cart would only be in the way.
  const customer = r.length === 1;
  return (
    <header class={`top${s ? "" : " visitor"}`}>
      <a class="brand" href="/" aria-label={t("app.home")}>
        Dish<span>patch</span>
      </a>
      {customer && <AddressPicker />}
      {/* A visitor's way to the checkout is the restaurant page's checkout bar. */}
      {s && (
        <nav aria-label={t("nav.main")}>
          {r.includes("staff") && <a href="/dashboard">{t("nav.dashboard")}</a>}
          {r.includes("courier") && <a href="/courier">{t("nav.deliveries")}</a>}
          {r.includes("admin") && <a href="/admin">{t("nav.admin")}</a>}
          <a href="/orders">{t("nav.orders")}</a>
          <a href="/inbox" class="inbox-link">
            {t("nav.inbox")} <UnreadBadge uid={s.uid} />
          </a>
          {customer && (
            <a href="/checkout" class="cart-link" aria-label={tn("nav.cartLabel", cartCount.value)}>
              {t("nav.cart")} <span class="count">{cartCount.value}</span>
            </a>
          )}
        </nav>
      )}
      {/* Who is signed in and in which language: on a phone, the second row beside the address. */}
      <div class="account">
        {s === null && (
          <a href="/signin" class="button small">
            {t("nav.signIn")}
          </a>
        )}
        {s && <a href="/account">{t("nav.account")}</a>}
        {s && (
          <button type="button" class="link" onClick={() => signOut(auth)} title={s.email}>
            {t("nav.signOut")}
          </button>
        )}
        <select
          class="language"
          aria-label={t("nav.language")}
          value={language.value}
          onChange={(e) => {
            const lang = (e.target as HTMLSelectElement).value as Language;
            // Signed in, the profile keeps it too: the backend writes to staff in it.
            void chooseLanguage(lang).then(() => {
              if (!s) return;
              void setProfileLanguage(s.uid, lang).catch(() => undefined);
              void setDeviceLanguage(s.uid, lang).catch(() => undefined);
            });
          }}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
    </header>
  );
}

// Granting and revoking roles, through the admin-only callable.

import { useState } from "preact/hooks";
import { Outcome } from "../../components/States";
import type { RestaurantChoice } from "../../data/restaurants";
import { RestaurantPicker } from "./RestaurantPicker";
import { setRole, type SetRoleInput } from "../../firebase/functions";
import { errorText } from "../../components/format";
import { t } from "../../i18n";
import { RESTAURANT_ROLES } from "@domain";

/** The roles a person now has, in words: "Courier, Restaurant owner (1)", or "no role". */
function rolesText(claims: Record<string, unknown>): string {
  const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  const parts = [
    claims.admin === true ? t("nav.admin") : null,
    claims.courier === true ? t("op.courier") : null,
    count(claims.owner) ? `${t("roles.ownerShort")} (${count(claims.owner)})` : null,
    count(claims.kitchen) ? `${t("roles.kitchenShort")} (${count(claims.kitchen)})` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(", ") : t("roles.none");
}

export function Roles() {
  const [restaurant, setRestaurant] = useState<RestaurantChoice | null>(null);
  const [role, setRoleName] = useState<SetRoleInput["role"]>("courier");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const needsRestaurant = RESTAURANT_ROLES.includes(role);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const grant = (e.submitter as HTMLButtonElement | null)?.value !== "revoke";
    const input: SetRoleInput = {
      email: String(form.get("email")).trim(),
      role,
      grant,
      ...(RESTAURANT_ROLES.includes(role) && restaurant ? { restaurantId: restaurant.id } : {}),
    };
    setBusy(true);
    setMessage("");
    setError("");
    try {
      const { data } = await setRole(input);
      setMessage(t(grant ? "roles.granted" : "roles.revoked", { email: input.email, claims: rolesText(data.claims) }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="stack" aria-labelledby="roles-title">
      <h2 id="roles-title">{t("adm.roles")}</h2>
      <form class="stack" onSubmit={submit}>
        <label>
          {t("roles.email")}
          <input name="email" type="email" required />
        </label>
        <label>
          {t("roles.role")}
          <select
            name="role"
            value={role}
            onChange={(e) => setRoleName((e.target as HTMLSelectElement).value as SetRoleInput["role"])}
          >
            <option value="courier">{t("op.courier")}</option>
            <option value="owner">{t("roles.owner")}</option>
            <option value="kitchen">{t("roles.kitchen")}</option>
            <option value="admin">{t("nav.admin")}</option>
          </select>
        </label>
        {needsRestaurant && <RestaurantPicker label={t("op.restaurant")} value={restaurant} onChange={setRestaurant} />}
        <div class="actions">
          <button type="submit" value="grant" disabled={busy || (needsRestaurant && !restaurant)}>
            {t("roles.grant")}
          </button>
          <button type="submit" value="revoke" class="danger" disabled={busy || (needsRestaurant && !restaurant)}>
            {t("roles.revoke")}
          </button>
        </div>
      </form>
      <Outcome message={message} error={error} />
    </section>
  );
}

// Granting and revoking roles, through the admin-only callable.

import { useState } from "preact/hooks";
import { Outcome } from "../../components/States";
import { useAllRestaurants } from "../../data/restaurants";
import { setRole, type SetRoleInput } from "../../firebase/functions";
import { errorText } from "../../components/format";

export function Roles() {
  const restaurants = useAllRestaurants();
  const [role, setRoleName] = useState<SetRoleInput["role"]>("courier");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const grant = (e.submitter as HTMLButtonElement | null)?.value !== "revoke";
    const input: SetRoleInput = {
      email: String(form.get("email")).trim(),
      role,
      grant,
      ...(role === "staff" ? { restaurantId: String(form.get("restaurantId")) } : {}),
    };
    setBusy(true);
    setMessage("");
    setError("");
    try {
      const { data } = await setRole(input);
      setMessage(
        `${grant ? "Granted" : "Revoked"}. ${input.email} now has: ${JSON.stringify(data.claims)}. They see the change the next time their session refreshes (sign out and in).`,
      );
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="stack" aria-labelledby="roles-title">
      <h2 id="roles-title">Roles</h2>
      <form class="stack" onSubmit={submit}>
        <label>
          User's email
          <input name="email" type="email" required />
        </label>
        <label>
          Role
          <select
            name="role"
            value={role}
            onChange={(e) => setRoleName((e.target as HTMLSelectElement).value as SetRoleInput["role"])}
          >
            <option value="courier">Courier</option>
            <option value="staff">Restaurant staff</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        {role === "staff" && (
          <label>
            Restaurant
            <select name="restaurantId" required>
              {restaurants.data?.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <div class="actions">
          <button type="submit" value="grant" disabled={busy}>
            Grant
          </button>
          <button type="submit" value="revoke" class="danger" disabled={busy}>
            Revoke
          </button>
        </div>
      </form>
      <Outcome message={message} error={error} />
    </section>
  );
}

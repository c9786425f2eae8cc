// Where a password-reset link leads (?mode=resetPassword&oobCode=…): the account's email is
// checked from the code, and a new password is chosen. In production, set this page as the
// email action URL in the Firebase console's Auth templates.

import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { confirmPasswordReset, verifyPasswordResetCode } from "firebase/auth";
import { auth } from "../firebase/auth";
import { errorText } from "../components/format";
import { useAsync } from "../components/useAsync";
import { ErrorNote, Loading, Outcome } from "../components/States";
import { t } from "../i18n";
import "../i18n/shop"; // this screen's texts

export function Reset() {
  const location = useLocation();
  const code = new URLSearchParams(location.url.split("?")[1] ?? "").get("oobCode") ?? "";
  const account = useAsync(() => verifyPasswordResetCode(auth, code), [code]);
  const [done, setDone] = useState(false);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  if (account.error)
    return (
      <main class="page narrow">
        <h1>{t("si.resetTitle")}</h1>
        <ErrorNote error={new Error(t("rs.expired"))} />
        <p>
          <a href="/signin">{t("si.back")}</a>
        </p>
      </main>
    );
  if (account.data === undefined)
    return (
      <main class="page narrow">
        <Loading what={t("rs.loading")} />
      </main>
    );
  return (
    <main class="page narrow">
      <h1>{t("rs.title")}</h1>
      {done ? (
        <p role="status" data-testid="reset-done">
          {t("rs.done")} <a href="/signin">{t("nav.signIn")}</a>
        </p>
      ) : (
        <form
          class="stack"
          onSubmit={async (e) => {
            e.preventDefault();
            const password = String(new FormData(e.currentTarget as HTMLFormElement).get("password") ?? "");
            setBusy(true);
            setError("");
            try {
              await confirmPasswordReset(auth, code, password);
              setDone(true);
            } catch (err) {
              setError(errorText(err));
            } finally {
              setBusy(false);
            }
          }}
        >
          <p>{t("rs.for", { email: account.data })}</p>
          <label>
            {t("rs.new")}
            <input name="password" type="password" autocomplete="new-password" required minLength={6} />
          </label>
          <Outcome error={error} />
          <button type="submit" disabled={busy}>
            {t("rs.save")}
          </button>
        </form>
      )}
    </main>
  );
}

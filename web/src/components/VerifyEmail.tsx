// A password account orders once its email address is confirmed (the rules' verified()): checkout
// says so, sends the link again on request, and picks the confirmation up when the person comes
// back from their mailbox.

import { useEffect, useState } from "preact/hooks";
import { sendEmailVerification } from "firebase/auth";
import { auth } from "../firebase/auth";
import { errorText } from "./format";
import { Outcome } from "./States";
import { t } from "../i18n";
import "../i18n/shop";

/** Reads the account again, and a fresh ID token with it (the rules read `email_verified` there). */
async function checkConfirmed(): Promise<boolean> {
  const user = auth.currentUser;
  if (!user) return false;
  await user.reload();
  if (!user.emailVerified) return false;
  await user.getIdToken(true);
  return true;
}

export function VerifyEmail({ email }: { email: string }) {
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  // Back from the mailbox in another tab: look again.
  useEffect(() => {
    const look = () => void checkConfirmed().catch(() => undefined);
    window.addEventListener("focus", look);
    return () => window.removeEventListener("focus", look);
  }, []);
  const resend = async () => {
    setBusy(true);
    setMessage("");
    setError("");
    try {
      await sendEmailVerification(auth.currentUser!, { url: `${window.location.origin}/checkout` });
      setMessage(t("ver.sent", { email }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const confirmed = async () => {
    setBusy(true);
    setMessage("");
    setError("");
    try {
      if (!(await checkConfirmed())) setError(t("ver.notYet"));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="notice verify-email" role="status" data-testid="verify-email">
      <h2>{t("ver.title")}</h2>
      <p>{t("ver.body", { email })}</p>
      <div class="actions">
        <button type="button" class="secondary" onClick={resend} disabled={busy}>
          {t("ver.resend")}
        </button>
        <button type="button" onClick={confirmed} disabled={busy}>
          {t("ver.done")}
        </button>
      </div>
      <Outcome message={message} error={error} />
    </section>
  );
}

// The signed-in person's account: their Dishpatch credit, their saved cards, download their data
// as JSON, and delete the account (after a confirmation; refused, with the reason, while an order
// is under way).

import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { DeletionRefusal } from "@domain";
import { deleteMyAccount, exportMyData } from "../data/privacy";
import { refusal } from "../components/refusal";
import { errorText } from "../components/format";
import { Outcome } from "../components/States";
import { RequireSignIn } from "../components/RequireSignIn";
import { session } from "../state/session";
import { t, type Key } from "../i18n";
import { Credit } from "./account/Credit";
import { SavedCards } from "./account/SavedCards";
import "../i18n/shop"; // this screen's texts

const REFUSALS: Record<DeletionRefusal, Key> = {
  order_under_way: "acct.refusedOrder",
  has_role: "acct.refusedRole",
};

export function Account() {
  return <RequireSignIn>{() => <AccountView />}</RequireSignIn>;
}

export function AccountDeleted() {
  return (
    <main class="page narrow">
      <h1>{t("acct.deletedTitle")}</h1>
      <p data-testid="account-deleted">{t("acct.deleted")}</p>
      <p>
        <a href="/">{t("app.backToRestaurants")}</a>
      </p>
    </main>
  );
}

function AccountView() {
  return (
    <main class="page narrow stack">
      <h1>{t("acct.title")}</h1>
      <p>{t("acct.signedInAs", { email: session.value?.email ?? "" })}</p>
      {session.value && <Credit uid={session.value.uid} />}
      {session.value && <SavedCards uid={session.value.uid} />}
      <DownloadData />
      <DeleteAccount />
    </main>
  );
}

function DownloadData() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const download = async () => {
    setBusy(true);
    setError("");
    try {
      const data = await exportMyData();
      const a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      a.download = `dishpatch-data-${data.exportedAt.slice(0, 10)}.json`;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="stack" aria-labelledby="data-title">
      <h2 id="data-title">{t("acct.dataTitle")}</h2>
      <p>{t("acct.dataWhat")}</p>
      <button type="button" class="secondary" disabled={busy} onClick={download}>
        {busy ? t("acct.preparing") : t("acct.download")}
      </button>
      <Outcome error={error} />
    </section>
  );
}

function DeleteAccount() {
  const location = useLocation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const remove = async () => {
    setBusy(true);
    setError("");
    try {
      await deleteMyAccount();
      location.route("/account/deleted", true);
    } catch (err) {
      setError(refusal(err, REFUSALS));
      setBusy(false);
    }
  };
  return (
    <section class="stack" aria-labelledby="delete-title">
      <h2 id="delete-title">{t("acct.deleteTitle")}</h2>
      <p>{t("acct.deleteWhat")}</p>
      {!confirming ? (
        <button type="button" class="secondary" onClick={() => setConfirming(true)}>
          {t("acct.delete")}
        </button>
      ) : (
        <div class="stack confirm" role="group" aria-labelledby="confirm-title">
          <p id="confirm-title">
            <strong>{t("acct.confirm")}</strong>
          </p>
          <div class="actions">
            <button type="button" class="danger" disabled={busy} onClick={remove}>
              {busy ? t("acct.deleting") : t("acct.deleteForGood")}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t("acct.keep")}
            </button>
          </div>
        </div>
      )}
      <Outcome error={error} />
    </section>
  );
}

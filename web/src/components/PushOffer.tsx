// After an order is placed: "tell me on this device when it moves on". Shown only where push is
// configured and possible, until it is on or the customer says not now.

import { useState } from "preact/hooks";
import { language, t } from "../i18n";
import { enablePush, pushOffered } from "../push/device";
import { errorText } from "./format";
import { Outcome } from "./States";

const DISMISSED = "dishpatch.pushDismissed";

export function PushOffer({ uid }: { uid: string }) {
  const [state, setState] = useState<"offer" | "busy" | "on" | "gone">(() =>
    pushOffered(uid) && localStorage.getItem(DISMISSED) === null ? "offer" : "gone",
  );
  const [error, setError] = useState("");
  if (state === "gone") return null;
  if (state === "on")
    return (
      <p class="ok" role="status" data-testid="push-on">
        {t("push.on")}
      </p>
    );
  return (
    <div class="notice push-offer" data-testid="push-offer">
      <p>{t("push.offer")}</p>
      <div class="actions">
        <button
          type="button"
          disabled={state === "busy"}
          onClick={async () => {
            setState("busy");
            setError("");
            try {
              await enablePush(uid, language.value);
              setState("on");
            } catch (err) {
              setError(err instanceof Error && err.message === "permission-denied" ? t("push.denied") : errorText(err));
              setState("offer");
            }
          }}
        >
          {t("push.enable")}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            localStorage.setItem(DISMISSED, "1");
            setState("gone");
          }}
        >
          {t("push.notNow")}
        </button>
      </div>
      <Outcome error={error} />
    </div>
  );
}

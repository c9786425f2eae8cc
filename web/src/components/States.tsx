// The three states every data view has besides "here it is".
import { t } from "../i18n";
import { errorText } from "./format";

export function Loading({ what }: { what: string }) {
  return (
    <p class="state loading" role="status" aria-live="polite">
      {t("state.loading", { what })}
    </p>
  );
}

export function Empty({ children }: { children: preact.ComponentChildren }) {
  return <div class="state empty">{children}</div>;
}

export function ErrorNote({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div class="state error" role="alert">
      <p>{t("state.error", { message: errorText(error) })}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {t("state.retry")}
        </button>
      )}
    </div>
  );
}

/** What a form's last action came to: a confirmation, or what went wrong. */
export function Outcome({ message, error }: { message?: string; error?: string }) {
  return (
    <>
      {message && (
        <p class="ok" role="status">
          {message}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

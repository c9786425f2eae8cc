import type { ComponentChildren } from "preact";
import { session } from "../state/session";
import { Loading } from "./States";
import { t } from "../i18n";

export function RequireSignIn({ children }: { children: (uid: string) => ComponentChildren }) {
  const s = session.value;
  if (s === undefined)
    return (
      <main class="page">
        <Loading what={t("req.loading")} />
      </main>
    );
  if (s === null) {
    return (
      <main class="page narrow">
        <p>
          {t("req.please")} <a href={`/signin?next=${encodeURIComponent(location.pathname)}`}>{t("nav.signIn")}</a>
        </p>
      </main>
    );
  }
  return <>{children(s.uid)}</>;
}

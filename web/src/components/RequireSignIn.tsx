import type { ComponentChildren } from "preact";
import { session } from "../state/session";
import { Loading } from "./States";

export function RequireSignIn({ children }: { children: (uid: string) => ComponentChildren }) {
  const s = session.value;
  if (s === undefined)
    return (
      <main class="page">
        <Loading what="your account" />
      </main>
    );
  if (s === null) {
    return (
      <main class="page narrow">
        <p>
          Please <a href={`/signin?next=${encodeURIComponent(location.pathname)}`}>sign in</a> to see this page.
        </p>
      </main>
    );
  }
  return <>{children(s.uid)}</>;
}

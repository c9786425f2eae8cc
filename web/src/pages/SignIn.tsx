import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import {
  createUserWithEmailAndPassword,
  sendEmailVerification,
  sendPasswordResetEmail,
  signInWithEmailAndPassword,
  updateProfile,
} from "firebase/auth";
import { LIMITS, nameProblem } from "@domain";
import { auth } from "../firebase/auth";
import { createProfile, fetchProfile } from "../data/profile";
import { errorText } from "../components/format";
import { language, t } from "../i18n";
import { Outcome } from "../components/States";
import { loadLookalikes } from "../lookalikes";

/** What is wrong with a name others will read (publicText.ts), in the reader's language: the
 * confusables data and the checks' texts load only when someone signs up. */
async function nameTrouble(name: string): Promise<string | null> {
  const [{ PROBLEMS }] = await Promise.all([import("@domain/texts/problems"), loadLookalikes()]);
  const say = PROBLEMS[language.value];
  return nameProblem(name, say.fields.displayName, say);
}

export function SignIn() {
  const location = useLocation();
  const next = new URLSearchParams(location.url.split("?")[1] ?? "").get("next") ?? "/";
  const [mode, setMode] = useState<"in" | "up" | "reset">("in");
  const [sent, setSent] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  // Said while typing, not cut off: a name longer than the limit is refused, and the form says why.
  const [nameLength, setNameLength] = useState(0);
  const nameTooLong = mode === "up" && nameLength > LIMITS.maxNameLength;

  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim();
    setError("");
    setBusy(true);
    try {
      if (mode === "reset") {
        // The link leads to /reset, where a new password is chosen (see Reset.tsx).
        await sendPasswordResetEmail(auth, email, { url: `${window.location.origin}/signin` });
        setSent(email);
        return;
      }
      if (mode === "up") {
        if (name.length < 1) throw new Error(t("si.nameMissing"));
        if (name.length > LIMITS.maxNameLength)
          throw new Error(t("si.nameTooLong", { max: LIMITS.maxNameLength, n: name.length }));
        // Before the account exists: a name the rules refuse would leave it without a profile.
        const trouble = await nameTrouble(name);
        if (trouble) throw new Error(trouble);
        const { user } = await createUserWithEmailAndPassword(auth, email, password);
        await updateProfile(user, { displayName: name });
        await createProfile(user.uid, name, language.value);
        // The link confirms the address (needed to order) and leads back to where they were going.
        await sendEmailVerification(user, { url: `${window.location.origin}${next}` });
        await user.getIdToken(true);
      } else {
        await signInWithEmailAndPassword(auth, email, password);
      }
      location.route(next);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const google = async () => {
    setError("");
    setBusy(true);
    try {
      const { signInWithGoogle } = await import("../firebase/google");
      const { user } = await signInWithGoogle();
      // A first Google sign-in has no profile yet: make one from the Google account's name, or a
      // plain "Customer" where that name may not be shown to others (an email address is a domain).
      if (!(await fetchProfile(user.uid))) {
        const given = (user.displayName ?? "").trim().slice(0, LIMITS.maxNameLength);
        const name = given && !(await nameTrouble(given)) ? given : t("si.defaultName");
        await createProfile(user.uid, name, language.value);
      }
      location.route(next);
    } catch (err) {
      // Google's popup helper is a script from apis.google.com; when it cannot load, the SDK
      // reports an internal error. Say what it means.
      const code = (err as { code?: string }).code;
      setError(code === "auth/internal-error" ? errorText({ code: "auth/network-request-failed" }) : errorText(err));
    } finally {
      setBusy(false);
    }
  };

  if (mode === "reset")
    return (
      <main class="page narrow">
        <h1>{t("si.resetTitle")}</h1>
        {sent ? (
          <p role="status" data-testid="reset-sent">
            {t("si.resetSent", { email: sent })}
          </p>
        ) : (
          <form class="stack" onSubmit={submit}>
            <label>
              {t("si.email")}
              <input name="email" type="email" autocomplete="email" required />
            </label>
            <Outcome error={error} />
            <button type="submit" disabled={busy}>
              {t("si.sendLink")}
            </button>
          </form>
        )}
        <p>
          <button type="button" class="link" onClick={() => (setMode("in"), setSent(""))}>
            {t("si.back")}
          </button>
        </p>
      </main>
    );

  return (
    <main class="page narrow">
      <h1>{mode === "in" ? t("nav.signIn") : t("si.create")}</h1>
      <button type="button" class="secondary google" disabled={busy} onClick={google}>
        {t("si.google")}
      </button>
      <p class="or">{t("si.or")}</p>
      <form class="stack" onSubmit={submit}>
        {mode === "up" && (
          <label>
            {t("si.name")}
            <input
              name="name"
              autocomplete="name"
              required
              aria-invalid={nameTooLong}
              aria-describedby={nameTooLong ? "name-too-long" : undefined}
              onInput={(e) => setNameLength((e.target as HTMLInputElement).value.trim().length)}
            />
          </label>
        )}
        {nameTooLong && (
          <p id="name-too-long" class="error" role="alert">
            {t("si.nameTooLong", { max: LIMITS.maxNameLength, n: nameLength })}
          </p>
        )}
        <label>
          {t("si.email")}
          <input name="email" type="email" autocomplete="email" required />
        </label>
        <label>
          {t("si.password")}
          <input
            name="password"
            type="password"
            autocomplete={mode === "in" ? "current-password" : "new-password"}
            required
            minLength={6}
          />
        </label>
        <Outcome error={error} />
        <button type="submit" disabled={busy || nameTooLong}>
          {busy ? t("si.wait") : mode === "in" ? t("nav.signIn") : t("si.createButton")}
        </button>
      </form>
      {mode === "in" && (
        <p>
          <button type="button" class="link" onClick={() => (setMode("reset"), setError(""))}>
            {t("si.forgot")}
          </button>
        </p>
      )}
      <p>
        {mode === "in" ? t("si.new") : t("si.have")}{" "}
        <button type="button" class="link" onClick={() => setMode(mode === "in" ? "up" : "in")}>
          {mode === "in" ? t("si.create") : t("nav.signIn")}
        </button>
      </p>
    </main>
  );
}

import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { createUserWithEmailAndPassword, signInWithEmailAndPassword, updateProfile } from "firebase/auth";
import { LIMITS } from "@domain";
import { auth } from "../firebase/auth";
import { createProfile } from "../data/profile";
import { errorText } from "../components/format";

export function SignIn() {
  const location = useLocation();
  const next = new URLSearchParams(location.url.split("?")[1] ?? "").get("next") ?? "/";
  const [mode, setMode] = useState<"in" | "up">("in");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");

  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim();
    setError("");
    setBusy(true);
    try {
      if (mode === "up") {
        if (name.length < 1 || name.length > LIMITS.maxNameLength) throw new Error("Enter your name.");
        const { user } = await createUserWithEmailAndPassword(auth, email, password);
        await updateProfile(user, { displayName: name });
        await createProfile(user.uid, name);
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

  return (
    <main class="page narrow">
      <h1>{mode === "in" ? "Sign in" : "Create an account"}</h1>
      <form class="stack" onSubmit={submit}>
        {mode === "up" && (
          <label>
            Your name
            <input name="name" autocomplete="name" required maxLength={LIMITS.maxNameLength} />
          </label>
        )}
        <label>
          Email
          <input name="email" type="email" autocomplete="email" required />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autocomplete={mode === "in" ? "current-password" : "new-password"}
            required
            minLength={6}
          />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? "Please wait…" : mode === "in" ? "Sign in" : "Create account"}
        </button>
      </form>
      <p>
        {mode === "in" ? "New to Dishpatch? " : "Already have an account? "}
        <button type="button" class="link" onClick={() => setMode(mode === "in" ? "up" : "in")}>
          {mode === "in" ? "Create an account" : "Sign in"}
        </button>
      </p>
    </main>
  );
}

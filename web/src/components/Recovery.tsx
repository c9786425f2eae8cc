// What a page shows instead of going blank when something in it throws: the app around it keeps
// working, and the user can try again or go home.
import { Component, type ComponentChildren } from "preact";
import { t } from "../i18n";

export class Recovery extends Component<{ children: ComponentChildren; resetKey: string }, { error: unknown }> {
  state = { error: undefined as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  componentDidCatch(error: unknown) {
    console.error("page failed", error);
  }

  componentDidUpdate(prev: { resetKey: string }) {
    // Navigating elsewhere gives the next page a fresh start.
    if (prev.resetKey !== this.props.resetKey && this.state.error !== undefined) this.setState({ error: undefined });
  }

  render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <main class="page narrow" data-testid="recovery">
        <h1>{t("rec.title")}</h1>
        <p>{t("rec.body")}</p>
        <div class="actions">
          <button type="button" onClick={() => this.setState({ error: undefined })}>
            {t("state.retry")}
          </button>
          <a class="button secondary" href="/">
            {t("app.backToRestaurants")}
          </a>
        </div>
      </main>
    );
  }
}

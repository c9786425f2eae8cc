import { render } from "preact";
import { App } from "./App";
import { language, loadLanguage } from "./i18n";
import { registerServiceWorker } from "./registerSw";
import { startSession } from "./state/session";
import "./styles/app.css";

// German texts are their own chunk: fetched before the first paint for those who read German.
void loadLanguage(language.value).finally(() => render(<App />, document.getElementById("app")!));
registerServiceWorker();
// The list starts the session once it has painted; should it never get there (offline, say), the
// session starts anyway.
setTimeout(() => void startSession(), 4000);

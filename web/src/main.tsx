import { render } from "preact";
import { App } from "./App";
import { language, loadLanguage } from "./i18n";
import { registerServiceWorker } from "./registerSw";
import "./styles/app.css";

// German texts are their own chunk: fetched before the first paint for those who read German.
void loadLanguage(language.value).finally(() => render(<App />, document.getElementById("app")!));
registerServiceWorker();

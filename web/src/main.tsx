import { render } from "preact";
import { App } from "./App";
import { registerServiceWorker } from "./registerSw";
import "./styles/app.css";

render(<App />, document.getElementById("app")!);
registerServiceWorker();

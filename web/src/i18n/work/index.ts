// The working screens' texts join the catalogue when one of those screens loads: they import this
// module, so its texts travel in their chunks and not in the first screen's.
import { addTexts } from "..";
import { workDe } from "./de";
import { workEn } from "./en";

addTexts({ en: workEn, de: workDe });

// The working screens' texts join the catalogue when one of those screens loads: they import this
// module, so its texts travel in their chunks and not in the first screen's.
import { PROBLEMS } from "@domain/texts/problems";
import { addTexts, language } from "..";
import { workDe } from "./de";
import { workEn } from "./en";

addTexts({ en: workEn, de: workDe });

/** What the domain's validators say, in the reader's language. */
export const problems = () => PROBLEMS[language.value];

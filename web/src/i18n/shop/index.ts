// The customer's later screens' texts join the catalogue when one of those screens loads (the
// working screens load them too: they name orders and totals the same way).
import { addTexts } from "..";
import { shopDe } from "./de";
import { shopEn } from "./en";

addTexts({ en: shopEn, de: shopDe });

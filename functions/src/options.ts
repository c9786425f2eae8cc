// Options every function shares. Imported first by index.ts: setGlobalOptions must run before
// any function is defined.
import { setGlobalOptions } from "firebase-functions/v2/options";
import { REGION } from "./domain";

setGlobalOptions({ region: REGION });

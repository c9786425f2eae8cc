// Options every function shares. Imported first by index.ts: setGlobalOptions must run before
// any function is defined.
import { setGlobalOptions } from "firebase-functions/v2/options";
// The one domain module it needs: a function's cold start should not load the whole domain.
import { FUNCTION_SETTINGS, REGION } from "./domain/deployment";

// Instances and requests per instance as the capacity model chose them (domain/capacity.ts).
setGlobalOptions({ region: REGION, ...FUNCTION_SETTINGS });

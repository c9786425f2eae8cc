// Where Dishpatch runs. The functions set it once with setGlobalOptions; the web app and the
// tests call the callables in the same region.
export const REGION = "europe-west1";

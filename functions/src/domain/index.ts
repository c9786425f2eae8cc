// The Dishpatch domain: plain TypeScript with no Firebase imports, shared by the functions,
// the web app and the tests.
export * from "./city";
export * from "./collections";
export * from "./geo";
export * from "./hours";
export * from "./limits";
export * from "./menuItem";
export * from "./money";
export * from "./notifications";
export * from "./orderCheck";
export * from "./pricing";
export * from "./roles";
export * from "./status";
export * from "./types";

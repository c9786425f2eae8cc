// jose publishes its types only through package.json "exports", which this project's node10 module
// resolution does not read; the functions name them here (runtime resolution is Node's, through exports).
declare module "jose" {
  export * from "jose/dist/types/index";
}

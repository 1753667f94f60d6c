// addons-linter ships no types; this is the part of its Node API the store-lint test uses.
declare module 'addons-linter' {
  const linter: {
    createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): { run(): Promise<unknown> };
  };
  export default linter;
}

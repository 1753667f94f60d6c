export default defineBackground(() => {
  // wired to the engine in utils/engine
});

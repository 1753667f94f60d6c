export default defineContentScript({
  matches: ['https://github.com/*'],
  main() {},
});

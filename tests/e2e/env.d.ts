// Tests evaluate code inside extension pages and the worker, where `chrome` is the native API.
// Extension code itself uses the polyfilled `browser` from `wxt/browser` (lint enforces it).
/// <reference types="chrome" />

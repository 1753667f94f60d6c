import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Window and global functions that must be called on their object, never detached. */
const WINDOW_METHODS =
  '/^(requestIdleCallback|cancelIdleCallback|requestAnimationFrame|cancelAnimationFrame|setTimeout|clearTimeout|setInterval|clearInterval|queueMicrotask|fetch|structuredClone|matchMedia|getComputedStyle|postMessage)$/';

const GLOBAL_OBJECTS = '/^(window|globalThis|self)$/';

export default tseslint.config(
  {
    ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'bench/out/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // API text must never become markup.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'API text is rendered as text.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'API text is rendered as text.' },
      ],
    },
  },
  {
    // Extension code goes through webextension-polyfill (`browser` from `wxt/browser`).
    files: ['entrypoints/**', 'components/**', 'utils/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'chrome', message: "Use `browser` from 'wxt/browser'." }],
      // Repeats the rule above (a later block replaces its options) and adds: a Window method kept
      // in a variable and called unbound throws in Firefox content scripts ("called on an object
      // that does not implement interface Window").
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'API text is rendered as text.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'API text is rendered as text.' },
        ...[
          `VariableDeclarator > MemberExpression.init[object.name=${GLOBAL_OBJECTS}][property.name=${WINDOW_METHODS}]`,
          `VariableDeclarator > LogicalExpression.init > MemberExpression[object.name=${GLOBAL_OBJECTS}][property.name=${WINDOW_METHODS}]`,
          `VariableDeclarator > Identifier.init[name=${WINDOW_METHODS}]`,
          `VariableDeclarator > LogicalExpression.init > Identifier[name=${WINDOW_METHODS}]`,
        ].map((selector) => ({ selector, message: 'Call this on window (window.requestIdleCallback(...)), do not keep it in a variable: unbound, it throws in Firefox content scripts.' })),
      ],
    },
  },
);

// Lint: typescript-eslint's strict rules plus size budgets that keep files and functions small.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.strict,
  {
    rules: {
      "max-lines": ["error", { max: 300, skipBlankLines: true, skipComments: true }],
      "max-lines-per-function": ["error", { max: 100, skipBlankLines: true, skipComments: true }],
      complexity: ["error", 25],
      "max-depth": ["error", 4],
      "max-params": ["error", 6],
      "@typescript-eslint/no-unused-vars": ["error", { varsIgnorePattern: "^_", argsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // noUncheckedIndexedAccess makes `!` the honest way to say "this index exists"; the compiler checks the rest.
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["test/**/*.ts"],
    rules: { "max-lines-per-function": "off", "max-lines": ["error", { max: 600, skipBlankLines: true, skipComments: true }] },
  },
);

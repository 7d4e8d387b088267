/** Packages published as ES modules only: ts-jest turns them into CommonJS for jest. */
const ESM_ONLY = ["lit", "lit-html", "lit-element", "@lit", "@lit-labs", "@noble", "valibot"];

/** @type {import('jest').Config} */
const config = {
  testEnvironment: "jsdom",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.[tj]sx?$": ["ts-jest", { tsconfig: { allowJs: true, isolatedModules: true, esModuleInterop: true, module: "commonjs", moduleResolution: "node10" }, diagnostics: false }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join("|")})/)`],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testTimeout: 30000,
  setupFiles: ["<rootDir>/__tests__/support/jsdom-gaps.ts", "<rootDir>/__tests__/support/quiet-sdk.ts"],
};

module.exports = config;

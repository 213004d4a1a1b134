/**
 * Prismatic's starting point, built side by side: `prism components:init --toolchain legacy` in a
 * temporary folder, installed and bundled with its own webpack config.
 *
 * Two edits, neither of which changes the bundle: the pinned
 * `@prismatic-io/eslint-config-spectral@2.1.0` does not exist in the registry, so it is removed;
 * and the test/lint/format tooling (jest, eslint, prettier and the template's *.test.ts files,
 * which ts-loader would type-check without jest's types) is left out to keep the bench quick.
 * Set BENCH_TEMPLATE_DIR to a folder holding an already built template to reuse it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const NAME = "legacytemplate";
const NOT_BUNDLED = [
  "@prismatic-io/eslint-config-spectral",
  "@types/jest",
  "dotenv",
  "eslint",
  "jest",
  "prettier",
  "ts-jest",
];

export interface Template {
  /** The template's dist/index.js. */
  bundle: string;
  /** Its webpack config, for the size investigation. */
  webpackConfig: string;
  buildSeconds: number;
  cleanup: () => void;
}

function run(command: string, args: string[], cwd: string): void {
  try {
    execFileSync(command, args, { cwd, stdio: "pipe", env: { ...process.env, CI: "1" } });
  } catch (error) {
    const err = error as { stderr?: Buffer; stdout?: Buffer };
    const output = `${err.stdout ?? ""}${err.stderr ?? ""}`.trim().split("\n").slice(-8).join("\n");
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${output}`);
  }
}

function trimPackage(dir: string): void {
  const file = join(dir, "package.json");
  const pkg = JSON.parse(readFileSync(file, "utf8"));
  for (const name of NOT_BUNDLED) delete pkg.devDependencies?.[name];
  delete pkg.eslintConfig;
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  const src = join(dir, "src");
  for (const name of readdirSync(src).filter((n) => n.endsWith(".test.ts"))) {
    rmSync(join(src, name));
  }
}

export function buildTemplate(root: string): Template {
  const reuse = process.env.BENCH_TEMPLATE_DIR;
  if (reuse && existsSync(join(reuse, "dist", "index.js"))) {
    return {
      bundle: join(reuse, "dist", "index.js"),
      webpackConfig: join(reuse, "webpack.config.js"),
      buildSeconds: 0,
      cleanup: () => {},
    };
  }
  const started = Date.now();
  const parent = mkdtempSync(join(tmpdir(), "prism-template-"));
  const dir = join(parent, NAME);
  const bin = (name: string, base = root) => join(base, "node_modules", ".bin", name);
  run(bin("prism"), ["components:init", NAME, "--toolchain", "legacy"], parent);
  trimPackage(dir);
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], dir);
  run(bin("webpack", dir), [], dir);
  return {
    bundle: join(dir, "dist", "index.js"),
    webpackConfig: join(dir, "webpack.config.js"),
    buildSeconds: (Date.now() - started) / 1000,
    cleanup: () => rmSync(parent, { recursive: true, force: true }),
  };
}

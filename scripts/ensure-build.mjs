// Builds dist/ when it is missing or older than the sources, so `npm start`, `npm test`,
// `npm run bench` and `npm run docs` always run the component as it will be published.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const bundle = join(root, "dist", "index.js");

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sources = [
  "src",
  "assets",
  "package.json",
  "package-lock.json",
  "webpack.config.js",
  "tsconfig.json",
]
  .map((p) => join(root, p))
  .filter(existsSync);
const stale = !existsSync(bundle) || Math.max(...sources.map(newest)) > statSync(bundle).mtimeMs;
if (stale) {
  console.log("Building the component (dist/ is missing or older than src/)…");
  execSync("npx webpack", { cwd: root, stdio: "inherit" });
}

// Bundles the component into dist/index.js (commonjs2) with its icon, as Prismatic expects.
const path = require("node:path");
const CopyPlugin = require("copy-webpack-plugin");

module.exports = {
  entry: { index: "./src/index.ts" },
  target: "node",
  mode: "production",
  // Minified like Prismatic's own template: the bundle is mostly spectral's dependencies, and its
  // size is what every step's cold start pays for. Error classes set `name` explicitly, so
  // messages stay readable.
  optimization: { minimize: true },
  devtool: false,
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: "ts-loader",
        exclude: /node_modules/,
        options: { transpileOnly: true, configFile: "tsconfig.build.json" },
      },
    ],
  },
  resolve: { extensions: [".ts", ".js"] },
  // spectral bundles jest-mock for its testing helpers; jest-util's dynamic require is never
  // reached at run time, so its "Critical dependency" warning is noise.
  ignoreWarnings: [{ module: /node_modules[\\/]jest-util[\\/]/ }],
  stats: "errors-warnings",
  output: {
    filename: "[name].js",
    path: path.resolve(__dirname, "dist"),
    libraryTarget: "commonjs2",
  },
  plugins: [new CopyPlugin({ patterns: [{ from: "assets/icon.png", to: "icon.png" }] })],
};

// Bundles the component into dist/index.js (commonjs2) with its icon, as Prismatic expects.
const path = require("node:path");
const CopyPlugin = require("copy-webpack-plugin");

module.exports = {
  entry: { index: "./src/index.ts" },
  target: "node",
  mode: "production",
  // Readable stack traces in the Prismatic logs matter more than a few KB.
  optimization: { minimize: false },
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

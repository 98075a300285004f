import "./helpers/node20-polyfills";

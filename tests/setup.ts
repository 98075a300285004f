import { vi } from "vitest";
import "./helpers/node20-polyfills";

// `server-only` throws outside a React Server Components bundle; tests import server modules directly.
vi.mock("server-only", () => ({}));

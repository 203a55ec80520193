import { fileURLToPath } from "node:url";

/** The package's root folder, whether running from `src/` (tests) or `dist/` (the bin). */
export const packageRoot = fileURLToPath(new URL("../", import.meta.url));

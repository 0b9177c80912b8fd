/**
 * Ambient types for the renderer build: Vite's client types (CSS side-effect imports,
 * `import.meta.env`). Declarations only.
 */
/// <reference types="vite/client" />

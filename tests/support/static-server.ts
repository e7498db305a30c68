/** The browser tests' static server: the one `npm run bench` uses too (src/cli/static-server.ts). */
export { serveStatic, type StaticServer, type StaticServerOptions } from '../../src/cli/static-server.ts';

// undici ships no types for its lib/ files; src/undici-parts.ts gives them undici's public types.
declare module "undici/lib/dispatcher/agent.js" {
  const Agent: unknown;
  export default Agent;
}
declare module "undici/lib/api/api-request.js" {
  const request: unknown;
  export default request;
}

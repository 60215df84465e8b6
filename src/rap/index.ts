// The RAP API contract, shared by the GitHub App (client side) and the reference backend (server
// side). Host-free: nothing here imports @actions/* or probot.
export * from "./client.ts";
export * from "./errors.ts";
export * from "./ids.ts";
export * from "./openapi.ts";
export * from "./request-status.ts";
export * from "./schemas.ts";
export * from "./statuses.ts";
export * from "./validation.ts";

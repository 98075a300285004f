export * from "./activity";
export * from "./privacy";
export * from "./profile";
export * from "./ratelimit";
export * from "./search";
export * from "./stats";
export * from "./taxonomy";
export * from "./users";

// Limits of a display name, apart from its zod schema: the name form (a client
// component) imports them, and zod in a browser bundle probes `Function("")`,
// which the Content-Security-Policy blocks as eval.
export const DISPLAY_NAME_MIN = 2;
export const DISPLAY_NAME_MAX = 50;

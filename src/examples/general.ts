/** Answers that belong to no resource. */

/** Test Connection (`GET /ping`) with valid credentials. */
export const ping = { status: 200, message: "Your API key is correct." };

// The password rule of every account (staff and portal), checked before sending; the server checks it
// again (src/auth/password.ts).
export const MIN_PASSWORD_LENGTH = 10;

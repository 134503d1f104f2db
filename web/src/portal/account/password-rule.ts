// The password rule of portal accounts, checked before sending (the server checks it again: auth/password.ts).
export const MIN_PASSWORD_LENGTH = 10;

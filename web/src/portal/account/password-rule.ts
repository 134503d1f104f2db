// The password rule of portal accounts: the one of every account, kept in one place.
export { MIN_PASSWORD_LENGTH } from '../../components/password-reset/password-rule';

// The Users tab (issue #4): list and search, new record, record page, merge screen.
export { CreateUserPage } from './CreateUserPage';
export { MergeUsersPage } from './MergeUsersPage';
export { UserRecordPage } from './UserRecordPage';
export { UsersListPage } from './UsersListPage';

// The complete catalogs: the shell's base files plus one file per area (areas/<area>.<lang>.json), so
// each area's screens keep their texts beside each other without editing one shared file.

import followupEn from './areas/followup.en.json';
import followupFr from './areas/followup.fr.json';
import meetingsEn from './areas/meetings.en.json';
import meetingsFr from './areas/meetings.fr.json';
import outboxEn from './areas/outbox.en.json';
import outboxFr from './areas/outbox.fr.json';
import portalEn from './areas/portal.en.json';
import portalFr from './areas/portal.fr.json';
import reportsEn from './areas/reports.en.json';
import reportsFr from './areas/reports.fr.json';
import scheduleEn from './areas/schedule.en.json';
import scheduleFr from './areas/schedule.fr.json';
import securityEn from './areas/security.en.json';
import securityFr from './areas/security.fr.json';
import servicesEn from './areas/services.en.json';
import servicesFr from './areas/services.fr.json';
import tagsEn from './areas/tags.en.json';
import tagsFr from './areas/tags.fr.json';
import usersEn from './areas/users.en.json';
import usersFr from './areas/users.fr.json';
import enBase from './en.json';
import frBase from './fr.json';

export const fr = {
  ...frBase,
  users: usersFr,
  schedule: scheduleFr,
  services: servicesFr,
  followup: followupFr,
  reports: reportsFr,
  outbox: outboxFr,
  portal: portalFr,
  tags: tagsFr,
  security: securityFr,
  meetings: meetingsFr,
};

export const en: typeof fr = {
  ...enBase,
  users: usersEn,
  schedule: scheduleEn,
  services: servicesEn,
  followup: followupEn,
  reports: reportsEn,
  outbox: outboxEn,
  portal: portalEn,
  tags: tagsEn,
  security: securityEn,
  meetings: meetingsEn,
};

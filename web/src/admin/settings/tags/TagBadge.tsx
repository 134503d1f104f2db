// U9: how a tag looks everywhere in the admin — a badge in the tag's colour with its icon and label (the
// label is always written, so colour is never the only cue). Tags never appear on the public side.
import { Badge } from '@mantine/core';
import {
  type Icon,
  IconAlertTriangle,
  IconBan,
  IconClock,
  IconFlag,
  IconHeart,
  IconInfoCircle,
  IconShield,
  IconStar,
  IconTag,
  IconUser,
} from '@tabler/icons-react';
import type { ResponseBody } from '../../../api/client';
import { readableTextColor } from './tagColors';

export type Tag = ResponseBody<'/api/v1/accounts/{accountId}/tags', 'get'>[number];
export type TagSummary = Pick<Tag, 'id' | 'label' | 'type' | 'icon' | 'color'>;

/** The icons a tag may carry: stored name → Tabler icon and its catalog key. */
export const TAG_ICONS = {
  tag: { icon: IconTag, key: 'tag' },
  star: { icon: IconStar, key: 'star' },
  flag: { icon: IconFlag, key: 'flag' },
  'alert-triangle': { icon: IconAlertTriangle, key: 'alertTriangle' },
  ban: { icon: IconBan, key: 'ban' },
  heart: { icon: IconHeart, key: 'heart' },
  shield: { icon: IconShield, key: 'shield' },
  clock: { icon: IconClock, key: 'clock' },
  user: { icon: IconUser, key: 'user' },
  'info-circle': { icon: IconInfoCircle, key: 'infoCircle' },
} as const satisfies Record<string, { icon: Icon; key: string }>;
export type TagIconName = keyof typeof TAG_ICONS;

export function isTagIconName(value: string): value is TagIconName {
  return Object.hasOwn(TAG_ICONS, value);
}

export function TagIcon({ name, size = 14 }: { name: string; size?: number }) {
  const Component = isTagIconName(name) ? TAG_ICONS[name].icon : IconTag;
  return <Component size={size} aria-hidden="true" />;
}

export function TagBadge({ tag, size = 'md' }: { tag: TagSummary; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge
      size={size}
      radius="sm"
      leftSection={<TagIcon name={tag.icon} size={12} />}
      styles={{
        root: { backgroundColor: tag.color, color: readableTextColor(tag.color), textTransform: 'none' },
        // The whole label, never an ellipsis: in a narrow table cell the cell grows instead.
        label: { overflow: 'visible' },
      }}
    >
      {tag.label}
    </Badge>
  );
}

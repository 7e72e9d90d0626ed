import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Role } from "../../../contracts/accounts.ts";
import type { Person } from "../../../contracts/people.ts";

const STATUS_COLORS = { invited: "yellow", active: "green", disabled: "gray" } as const;
const ROLE_COLORS = { admin: "grape", manager: "blue", participant: "teal" } as const;

export function StatusBadge({ status }: { status: keyof typeof STATUS_COLORS }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function RoleBadges({ roles }: { roles: Role[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} color={ROLE_COLORS[role]} variant="outline">
          {t(`roles.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** A directory entry's state: left the company, its account's status (and roles), or no account. */
export function PersonStatus({ person, withRoles = false }: { person: Pick<Person, "isActive" | "account">; withRoles?: boolean }) {
  const { t } = useTranslation();
  if (!person.isActive)
    return (
      <Badge color="gray" variant="outline">
        {t("people.inactive")}
      </Badge>
    );
  if (!person.account)
    return (
      <Text size="sm" c="dimmed">
        {t("people.noAccount")}
      </Text>
    );
  return (
    <Group gap={4}>
      <StatusBadge status={person.account.status} />
      {withRoles && <RoleBadges roles={person.account.roles} />}
    </Group>
  );
}

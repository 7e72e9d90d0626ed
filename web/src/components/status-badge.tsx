import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Role } from "../../../contracts/accounts.ts";

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

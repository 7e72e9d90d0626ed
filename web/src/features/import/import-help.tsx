import { Alert, Code, List, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Expected columns: the French and English header names, required ones first. */
const COLUMNS = [
  { fr: "matricule", en: "employee_id", key: "employeeId", required: true },
  { fr: "nom", en: "last_name", key: "lastName", required: true },
  { fr: "prénom", en: "first_name", key: "firstName", required: true },
  { fr: "email", en: "email", key: "email", required: true },
  { fr: "service", en: "department", key: "department" },
  { fr: "site", en: "site", key: "site" },
  { fr: "poste", en: "job_title", key: "jobTitle" },
  { fr: "matricule_manager", en: "manager_id", key: "managerId" },
  { fr: "langues", en: "languages", key: "languages" },
  { fr: "année_embauche", en: "hire_year", key: "hireYear" },
  { fr: "ancienneté", en: "experience_band", key: "experienceBand" },
  { fr: "fuseau_horaire", en: "time_zone", key: "timeZone" },
  { fr: "actif", en: "active", key: "active" },
] as const;

/** What file the import expects. */
export function ImportHelp() {
  const { t } = useTranslation();
  return (
    <Alert variant="light" color="gray" title={t("import.help.title")}>
      <List size="sm" spacing={4} mb="sm">
        <List.Item>{t("import.help.format")}</List.Item>
        <List.Item>{t("import.help.headers")}</List.Item>
        <List.Item>{t("import.help.never")}</List.Item>
      </List>
      <Table fz="xs" verticalSpacing={2} horizontalSpacing="xs" layout="fixed" aria-label={t("import.help.columns")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("import.help.french")}</Table.Th>
            <Table.Th>{t("import.help.english")}</Table.Th>
            <Table.Th>{t("import.help.content")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {COLUMNS.map((column) => (
            <Table.Tr key={column.key}>
              <Table.Td style={{ overflowWrap: "anywhere" }}>
                <Code>{column.fr}</Code>
              </Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere" }}>
                <Code>{column.en}</Code>
              </Table.Td>
              <Table.Td>
                {t(`import.help.fields.${column.key}`)}
                {"required" in column && (
                  <Text span size="xs" fw={600}>
                    {" "}
                    ({t("import.help.required")})
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}

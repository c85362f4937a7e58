// How the numbers were computed, as plain sentences a researcher can paste into a paper's method
// section, with a copy button and the per-code table as CSV.
import { Button, Card, CopyButton, Group, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import type { AgreementReport } from '@concord/contracts';

export function methodText(report: AgreementReport): string {
  const { method } = report;
  const scope = report.round === null ? 'all rounds' : `round ${report.round}`;
  return [
    `Stage "${report.stage.name}" (${report.stage.mode === 'multi' ? 'multi-label' : 'single choice'}), ${scope}.`,
    `Unit of analysis: ${method.unit}.`,
    `Included: ${method.included}`,
    `Missing data: ${method.missing}`,
    `Coefficients: ${method.coefficients.join('; ')}`,
    `Computed with ${method.library.name}@${method.library.version}`,
  ]
    .map((sentence) => (/[.!?]$/.test(sentence.trim()) ? sentence.trim() : `${sentence.trim()}.`))
    .join('\n');
}

export function MethodSection({ report, csvUrl }: { report: AgreementReport; csvUrl: string }) {
  const text = methodText(report);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="method-heading">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap" gap="sm">
        <Title order={2} fz="h4" id="method-heading">
          Method
        </Title>
        <Group gap="xs">
          <CopyButton value={text} timeout={2000}>
            {({ copied, copy }) => (
              <Button
                variant="default"
                size="xs"
                onClick={copy}
                leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
              >
                {copied ? 'Copied' : 'Copy method text'}
              </Button>
            )}
          </CopyButton>
          <Button component="a" href={csvUrl} download variant="light" size="xs" leftSection={<IconDownload size={14} aria-hidden />}>
            Download CSV
          </Button>
        </Group>
      </Group>
      <Text size="sm" component="p" m={0} style={{ whiteSpace: 'pre-line', userSelect: 'text' }} data-testid="method-text">
        {text}
      </Text>
    </Card>
  );
}

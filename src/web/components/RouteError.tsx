import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Button, Code, Container, EmptyState, Stack, Text } from '@mantine/core';
import { IconBug, IconMapOff } from '@tabler/icons-react';
import { PageHeader } from './PageHeader.js';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState py={48} withIndicatorBackground>
        <EmptyState.Indicator>
          <IconMapOff size={28} aria-hidden />
        </EmptyState.Indicator>
        <EmptyState.Title order={2}>There is no page at this address</EmptyState.Title>
        <EmptyState.Description>The link may be old, or the address mistyped.</EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} to="/" variant="default">
            Back to home
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </>
  );
}

/** Last resort when a page crashes: say so plainly and offer a way out. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  return (
    <main>
      <Container size="sm" py={64}>
        <Stack>
          <EmptyState variant="light" color="red">
            <EmptyState.Indicator>
              <IconBug size={28} aria-hidden />
            </EmptyState.Indicator>
            <EmptyState.Title order={1}>This page stopped working</EmptyState.Title>
            <EmptyState.Description>
              Something unexpected happened in the app. Reloading usually helps; if it happens again, tell your administrator what you were doing.
            </EmptyState.Description>
            <EmptyState.Actions>
              <Button onClick={() => window.location.reload()}>Reload</Button>
              <Button component="a" href="/" variant="default">
                Home
              </Button>
            </EmptyState.Actions>
          </EmptyState>
          <Text size="xs" c="dimmed" ta="center">
            Details: <Code>{message}</Code>
          </Text>
        </Stack>
      </Container>
    </main>
  );
}
